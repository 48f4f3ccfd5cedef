// run(): inputs → pipeline → generated files, report, commit, annotations, summary, outputs. This is
// the one place that turns an error into core.setFailed; everything it calls throws instead.
// Outputs and the summary are written before the step fails on findings or on an API error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { AnnotationBudget, annotateFindings } from '../github/annotate.js';
import type { GitHubApi } from '../github/api.js';
import { createOctokitApi, type OctokitApiOptions } from '../github/octokit.js';
import { type CommitState, renderSummary } from '../github/summary.js';
import type { Finding, Logger, Report, RunOptions } from '../model.js';
import { UsageError } from '../model.js';
import { buildRunOptions } from '../options.js';
import { checkOutDir, relativeOutDir, writeFileAtomic, writeGeneratedFiles } from '../output.js';
import { type PipelineResult, runPipeline } from '../pipeline.js';
import { MIN_SECRET_LENGTH, Redactor } from '../redact.js';
import { credentialFor, registrySecrets } from '../registry/auth.js';
import { createRegistryChecker } from '../registry/checker.js';
import { findingsAtOrAbove, reportJson } from '../render/report.js';
import { errorMessage } from '../util.js';
import type { RunContext } from './event.js';
import { readRunContext } from './event.js';
import { type ActionInputs, getInputs } from './inputs.js';
import { blobLinker, cliCommand, commitStep } from './publish.js';
import { inspectCheckout, repoPathMapper } from './workspace.js';

export interface ActionDeps {
  env: NodeJS.ProcessEnv;
  pipeline: typeof runPipeline;
  makeApi: (options: OctokitApiOptions) => GitHubApi;
}

const defaultDeps = (): ActionDeps => ({
  env: process.env,
  pipeline: runPipeline,
  makeApi: createOctokitApi,
});

export async function run(deps: ActionDeps = defaultDeps()): Promise<void> {
  try {
    await act(deps);
  } catch (e: unknown) {
    if (!(e instanceof UsageError) && e instanceof Error && e.stack) core.debug(e.stack);
    core.setFailed(errorMessage(e));
  }
}

async function act(deps: ActionDeps): Promise<void> {
  const { env } = deps;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  // Masks registry-auth (and the token) before anything else is read or logged.
  const inputs = getInputs(workspace);
  // One redactor for every output (report, files, commit, annotations, summary, outputs, log);
  // registry tokens join it as they arrive.
  const redactor = new Redactor(registrySecrets(inputs.credentials));
  const redact = redactor.redact;
  const ctx = readRunContext(env);
  if (inputs.configFile) core.info(`Read defaults from ${inputs.configFile}`);
  const budget = annotationBudget(redact);
  const logger = jobLogger(budget, redact);
  const checkout = await inspectCheckout(workspace);
  warnIfNotHead(ctx, checkout.head ?? ctx.sha, logger);

  const options = actionRunOptions(inputs, workspace);
  await checkOutDir(workspace, options.outDir, inputs.manifests, 'input output-dir');
  const result = await runChecked(deps, { inputs, options, workspace, logger, redactor });
  const { report } = result;
  const files = result.files.map((f) => ({ ...f, content: redact(f.content) }));
  await writeGeneratedFiles(workspace, options.outDir, files);
  const reportPath = await writeReportOutputs(report, ctx, redact);

  const toRepo = repoPathMapper(workspace, checkout.root);
  const failures: Error[] = [];
  const api = (repository: string) => {
    const [owner = '', repo = ''] = repository.split('/');
    if (!inputs.token)
      throw new UsageError('input token is empty: pass a token (the default is the workflow token)');
    return deps.makeApi({ token: inputs.token, baseUrl: ctx.apiUrl, owner, repo });
  };
  const { state: commit, error } = await commitStep({ inputs, ctx, files, toRepo, api, logger, budget });
  if (error) failures.push(error);

  const failing = findingsAtOrAbove(report.findings, inputs.failOn);
  const annotated = await annotate({ inputs, ctx, report, budget, toRepo, api, failures, failing });

  if (env.GITHUB_STEP_SUMMARY) {
    const html = renderSummary({
      report,
      files,
      commit,
      fork: ctx.pullRequest?.fork ?? false,
      command: cliCommand(inputs),
      annotated,
      link: blobLinker(ctx, toRepo),
    });
    await core.summary.addRaw(redact(html)).write();
  }
  writeCommitOutputs(reportPath, commit);

  if (failing.length) {
    failures.push(
      new Error(
        `${failing.length} finding(s) at or above ${inputs.failOn} (fail-on: ${inputs.failOn}); ` +
          'see the annotations and the job summary',
      ),
    );
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('\n'));
}

/** Annotations through the job's budget: core writes them as workflow commands. */
function annotationBudget(redact: (text: string) => string): AnnotationBudget {
  return new AnnotationBudget(({ level, message, ...props }) => {
    // Only defined keys: core writes `::warning ::` for an object of undefined values.
    const p = Object.fromEntries(
      Object.entries({
        title: props.title,
        file: props.file,
        startLine: props.line,
        startColumn: props.column,
      }).filter(([, v]) => v !== undefined),
    );
    if (level === 'error') core.error(redact(message), p);
    else if (level === 'warning') core.warning(redact(message), p);
    else core.notice(redact(message), p);
  });
}

function jobLogger(budget: AnnotationBudget, redact: (text: string) => string): Logger {
  return {
    info: (m) => core.info(redact(m)),
    debug: (m) => core.debug(redact(m)),
    warning: (m) => {
      if (!budget.emit({ level: 'warning', message: m })) core.info(redact(`Warning: ${m}`));
    },
  };
}

function warnIfNotHead(ctx: RunContext, workspaceHead: string | undefined, logger: Logger): void {
  const pr = ctx.pullRequest;
  if (pr && workspaceHead && workspaceHead !== pr.headSha) {
    logger.warning(
      `The workspace is at ${workspaceHead.slice(0, 7)}, not at the pull request head ${pr.headSha.slice(0, 7)} ` +
        `(on ${ctx.eventName}, actions/checkout checks out ${ctx.eventName === 'pull_request' ? 'a merge commit' : 'the base branch'} by default), ` +
        'so the results describe that commit. Check out the head: `uses: actions/checkout@v4` with ' +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
        '`ref: ${{ github.event.pull_request.head.sha }}`.',
    );
  }
}

function actionRunOptions(inputs: ActionInputs, workspace: string): RunOptions {
  return buildRunOptions({
    appSlug: inputs.appSlug,
    ...(inputs.proxyDomain ? { proxyDomain: inputs.proxyDomain } : {}),
    ...(inputs.registryDomain ? { registryDomain: inputs.registryDomain } : {}),
    privateRegistries: inputs.privateRegistries,
    publicRegistries: inputs.publicRegistries,
    insecureRegistries: inputs.insecureRegistries,
    allowRegistries: inputs.allowRegistries,
    ...(inputs.timeoutS !== undefined ? { timeoutS: inputs.timeoutS } : {}),
    // The default root, the working directory (the workspace): release paths from the pull request
    // stay inside the checkout.
    outDir: relativeOutDir(workspace, inputs.outputDir),
  });
}

interface CheckedRun {
  inputs: ActionInputs;
  options: RunOptions;
  workspace: string;
  logger: Logger;
  redactor: Redactor;
}

/** The pipeline with a registry checker that is closed whatever happens. */
async function runChecked(deps: ActionDeps, run: CheckedRun): Promise<PipelineResult> {
  const { inputs, options, workspace, logger, redactor } = run;
  const checker = createRegistryChecker({
    credentials: inputs.credentials,
    insecureRegistries: options.insecureRegistries,
    allowRegistries: options.allowRegistries,
    budget: { timeoutMs: options.timeoutS * 1000 },
    concurrency: options.concurrency,
    logger,
    // Registry tokens, redacted and masked as soon as they arrive (short ones are not masked).
    onSecret: (s) => {
      redactor.add(s);
      if (s.length >= MIN_SECRET_LENGTH) core.setSecret(s);
    },
  });
  try {
    return await deps.pipeline(inputs.manifests, options, {
      checker,
      logger,
      cwd: workspace,
      hasCredentials: (host) => credentialFor(inputs.credentials, host) !== undefined,
    });
  } finally {
    await checker.close();
  }
}

/** Writes the JSON report to the runner's temp dir; sets the `report` and `images-needing-proxy` outputs. */
async function writeReportOutputs(
  report: Report,
  ctx: RunContext,
  redact: (text: string) => string,
): Promise<string> {
  const reportPath = join(mkdtempSync(join(ctx.runnerTemp || tmpdir(), 'kots-proxy-')), 'report.json');
  await writeFileAtomic(reportPath, redact(reportJson(report)));
  core.setOutput('report', reportPath);
  core.setOutput(
    'images-needing-proxy',
    redact(
      JSON.stringify(
        report.images.filter((i) => i.proxy?.startsWith(`${report.proxyDomain}/proxy/`)).map((i) => i.image),
      ),
    ),
  );
  return reportPath;
}

interface AnnotateStep {
  inputs: ActionInputs;
  ctx: RunContext;
  report: Report;
  budget: AnnotationBudget;
  toRepo: (path: string) => string | undefined;
  api: (repository: string) => GitHubApi;
  /** Collects an error listing the pull request's files; annotation goes on for every file. */
  failures: Error[];
  failing: Finding[];
}

/** Annotates the findings on the files the pull request changes, all files, or none. */
async function annotate(step: AnnotateStep): Promise<ReturnType<typeof annotateFindings>> {
  const { inputs, ctx, report, budget, toRepo, api, failures, failing } = step;
  const pr = ctx.pullRequest;
  let changed: Set<string> | undefined;
  if (inputs.annotate === 'changed' && pr) {
    try {
      changed = new Set(await api(ctx.repository).listPullFiles(pr.number));
    } catch (e: unknown) {
      failures.push(e instanceof Error ? e : new Error(String(e)));
      changed = undefined; // fall back to annotating every file
    }
  }
  if (failures.length || failing.length) budget.reserve('error'); // setFailed's own annotation
  return annotateFindings(
    inputs.annotate === 'none' ? [] : report.findings,
    budget,
    (f) => {
      const [file = f.file, inner] = f.file.split('!');
      const path = toRepo(file);
      return inner === undefined ? { file: path, line: f.line, column: f.column } : { file: path };
    },
    (file) => changed === undefined || (file !== undefined && changed.has(file)),
  );
}

function writeCommitOutputs(reportPath: string, commit: CommitState): void {
  core.setOutput('commit-sha', commit.kind === 'committed' ? commit.sha : '');
  core.setOutput('skipped-reason', commit.kind === 'skipped' ? commit.reason : '');
  core.info(
    `Outputs: report=${reportPath} commit-sha=${commit.kind === 'committed' ? commit.sha : ''} ` +
      `skipped-reason=${commit.kind === 'skipped' ? commit.reason : ''}`,
  );
}

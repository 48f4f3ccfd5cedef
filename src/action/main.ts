// run(): inputs → pipeline → generated files, report, commit, annotations, summary, outputs. This is
// the one place that turns an error into core.setFailed; everything it calls throws instead.
// Outputs and the summary are written before the step fails on findings or on an API error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { AnnotateResult, AnnotationBudget } from '../github/annotate.js';
import type { GitHubApi } from '../github/api.js';
import { createOctokitApi, type OctokitApiOptions } from '../github/octokit.js';
import { createChecksApi } from '../github/octokit-checks.js';
import { type CommitState, renderSummary } from '../github/summary.js';
import { renderNotes } from '../github/summary-notes.js';
import { locateHelm } from '../helm/locate.js';
import type { Logger, Report, RunOptions } from '../model.js';
import { UsageError } from '../model.js';
import { buildRunOptions } from '../options.js';
import { checkOutDir, relativeOutDir, writeFileAtomic, writeGeneratedFiles } from '../output.js';
import { type PipelineDeps, type PipelineResult, runPipeline } from '../pipeline.js';
import { MIN_SECRET_LENGTH, Redactor } from '../redact.js';
import { credentialFor, registrySecrets } from '../registry/auth.js';
import { createRegistryChecker } from '../registry/checker.js';
import { findingsAtOrAbove, reportJsonChunks } from '../render/report.js';
import { errorMessage } from '../util.js';
import { annotate, annotationBudget } from './annotate.js';
import type { RunContext } from './event.js';
import { readRunContext } from './event.js';
import { type ActionInputs, getInputs } from './inputs.js';
import { runMode } from './mode.js';
import { blobLinker, cliCommand, commitStep } from './publish.js';
import { writeSarif } from './results.js';
import { compareGenerated, readCommitted } from './stale.js';
import { actionReport } from './wording.js';
import { inspectCheckout, repoPathMapper } from './workspace.js';

export interface ActionDeps {
  env: NodeJS.ProcessEnv;
  pipeline: typeof runPipeline;
  /** Finds helm for chart renders; absent: charts are approximated without a notice. */
  findHelm?: PipelineDeps['findHelm'];
  makeApi: (options: OctokitApiOptions) => GitHubApi;
  makeChecksApi?: typeof createChecksApi;
}

const defaultDeps = (): ActionDeps => ({
  env: process.env,
  pipeline: runPipeline,
  findHelm: (helmPath) => locateHelm(helmPath === undefined ? {} : { helmPath }),
  makeApi: createOctokitApi,
});

export async function run(deps: ActionDeps = defaultDeps()): Promise<void> {
  // The failure message is an output too: it goes through the run's redactor once there is one.
  const out = { redact: (text: string) => text };
  try {
    await act(deps, out);
  } catch (e: unknown) {
    if (!(e instanceof UsageError) && e instanceof Error && e.stack) core.debug(out.redact(e.stack));
    core.setFailed(out.redact(errorMessage(e)));
  }
}

async function act(deps: ActionDeps, out: { redact: (text: string) => string }): Promise<void> {
  const { env } = deps;
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  // Masks registry-auth (and the token) before anything else is read or logged.
  const inputs = getInputs(workspace);
  // One redactor for every output (report, files, commit, annotations, summary, outputs, log);
  // registry tokens join it as they arrive.
  const redactor = new Redactor(registrySecrets(inputs.credentials));
  const redact = redactor.redact;
  out.redact = redact;
  const ctx = readRunContext(env);
  const pr = ctx.pullRequest;
  if (inputs.configFile) core.info(`Read defaults from ${inputs.configFile}`);
  const budget = annotationBudget(redact);
  const logger = jobLogger(budget, redact);
  const checkout = await inspectCheckout(workspace);
  warnIfNotHead(ctx, checkout.head ?? ctx.sha, logger);

  const options = actionRunOptions(inputs, workspace);
  await checkOutDir(workspace, options.outDir, inputs.manifests, 'input output-dir');
  const result = await runChecked(deps, { inputs, options, workspace, logger, redactor });
  // Generated files are redacted once: the same text is written, compared, committed and summarized.
  const files = result.files.map((f) => ({ ...f, content: redact(f.content) }));
  const { report, notes } = actionReport(result.report, inputs, ctx, env);
  // Check mode compares what is committed with the fresh render, so it reads before writing.
  const checkMode = runMode(ctx.eventName, pr !== undefined) === 'check';
  const committed = checkMode ? await readCommitted(workspace, options.outDir, files) : undefined;
  await writeGeneratedFiles(workspace, options.outDir, files);
  if (committed) {
    notes.stale = compareGenerated(committed, files);
    core.setOutput('stale', String(notes.stale.length > 0));
  }
  const stale = (notes.stale?.length ?? 0) > 0;
  const reportPath = await writeReportOutputs(report, ctx, redactor);

  const toRepo = repoPathMapper(workspace, checkout.root);
  const failures: Error[] = [];
  const api = (repository: string) => {
    const [owner = '', repo = ''] = repository.split('/');
    if (!inputs.token)
      throw new UsageError('input token is empty: pass a token (the default is the workflow token)');
    return deps.makeApi({ token: inputs.token, baseUrl: ctx.apiUrl, owner, repo });
  };
  const failing = findingsAtOrAbove(report.findings, inputs.failOn);
  notes.failing = failing.length;
  const { state: commit, error } = await commitStep({
    inputs,
    ctx,
    files,
    toRepo,
    api,
    logger,
    budget,
    failing: failing.length > 0,
  });
  if (error) failures.push(error);

  const link = blobLinker(ctx, toRepo);
  const summaryOf = (annotated: AnnotateResult, limitBytes?: number) =>
    renderNotes(notes) +
    renderSummary({
      report,
      files,
      commit,
      fork: pr?.fork ?? false,
      command: cliCommand(inputs),
      annotated,
      link,
      ...(limitBytes ? { limitBytes } : {}),
    });
  const [owner = '', repo = ''] = ctx.repository.split('/');
  const annotated = await annotate({
    inputs,
    ctx,
    findings: report.findings,
    budget,
    logger,
    toRepo,
    api,
    checks: (deps.makeChecksApi ?? createChecksApi)({
      token: inputs.token,
      baseUrl: ctx.apiUrl,
      owner,
      repo,
    }),
    sha: commit.kind === 'committed' ? commit.sha : (pr?.headSha ?? ctx.sha),
    failing: failing.length,
    stale,
    summary: summaryOf,
    ...(env.GITHUB_RUN_ID
      ? { detailsUrl: `${ctx.serverUrl}/${ctx.repository}/actions/runs/${env.GITHUB_RUN_ID}` }
      : {}),
    failures,
    onFallback: (message) => {
      notes.checkRun = { fallback: message };
    },
    redact,
  });

  if (inputs.sarif)
    core.setOutput('sarif', await writeSarif(workspace, inputs.sarif, report, toRepo, redact));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(summaryOf(annotated))).write();
  writeCommitOutputs(reportPath, commit);

  if (failing.length) {
    failures.push(
      new Error(
        `${failing.length} finding(s) at or above ${inputs.failOn} (fail-on: ${inputs.failOn}); ` +
          'see the annotations and the job summary',
      ),
    );
  }
  if (stale) {
    failures.push(
      new Error(
        `the committed ${inputs.outputDir} differs from a fresh render in ${notes.stale?.length} file(s); see the job summary for the diff`,
      ),
    );
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('\n'));
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
  if (!pr || !workspaceHead || workspaceHead === pr.headSha) return;
  if (ctx.eventName === 'pull_request_target') {
    // Checking out the head here would run the pull request's code with the base repository's
    // secrets and a write token, so no hint to do it: the base branch is what this event is for.
    logger.info(
      `On pull_request_target the workspace holds ${workspaceHead.slice(0, 7)} (the base branch), not the pull request head ` +
        `${pr.headSha.slice(0, 7)}; the results describe the base. Use the pull_request event to check the pull request's files.`,
    );
    return;
  }
  logger.warning(
    `The workspace is at ${workspaceHead.slice(0, 7)}, not at the pull request head ${pr.headSha.slice(0, 7)} ` +
      `(on ${ctx.eventName}, actions/checkout checks out ${ctx.eventName === 'pull_request' ? 'a merge commit' : 'the base branch'} by default), ` +
      'so the results describe that commit. Check out the head: `uses: actions/checkout@v6` with ' +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
      '`ref: ${{ github.event.pull_request.head.sha }}`.',
  );
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
    concurrency: inputs.concurrency,
    perRegistryConcurrency: inputs.perRegistryConcurrency,
    ...(inputs.timeoutS !== undefined ? { timeoutS: inputs.timeoutS } : {}),
    // The default root, the working directory (the workspace): release paths from the pull request
    // stay inside the checkout.
    outDir: relativeOutDir(workspace, inputs.outputDir),
    ...(inputs.helmPath ? { helmPath: inputs.helmPath } : {}),
    ...(inputs.charts ? { charts: inputs.charts } : {}),
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
    perHostConcurrency: options.perRegistryConcurrency,
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
      ...(deps.findHelm ? { findHelm: deps.findHelm } : {}),
    });
  } finally {
    await checker.close();
  }
}

/** Writes the JSON report to the runner's temp dir; sets the `report` and `images-needing-proxy` outputs. */
async function writeReportOutputs(report: Report, ctx: RunContext, redactor: Redactor): Promise<string> {
  const redact = redactor.redact;
  const reportPath = join(mkdtempSync(join(ctx.runnerTemp || tmpdir(), 'kots-proxy-')), 'report.json');
  // Streamed and redacted piece by piece: a large report is never held as one string, twice.
  await writeFileAtomic(reportPath, redactor.redactChunks(reportJsonChunks(report)));
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

function writeCommitOutputs(reportPath: string, commit: CommitState): void {
  core.setOutput('commit-sha', commit.kind === 'committed' ? commit.sha : '');
  core.setOutput('skipped-reason', commit.kind === 'skipped' ? commit.reason : '');
  core.info(
    `Outputs: report=${reportPath} commit-sha=${commit.kind === 'committed' ? commit.sha : ''} ` +
      `skipped-reason=${commit.kind === 'skipped' ? commit.reason : ''}`,
  );
}

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
import { renderSummary } from '../github/summary.js';
import { type Logger, type RunOptions, UsageError } from '../model.js';
import { checkOutDir, relativeOutDir, writeFileAtomic, writeGeneratedFiles } from '../output.js';
import { runPipeline } from '../pipeline.js';
import { MIN_SECRET_LENGTH, Redactor } from '../redact.js';
import { credentialFor, registrySecrets } from '../registry/auth.js';
import { createRegistryChecker } from '../registry/checker.js';
import { findingsAtOrAbove, reportJson } from '../render/report.js';
import { readRunContext } from './event.js';
import { getInputs } from './inputs.js';
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
    core.setFailed(e instanceof Error ? e.message : String(e));
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
  const pr = ctx.pullRequest;
  if (inputs.configFile) core.info(`Read defaults from ${inputs.configFile}`);

  const budget = new AnnotationBudget(({ level, message, ...props }) => {
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
  const logger: Logger = {
    info: (m) => core.info(redact(m)),
    debug: (m) => core.debug(redact(m)),
    warning: (m) => {
      if (!budget.emit({ level: 'warning', message: m })) core.info(redact(`Warning: ${m}`));
    },
  };

  const checkout = await inspectCheckout(workspace);
  const workspaceHead = checkout.head ?? ctx.sha;
  if (pr && workspaceHead && workspaceHead !== pr.headSha) {
    logger.warning(
      `The workspace is at ${workspaceHead.slice(0, 7)}, not at the pull request head ${pr.headSha.slice(0, 7)} ` +
        `(on ${ctx.eventName}, actions/checkout checks out ${ctx.eventName === 'pull_request' ? 'a merge commit' : 'the base branch'} by default), ` +
        'so the results describe that commit. Check out the head: `uses: actions/checkout@v4` with ' +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
        '`ref: ${{ github.event.pull_request.head.sha }}`.',
    );
  }

  const options: RunOptions = {
    appSlug: inputs.appSlug,
    proxyDomain: inputs.proxyDomain ?? 'proxy.replicated.com',
    proxyDomainExplicit: inputs.proxyDomain !== undefined,
    privateRegistries: inputs.privateRegistries,
    publicRegistries: inputs.publicRegistries,
    insecureRegistries: inputs.insecureRegistries,
    offline: false,
    concurrency: 16,
    outDir: relativeOutDir(workspace, inputs.outputDir),
  };
  if (inputs.registryDomain) options.registryDomain = inputs.registryDomain;
  await checkOutDir(workspace, options.outDir, inputs.manifests, 'input output-dir');

  const checker = createRegistryChecker({
    credentials: inputs.credentials,
    insecureRegistries: inputs.insecureRegistries,
    allowRegistries: inputs.allowRegistries,
    budget: { timeoutMs: inputs.timeoutS * 1000 },
    concurrency: options.concurrency,
    logger,
    // Registry tokens, redacted and masked as soon as they arrive (short ones are not masked).
    onSecret: (s) => {
      redactor.add(s);
      if (s.length >= MIN_SECRET_LENGTH) core.setSecret(s);
    },
  });
  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    result = await deps.pipeline(inputs.manifests, options, {
      checker,
      logger,
      cwd: workspace,
      root: workspace, // release paths from the pull request stay inside the checkout
      hasCredentials: (host) => credentialFor(inputs.credentials, host) !== undefined,
    });
  } finally {
    await checker.close();
  }
  const { report } = result;
  const files = result.files.map((f) => ({ ...f, content: redact(f.content) }));
  await writeGeneratedFiles(workspace, options.outDir, files);

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

  // Which files to annotate: those the pull request changes, all, or none.
  let changed: Set<string> | undefined;
  if (inputs.annotate === 'changed' && pr) {
    try {
      changed = new Set(await api(ctx.repository).listPullFiles(pr.number));
    } catch (e: unknown) {
      failures.push(e instanceof Error ? e : new Error(String(e)));
      changed = undefined; // fall back to annotating every file
    }
  }
  const failing = findingsAtOrAbove(report.findings, inputs.failOn);
  if (failures.length || failing.length) budget.reserve('error'); // setFailed's own annotation
  const annotated = annotateFindings(
    inputs.annotate === 'none' ? [] : report.findings,
    budget,
    (f) => {
      const [file = f.file, inner] = f.file.split('!');
      const path = toRepo(file);
      return inner === undefined ? { file: path, line: f.line, column: f.column } : { file: path };
    },
    (file) => changed === undefined || (file !== undefined && changed.has(file)),
  );

  if (env.GITHUB_STEP_SUMMARY) {
    const html = renderSummary({
      report,
      files,
      commit,
      fork: pr?.fork ?? false,
      command: cliCommand(inputs),
      annotated,
      link: blobLinker(ctx, toRepo),
    });
    await core.summary.addRaw(redact(html)).write();
  }

  core.setOutput('commit-sha', commit.kind === 'committed' ? commit.sha : '');
  core.setOutput('skipped-reason', commit.kind === 'skipped' ? commit.reason : '');
  core.info(
    `Outputs: report=${reportPath} commit-sha=${commit.kind === 'committed' ? commit.sha : ''} ` +
      `skipped-reason=${commit.kind === 'skipped' ? commit.reason : ''}`,
  );

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

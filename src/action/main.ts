// run(): inputs → pipeline → generated files, report, commit, annotations, summary, outputs. This is
// the one place that turns an error into core.setFailed; everything it calls throws instead.
// Outputs and the summary are written before the step fails on findings or on an API error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { AnnotationBudget, annotateFindings } from '../github/annotate.js';
import type { GitHubApi } from '../github/api.js';
import { changedLines } from '../github/changed-lines.js';
import { CHECK_SUMMARY_LIMIT } from '../github/checks.js';
import { createOctokitApi, type OctokitApiOptions } from '../github/octokit.js';
import { createChecksApi } from '../github/octokit-checks.js';
import { renderSummary } from '../github/summary.js';
import { type NotesInput, renderNotes } from '../github/summary-notes.js';
import { type Logger, type RunOptions, UsageError } from '../model.js';
import { checkOutDir, relativeOutDir, writeFileAtomic, writeGeneratedFiles } from '../output.js';
import { runPipeline } from '../pipeline.js';
import { credentialFor } from '../registry/auth.js';
import { createRegistryChecker } from '../registry/checker.js';
import { findingsAtOrAbove, reportJson } from '../render/report.js';
import { readRunContext } from './event.js';
import { getInputs } from './inputs.js';
import { capCredentialFindings, hiddenCredentialsReason, runMode } from './mode.js';
import { blobLinker, cliCommand, commitStep } from './publish.js';
import { checkRunStep, selectFindings, writeSarif } from './results.js';
import { compareGenerated, readCommitted } from './stale.js';
import { reportForAction } from './wording.js';
import { inspectCheckout, repoPathMapper } from './workspace.js';

export interface ActionDeps {
  env: NodeJS.ProcessEnv;
  pipeline: typeof runPipeline;
  makeApi: (options: OctokitApiOptions) => GitHubApi;
  makeChecksApi?: typeof createChecksApi;
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
    if (level === 'error') core.error(message, p);
    else if (level === 'warning') core.warning(message, p);
    else core.notice(message, p);
  });
  const logger: Logger = {
    info: (m) => core.info(m),
    debug: (m) => core.debug(m),
    warning: (m) => {
      if (!budget.emit({ level: 'warning', message: m })) core.info(`Warning: ${m}`);
    },
  };

  const checkout = await inspectCheckout(workspace);
  const workspaceHead = checkout.head ?? ctx.sha;
  if (pr && workspaceHead && workspaceHead !== pr.headSha && ctx.eventName === 'pull_request_target') {
    // Checking out the head here would run the pull request's code with the base repository's
    // secrets and a write token, so no hint to do it: the base branch is what this event is for.
    logger.info(
      `On pull_request_target the workspace holds ${workspaceHead.slice(0, 7)} (the base branch), not the pull request head ` +
        `${pr.headSha.slice(0, 7)}; the results describe the base. Use the pull_request event to check the pull request's files.`,
    );
  } else if (pr && workspaceHead && workspaceHead !== pr.headSha) {
    logger.warning(
      `The workspace is at ${workspaceHead.slice(0, 7)}, not at the pull request head ${pr.headSha.slice(0, 7)} ` +
        `(on ${ctx.eventName}, actions/checkout checks out ${ctx.eventName === 'pull_request' ? 'a merge commit' : 'the base branch'} by default), ` +
        'so the results describe that commit. Check out the head: `uses: actions/checkout@v6` with ' +
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
    concurrency: options.concurrency,
    logger,
    onSecret: (s) => core.setSecret(s), // registry tokens, masked as soon as they arrive
  });
  let result: Awaited<ReturnType<typeof runPipeline>>;
  try {
    result = await deps.pipeline(inputs.manifests, options, {
      checker,
      logger,
      cwd: workspace,
      hasCredentials: (host) => credentialFor(inputs.credentials, host) !== undefined,
    });
  } finally {
    await checker.close();
  }
  const { files } = result;
  let report = reportForAction(result.report);
  // Forks and Dependabot get no Actions secrets: "credentials missing" says nothing about the release.
  const hidden = hiddenCredentialsReason({
    fork: pr?.fork ?? false,
    actor: env.GITHUB_ACTOR ?? '',
    noCredentials: inputs.credentials.size === 0,
  });
  const notes: NotesInput = { findings: [], failing: 0, failOn: inputs.failOn, outputDir: inputs.outputDir };
  if (hidden) {
    const c = capCredentialFindings(report.findings);
    report = { ...report, findings: c.findings };
    notes.hiddenCredentials = { reason: hidden, capped: c.capped };
  }
  const mode = runMode(ctx.eventName, pr !== undefined);
  const committed = mode === 'check' ? await readCommitted(workspace, options.outDir, files) : undefined;
  await writeGeneratedFiles(workspace, options.outDir, files);
  if (committed) {
    notes.stale = compareGenerated(committed, files);
    core.setOutput('stale', String(notes.stale.length > 0));
  }

  const reportPath = join(mkdtempSync(join(ctx.runnerTemp || tmpdir(), 'kots-proxy-')), 'report.json');
  await writeFileAtomic(reportPath, reportJson(report));
  core.setOutput('report', reportPath);
  core.setOutput(
    'images-needing-proxy',
    JSON.stringify(
      report.images.filter((i) => i.proxy?.startsWith(`${report.proxyDomain}/proxy/`)).map((i) => i.image),
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
  const failing = findingsAtOrAbove(report.findings, inputs.failOn);
  notes.findings = report.findings;
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

  // Which findings to annotate: those in files (or on lines) the pull request changes, all, or none.
  const locate = (f: (typeof report.findings)[number]) => {
    const [file = f.file, inner] = f.file.split('!');
    const path = toRepo(file);
    return inner === undefined ? { file: path, line: f.line, column: f.column } : { file: path };
  };
  const selection: Parameters<typeof selectFindings>[2] = {};
  const makeChecks = (deps.makeChecksApi ?? createChecksApi)({
    token: inputs.token,
    baseUrl: ctx.apiUrl,
    owner: ctx.repository.split('/')[0] ?? '',
    repo: ctx.repository.split('/')[1] ?? '',
  });
  if (pr && (inputs.annotate === 'changed' || inputs.annotate === 'changed-lines')) {
    try {
      if (inputs.annotate === 'changed')
        selection.files = new Set(await api(ctx.repository).listPullFiles(pr.number));
      else selection.lines = changedLines(await makeChecks.listPullPatches(pr.number));
    } catch (e: unknown) {
      failures.push(e instanceof Error ? e : new Error(String(e))); // and annotate every file
    }
  }
  const { selected, filtered } = selectFindings(
    inputs.annotate === 'none' ? [] : report.findings,
    locate,
    selection,
  );
  const link = blobLinker(ctx, toRepo);
  const summaryOf = (annotated: { shown: number; omitted: number; filtered: number }, limitBytes?: number) =>
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

  // The check run goes on the commit the pull request ends up at: ours when we committed.
  const stale = (notes.stale?.length ?? 0) > 0;
  const sha = commit.kind === 'committed' ? commit.sha : (pr?.headSha ?? ctx.sha);
  const check =
    inputs.token && sha
      ? await checkRunStep({
          api: makeChecks,
          sha,
          conclusion: failing.length || stale ? 'failure' : 'success',
          title: verdictTitle(failing.length, stale),
          summary: summaryOf({ shown: selected.length, omitted: 0, filtered }, CHECK_SUMMARY_LIMIT),
          findings: selected,
          locate,
          fork: pr?.fork ?? false,
          ...(env.GITHUB_RUN_ID
            ? { detailsUrl: `${ctx.serverUrl}/${ctx.repository}/actions/runs/${env.GITHUB_RUN_ID}` }
            : {}),
        })
      : ({ ok: false, message: '' } as const);
  if (!check.ok && check.message) {
    logger.warning(check.message);
    notes.checkRun = { fallback: check.message };
  }
  if (failures.length || failing.length || stale) budget.reserve('error'); // setFailed's own annotation
  const annotated = check.ok
    ? { shown: check.annotations, omitted: 0, filtered }
    : annotateFindings(selected, budget, locate, () => true);
  if (!check.ok) annotated.filtered = filtered;
  core.setOutput('check-run', check.ok ? 'published' : 'fallback');

  if (inputs.sarif) core.setOutput('sarif', await writeSarif(workspace, inputs.sarif, report, toRepo));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryOf(annotated)).write();

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

function verdictTitle(failing: number, stale: boolean): string {
  if (failing) return `${failing} finding(s) block this release`;
  if (stale) return 'The committed generated files are out of date';
  return 'Ready';
}

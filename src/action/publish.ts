// The GitHub side of a run, after the pipeline: the commit decision and the summary's links. Split
// from main.ts so run() reads as the sequence of steps.

import type { AnnotationBudget } from '../github/annotate.js';
import { type GitHubApi, GitHubPermissionError } from '../github/api.js';
import { commitGeneratedFiles } from '../github/commit.js';
import type { CommitState } from '../github/summary.js';
import type { GeneratedFile } from '../model.js';
import { type Logger, UsageError } from '../model.js';
import { asError } from '../util.js';
import type { RunContext } from './event.js';
import type { ActionInputs } from './inputs.js';

export interface CommitStepInput {
  inputs: ActionInputs;
  ctx: RunContext;
  files: GeneratedFile[];
  toRepo: (wsPath: string) => string | undefined;
  /** Client for `owner/name`; throws when there is no token. */
  api: (repository: string) => GitHubApi;
  logger: Logger;
  budget: AnnotationBudget;
  /** Some finding reaches fail-on: under `commit: on-success` nothing is pushed on top of it. */
  failing: boolean;
}

/** Decides whether to commit and does it. API errors come back as `failed` (the step fails later,
 *  after the summary and outputs are written). */
export async function commitStep(s: CommitStepInput): Promise<{ state: CommitState; error?: Error }> {
  const { inputs, ctx } = s;
  const pr = ctx.pullRequest;
  if (inputs.commit === 'never') {
    return { state: { kind: 'skipped', reason: 'disabled', detail: 'commit: never' } };
  }
  if (!pr) {
    const detail = `event ${ctx.eventName || 'unknown'}`;
    return { state: { kind: 'skipped', reason: 'not-a-pull-request', detail } };
  }
  if (pr.fork) {
    const detail = `head repository ${pr.headRepo || '(deleted)'} is not ${pr.baseRepo}`;
    return { state: { kind: 'skipped', reason: 'fork', detail } };
  }
  if (inputs.commit === 'on-success' && s.failing) {
    const detail = `findings reach fail-on: ${inputs.failOn}; fix them, or set commit: always`;
    return { state: { kind: 'skipped', reason: 'failing-result', detail } };
  }
  try {
    const outDir = s.toRepo(inputs.outputDir);
    if (!outDir) throw new UsageError(`input output-dir ${inputs.outputDir} is not inside the repository`);
    if (!pr.headRef) throw new UsageError('the pull_request event payload names no head branch (head.ref)');
    const outcome = await commitGeneratedFiles({
      api: s.api(pr.headRepo),
      branch: pr.headRef,
      headSha: pr.headSha,
      outDir,
      files: s.files.map((f) => ({ path: s.toRepo(f.path) ?? f.path, content: f.content })),
      message: inputs.commitMessage,
      logger: s.logger,
    });
    if (outcome.kind === 'committed') {
      const url = `${ctx.serverUrl}/${pr.headRepo}/commit/${outcome.sha}`;
      return { state: { kind: 'committed', sha: outcome.sha, url } };
    }
    if (outcome.reason === 'head-moved') {
      s.budget.emit({
        level: 'notice',
        title: 'kots-proxy',
        message: `Not committing: ${outcome.detail}. Nothing was overwritten; the run for the new head will commit.`,
      });
    }
    return { state: { kind: 'skipped', reason: outcome.reason, detail: outcome.detail } };
  } catch (e: unknown) {
    // A read-only token (Dependabot, `permissions: read-all`, an App without contents: write) cannot
    // push: that is how the workflow is set up, not a failure of this run.
    if (e instanceof GitHubPermissionError && e.permission === 'contents: write') {
      const detail =
        'the token cannot write to the repository (403); apply the files yourself or grant contents: write';
      return { state: { kind: 'skipped', reason: 'read-only-token', detail } };
    }
    const error = asError(e);
    return { state: { kind: 'failed', message: error.message }, error };
  }
}

/** Blob URL of a workspace-relative file on the commit the run is about (the PR head, else GITHUB_SHA). */
export function blobLinker(ctx: RunContext, toRepo: (wsPath: string) => string | undefined) {
  const pr = ctx.pullRequest;
  const [repo, sha] = pr ? [pr.headRepo || ctx.repository, pr.headSha] : [ctx.repository, ctx.sha];
  return (file: string, line?: number): string | undefined => {
    // `chart.tgz!templates/x.yaml`: link the archive, lines inside it have no anchor.
    const [outer = file, inner] = file.split('!');
    const path = toRepo(outer);
    if (!path || !repo || !sha) return undefined;
    const anchor = line !== undefined && inner === undefined ? `#L${line}` : '';
    return `${ctx.serverUrl}/${repo}/blob/${sha}/${encodeURI(path)}${anchor}`;
  };
}

/** The CLI command that reproduces this run, for authors who must commit the files themselves. */
export function cliCommand(i: ActionInputs): string {
  const q = (s: string) => (/^[\w./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const parts = [
    'kots-proxy',
    'scan',
    ...i.manifests.map(q),
    '--app-slug',
    q(i.appSlug),
    '--out',
    q(i.outputDir),
  ];
  if (i.proxyDomain) parts.push('--proxy-domain', q(i.proxyDomain));
  if (i.registryDomain) parts.push('--registry-domain', q(i.registryDomain));
  for (const h of i.privateRegistries) parts.push('--private-registry', q(h));
  for (const h of i.publicRegistries) parts.push('--public-registry', q(h));
  for (const h of i.insecureRegistries) parts.push('--insecure-registry', q(h));
  return parts.join(' ');
}

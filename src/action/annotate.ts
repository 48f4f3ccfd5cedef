// The annotate step: which findings to show (files or lines the pull request changes, all, none),
// the `kots-proxy` check run on the commit the pull request ends up at, and workflow-command
// annotations through the job's budget when the check run cannot be published.
import * as core from '@actions/core';
import { type AnnotateResult, AnnotationBudget, annotateFindings } from '../github/annotate.js';
import type { GitHubApi } from '../github/api.js';
import { changedLines } from '../github/changed-lines.js';
import { CHECK_SUMMARY_LIMIT, type ChecksApi } from '../github/checks.js';
import type { PullPatchApi } from '../github/octokit-checks.js';
import type { Finding, Logger } from '../model.js';
import { asError } from '../util.js';
import type { RunContext } from './event.js';
import type { ActionInputs } from './inputs.js';
import { checkRunStep, type Locate, selectFindings } from './results.js';

/** Annotations through the job's budget: core writes them as workflow commands, redacted. */
export function annotationBudget(redact: (text: string) => string): AnnotationBudget {
  return new AnnotationBudget(({ level, message, ...props }) => {
    // Only defined keys: core writes `::warning ::` for an object of undefined values.
    const p = Object.fromEntries(
      Object.entries({
        title: props.title === undefined ? undefined : redact(props.title),
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

export interface AnnotateStep {
  inputs: ActionInputs;
  ctx: RunContext;
  findings: readonly Finding[];
  budget: AnnotationBudget;
  logger: Logger;
  toRepo: (path: string) => string | undefined;
  api: (repository: string) => GitHubApi;
  checks: ChecksApi & PullPatchApi;
  /** The commit the check run goes on: ours when we committed, else the head (or GITHUB_SHA). */
  sha: string | undefined;
  failing: number;
  stale: boolean;
  /** The job summary, cut to limitBytes when given (the check run's summary has a size limit). */
  summary: (annotated: AnnotateResult, limitBytes?: number) => string;
  detailsUrl?: string;
  /** Collects an error listing the pull request's files; annotation goes on for every file. */
  failures: Error[];
  /** A note for the job summary when the check run could not be published. */
  onFallback: (message: string) => void;
  /** The run's redactor: the check run's summary and annotations leave the runner too. */
  redact: (text: string) => string;
}

export async function annotate(s: AnnotateStep): Promise<AnnotateResult> {
  const { inputs, ctx, budget, failures } = s;
  const pr = ctx.pullRequest;
  const locate: Locate = (f) => {
    const [file = f.file, inner] = f.file.split('!');
    const path = s.toRepo(file);
    return inner === undefined ? { file: path, line: f.line, column: f.column } : { file: path };
  };
  const selection: Parameters<typeof selectFindings>[2] = {};
  if (pr && (inputs.annotate === 'changed' || inputs.annotate === 'changed-lines')) {
    try {
      if (inputs.annotate === 'changed')
        selection.files = new Set(await s.api(ctx.repository).listPullFiles(pr.number));
      else selection.lines = changedLines(await s.checks.listPullPatches(pr.number));
    } catch (e: unknown) {
      failures.push(asError(e)); // and annotate every file
    }
  }
  const { selected, filtered } = selectFindings(
    inputs.annotate === 'none' ? [] : s.findings,
    locate,
    selection,
  );

  const check =
    inputs.token && s.sha
      ? await checkRunStep({
          api: s.checks,
          sha: s.sha,
          conclusion: s.failing || s.stale ? 'failure' : 'success',
          title: verdictTitle(s.failing, s.stale),
          summary: s.redact(s.summary({ shown: selected.length, omitted: 0, filtered }, CHECK_SUMMARY_LIMIT)),
          findings: selected.map((f) => ({ ...f, message: s.redact(f.message) })),
          locate,
          fork: pr?.fork ?? false,
          ...(s.detailsUrl ? { detailsUrl: s.detailsUrl } : {}),
        })
      : ({ ok: false, message: '' } as const);
  if (!check.ok && check.message) {
    s.logger.warning(check.message);
    s.onFallback(check.message);
  }
  if (failures.length || s.failing || s.stale) budget.reserve('error'); // setFailed's own annotation
  core.setOutput('check-run', check.ok ? 'published' : 'fallback');
  if (check.ok) return { shown: check.annotations, omitted: 0, filtered };
  const annotated = annotateFindings(selected, budget, locate, () => true);
  return { ...annotated, filtered };
}

function verdictTitle(failing: number, stale: boolean): string {
  if (failing) return `${failing} finding(s) block this release`;
  if (stale) return 'The committed generated files are out of date';
  return 'Ready';
}

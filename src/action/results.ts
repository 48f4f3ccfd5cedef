// Where the result goes besides the job summary: a check run on the commit the pull request ends up
// at (every annotation, no per-level cap), the annotate selection (changed files or changed lines),
// and the SARIF log. main.ts calls these in order; each throws nothing the step should fail on.
import { resolve } from 'node:path';
import { GitHubPermissionError } from '../github/api.js';
import { type ChangedLines, onChangedLine } from '../github/changed-lines.js';
import {
  type CheckConclusion,
  type ChecksApi,
  publishCheckRun,
  toCheckAnnotations,
} from '../github/checks.js';
import type { Finding, Report } from '../model.js';
import { writeFileAtomic } from '../output.js';
import { renderSarif, sarifJson } from '../render/sarif.js';
import { VERSION } from '../version.js';

const CHECK_NAME = 'kots-proxy';

export type Locate = (f: Finding) => { file?: string; line?: number; column?: number };

/** The annotate input as a predicate on findings: files the PR changes, lines it changes, or all. */
export function selectFindings(
  findings: readonly Finding[],
  locate: Locate,
  selection: { files?: Set<string>; lines?: ChangedLines },
): { selected: Finding[]; filtered: number } {
  const selected = findings.filter((f) => {
    const loc = locate(f);
    if (selection.lines) return onChangedLine(selection.lines, loc.file, loc.line);
    if (selection.files) return loc.file !== undefined && selection.files.has(loc.file);
    return true;
  });
  return { selected, filtered: findings.length - selected.length };
}

export interface CheckRunStep {
  api: ChecksApi;
  sha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  findings: readonly Finding[];
  locate: Locate;
  detailsUrl?: string;
  /** A fork's run: its token is read-only whatever the workflow asks, so no permission advice. */
  fork?: boolean;
}

export type CheckRunOutcome =
  | { ok: true; annotations: number; updated: boolean }
  | { ok: false; message: string };

/** Publishes the check run; a missing permission or an API failure comes back as a message to show
 *  once, and the caller falls back to workflow-command annotations. */
export async function checkRunStep(s: CheckRunStep): Promise<CheckRunOutcome> {
  try {
    const r = await publishCheckRun(s.api, {
      name: CHECK_NAME,
      headSha: s.sha,
      conclusion: s.conclusion,
      title: s.title,
      summary: s.summary,
      annotations: toCheckAnnotations(s.findings, s.locate),
      ...(s.detailsUrl ? { detailsUrl: s.detailsUrl } : {}),
    });
    return { ok: true, annotations: r.annotations, updated: r.updated };
  } catch (e: unknown) {
    if (e instanceof GitHubPermissionError && e.permission?.startsWith('checks') && s.fork) {
      return {
        ok: false,
        message:
          'Runs for fork pull requests get a read-only token, so the result is not published as a check run; ' +
          'findings are annotated with workflow commands instead (GitHub shows at most 10 per level).',
      };
    }
    if (e instanceof GitHubPermissionError && e.permission?.startsWith('checks')) {
      return {
        ok: false,
        message:
          'The token has no `checks: write`, so the result is not published as a check run on the pull request head; ' +
          'findings are annotated with workflow commands instead (GitHub shows at most 10 per level). ' +
          'Add `checks: write` to the job permissions to get every annotation.',
      };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      message: `The check run could not be published (${detail}); findings are annotated with workflow commands instead.`,
    };
  }
}

/** Writes the SARIF log (paths repo-relative), redacted, and returns its absolute path. */
export async function writeSarif(
  workspace: string,
  file: string,
  report: Report,
  toRepo: (wsPath: string) => string | undefined,
  redact: (text: string) => string,
): Promise<string> {
  const path = resolve(workspace, file);
  const sarif = sarifJson(renderSarif(report, { toolVersion: VERSION, uri: toRepo }));
  await writeFileAtomic(path, redact(sarif));
  return path;
}

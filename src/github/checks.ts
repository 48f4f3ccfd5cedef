// The result as a check run (Checks API) on the commit the pull request ends up at. A commit made with
// GITHUB_TOKEN starts no workflow, so without this the new head would carry no result at all; and a
// check run takes every annotation (50 per request, appended on update), not the 10 per level that
// workflow commands get. Reruns on the same commit update the run of the same name instead of
// adding another one.
import type { Finding, Level } from '../model.js';
import { rankFindings } from './annotate.js';

/** GitHub's limits for one create/update request (docs: "Update a check run"). */
const ANNOTATIONS_PER_REQUEST = 50;
export const CHECK_SUMMARY_LIMIT = 65535;
const CHECK_TITLE_LIMIT = 255;
const ANNOTATION_MESSAGE_LIMIT = 64 * 1024;

export type CheckConclusion = 'success' | 'failure' | 'neutral';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  annotations?: CheckAnnotation[];
}

interface ExistingCheckRun {
  id: number;
  annotationsCount: number;
}

/** The Checks API calls used, scoped to one repository. */
export interface ChecksApi {
  /** The newest check run called `name` on `sha`, if any. */
  findCheckRun(sha: string, name: string): Promise<ExistingCheckRun | undefined>;
  createCheckRun(run: {
    name: string;
    headSha: string;
    conclusion: CheckConclusion;
    output: CheckRunOutput;
    detailsUrl?: string;
  }): Promise<number>;
  updateCheckRun(id: number, run: { conclusion: CheckConclusion; output: CheckRunOutput }): Promise<void>;
}

const LEVEL: Record<Level, CheckAnnotation['annotation_level']> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * Findings → check annotations, errors first. `location` gives the repo-relative place (no file: the
 * finding is not annotated in a file, it stays in the summary). A file inside a chart archive is
 * annotated on the archive, line 1: GitHub can only show lines of files in the repository.
 */
export function toCheckAnnotations(
  findings: readonly Finding[],
  location: (f: Finding) => { file?: string; line?: number; column?: number },
): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const f of rankFindings(findings)) {
    const loc = location(f);
    if (!loc.file) continue;
    const line = loc.line ?? 1;
    const a: CheckAnnotation = {
      path: loc.file,
      start_line: line,
      end_line: line,
      annotation_level: LEVEL[f.level],
      message: truncate(f.message, ANNOTATION_MESSAGE_LIMIT),
      title: f.rule,
    };
    // Columns are only allowed when the annotation is on one line.
    if (loc.column !== undefined) {
      a.start_column = loc.column;
      a.end_column = loc.column;
    }
    out.push(a);
  }
  return out;
}

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
  detailsUrl?: string;
}

export interface CheckRunResult {
  id: number;
  /** Whether an existing run of that name on that commit was updated (a rerun). */
  updated: boolean;
  annotations: number;
  requests: number;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Creates the check run with the first 50 annotations and appends the rest by updates. On a rerun the
 * run found by name on that commit is updated; since GitHub only appends annotations, they are sent
 * again only when the old run has none, and a run whose annotations differ in number is replaced by
 * a new one (GitHub shows the newest run of a name).
 */
export async function publishCheckRun(api: ChecksApi, req: CheckRunRequest): Promise<CheckRunResult> {
  const output = (annotations?: CheckAnnotation[]): CheckRunOutput => ({
    title: truncate(req.title, CHECK_TITLE_LIMIT),
    summary: truncate(req.summary, CHECK_SUMMARY_LIMIT),
    ...(annotations ? { annotations } : {}),
  });
  const chunks = batches(req.annotations, ANNOTATIONS_PER_REQUEST);
  const existing = await api.findCheckRun(req.headSha, req.name);
  let requests = 1;
  if (existing && existing.annotationsCount === req.annotations.length && existing.annotationsCount > 0) {
    await api.updateCheckRun(existing.id, { conclusion: req.conclusion, output: output() });
    return { id: existing.id, updated: true, annotations: existing.annotationsCount, requests };
  }
  let id: number;
  let updated = false;
  if (existing && existing.annotationsCount === 0) {
    id = existing.id;
    updated = true;
    await api.updateCheckRun(id, { conclusion: req.conclusion, output: output(chunks[0] ?? []) });
  } else {
    id = await api.createCheckRun({
      name: req.name,
      headSha: req.headSha,
      conclusion: req.conclusion,
      output: output(chunks[0] ?? []),
      ...(req.detailsUrl ? { detailsUrl: req.detailsUrl } : {}),
    });
  }
  for (const chunk of chunks.slice(1)) {
    await api.updateCheckRun(id, { conclusion: req.conclusion, output: output(chunk) });
    requests += 1;
  }
  return { id, updated, annotations: req.annotations.length, requests };
}

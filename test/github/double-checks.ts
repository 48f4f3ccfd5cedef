// Check runs and token permissions for the GitHub API double, with the limits GitHub documents for
// "Create a check run" / "Update a check run": at most 50 annotations per request (422 beyond), an
// output summary of at most 65535 characters, columns only on one-line annotations, and annotations
// appended by each update. A token without `checks: write` gets 403 "Resource not accessible by
// integration", as GITHUB_TOKEN does when the job's permissions leave checks out.

export type Access = 'none' | 'read' | 'write';

export interface TokenPermissions {
  contents: Access;
  checks: Access;
  pullRequests: Access;
}

interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  message: string;
  title?: string;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  output: { title: string; summary: string };
  annotations: StoredAnnotation[];
  /** Requests that created or updated it, in order. */
  writes: number;
}

export class DoubleHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const CHECK_LIMITS = { annotationsPerRequest: 50, summaryChars: 65535, titleChars: 255 } as const;

const LEVELS = ['notice', 'warning', 'failure'];
const CONCLUSIONS = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required'];

export function requireAccess(perms: TokenPermissions, scope: keyof TokenPermissions, need: Access): void {
  const rank: Record<Access, number> = { none: 0, read: 1, write: 2 };
  if (rank[perms[scope]] < rank[need])
    throw new DoubleHttpError(403, 'Resource not accessible by integration');
}

function validateOutput(output: unknown): {
  title: string;
  summary: string;
  annotations: StoredAnnotation[];
} {
  if (typeof output !== 'object' || output === null)
    throw new DoubleHttpError(422, 'output must be an object');
  const o = output as Record<string, unknown>;
  if (typeof o.title !== 'string' || typeof o.summary !== 'string') {
    throw new DoubleHttpError(422, 'output.title and output.summary are required');
  }
  if (o.summary.length > CHECK_LIMITS.summaryChars) {
    throw new DoubleHttpError(
      422,
      `output.summary is too long (maximum is ${CHECK_LIMITS.summaryChars} characters)`,
    );
  }
  if (o.title.length > CHECK_LIMITS.titleChars) throw new DoubleHttpError(422, 'output.title is too long');
  const list = o.annotations ?? [];
  if (!Array.isArray(list)) throw new DoubleHttpError(422, 'output.annotations must be an array');
  if (list.length > CHECK_LIMITS.annotationsPerRequest) {
    throw new DoubleHttpError(422, 'Only 50 annotations are allowed per request');
  }
  const annotations = list.map((a: unknown) => {
    const x = (a ?? {}) as Record<string, unknown>;
    const ok =
      typeof x.path === 'string' &&
      x.path !== '' &&
      Number.isInteger(x.start_line) &&
      Number.isInteger(x.end_line) &&
      typeof x.message === 'string' &&
      LEVELS.includes(String(x.annotation_level));
    if (!ok) throw new DoubleHttpError(422, `invalid annotation ${JSON.stringify(a)}`);
    if ((x.start_column !== undefined || x.end_column !== undefined) && x.start_line !== x.end_line) {
      throw new DoubleHttpError(422, 'start_column and end_column are only allowed on one-line annotations');
    }
    return x as unknown as StoredAnnotation;
  });
  return { title: o.title, summary: o.summary, annotations };
}

/** Handles `/check-runs` and `/commits/:sha/check-runs`; undefined when the route is not one of them. */
export async function handleChecks(
  runs: StoredCheckRun[],
  method: string,
  rest: string,
  query: URLSearchParams,
  body: Record<string, unknown>,
  perms: TokenPermissions,
  isCommit: (sha: string) => Promise<boolean>,
): Promise<{ status: number; data: unknown } | undefined> {
  const view = (r: StoredCheckRun) => ({
    id: r.id,
    name: r.name,
    head_sha: r.head_sha,
    status: r.status,
    conclusion: r.conclusion,
    output: { title: r.output.title, summary: r.output.summary, annotations_count: r.annotations.length },
  });
  let m = rest.match(/^\/commits\/([^/]+)\/check-runs$/);
  if (m && method === 'GET') {
    requireAccess(perms, 'checks', 'read');
    const name = query.get('check_name');
    const found = runs
      .filter((r) => r.head_sha === m![1] && (name === null || r.name === name))
      .sort((a, b) => b.id - a.id);
    return { status: 200, data: { total_count: found.length, check_runs: found.map(view) } };
  }
  if (rest === '/check-runs' && method === 'POST') {
    requireAccess(perms, 'checks', 'write');
    const { name, head_sha: sha } = body;
    if (typeof name !== 'string' || typeof sha !== 'string')
      throw new DoubleHttpError(422, 'name and head_sha are required');
    if (!(await isCommit(sha))) throw new DoubleHttpError(422, 'No commit found for SHA');
    if (body.conclusion !== undefined && !CONCLUSIONS.includes(String(body.conclusion))) {
      throw new DoubleHttpError(422, 'invalid conclusion');
    }
    const output =
      body.output === undefined ? { title: '', summary: '', annotations: [] } : validateOutput(body.output);
    const run: StoredCheckRun = {
      id: runs.length + 1,
      name,
      head_sha: sha,
      status: String(body.status ?? 'queued'),
      conclusion: body.conclusion === undefined ? null : String(body.conclusion),
      output: { title: output.title, summary: output.summary },
      annotations: output.annotations,
      writes: 1,
      ...(typeof body.details_url === 'string' ? { details_url: body.details_url } : {}),
    };
    runs.push(run);
    return { status: 201, data: view(run) };
  }
  m = rest.match(/^\/check-runs\/(\d+)$/);
  if (m && method === 'PATCH') {
    requireAccess(perms, 'checks', 'write');
    const run = runs.find((r) => r.id === Number(m![1]));
    if (!run) throw new DoubleHttpError(404, 'Not Found');
    if (body.output !== undefined) {
      const output = validateOutput(body.output);
      run.output = { title: output.title, summary: output.summary };
      run.annotations.push(...output.annotations); // GitHub appends, it never replaces
    }
    if (body.status !== undefined) run.status = String(body.status);
    if (body.conclusion !== undefined) run.conclusion = String(body.conclusion);
    run.writes += 1;
    return { status: 200, data: view(run) };
  }
  return undefined;
}

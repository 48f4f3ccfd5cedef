// A loopback stand-in for the GitHub REST API endpoints the action calls. Objects live in a REAL bare
// git repository and are made with git plumbing, so the tests can check results with plain `git`.
// Like GitHub it enforces the token (401 without one, 403 for a read-only token on writes) and
// `force: false` on ref updates (422 "Update is not a fast forward").
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  DoubleHttpError,
  handleChecks,
  requireAccess,
  type StoredCheckRun,
  type TokenPermissions,
} from './double-checks.js';
import { git, gitRaw, tempDir } from './git.js';

/** @public */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  token: string | undefined;
}

export interface DoubleOptions {
  bare: string;
  owner: string;
  repo: string;
  writeTokens: string[];
  readTokens?: string[];
  /** Tokens with explicit permissions (the job's `permissions:`), next to write/read tokens. */
  tokens?: Record<string, TokenPermissions>;
  /** Changed files per pull request number, with their unified diff when the test needs lines. */
  pulls?: Record<number, (string | { filename: string; patch?: string })[]>;
  /** GitHub caps per_page at 100; tests lower it to force pagination. */
  maxPerPage?: number;
  /** Answers a request with an injected failure instead of handling it (5xx, rate limits). */
  fault?: (
    req: RecordedRequest,
  ) => { status: number; message: string; headers?: Record<string, string> } | undefined;
  /** Runs before a request is handled (e.g. push to the branch just before the PATCH). */
  before?: (req: RecordedRequest) => Promise<void>;
}

export interface GitHubDouble {
  url: string;
  requests: RecordedRequest[];
  checkRuns: StoredCheckRun[];
  close(): Promise<void>;
}

const HttpError = DoubleHttpError;
const WRITE: TokenPermissions = { contents: 'write', checks: 'write', pullRequests: 'read' };
const READ: TokenPermissions = { contents: 'read', checks: 'read', pullRequests: 'read' };

export async function startGitHubDouble(opts: DoubleOptions): Promise<GitHubDouble> {
  const requests: RecordedRequest[] = [];
  const checkRuns: StoredCheckRun[] = [];
  const g = (args: string[], input?: string | Buffer) => git(['--git-dir', opts.bare, ...args], { input });
  let url = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const auth = req.headers.authorization;
    const token = auth?.replace(/^(token|bearer)\s+/i, '');
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: u.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      token,
    };
    requests.push(rec);
    await opts.before?.(rec);
    const fault = opts.fault?.(rec);
    if (fault) {
      res.writeHead(fault.status, { 'content-type': 'application/json; charset=utf-8', ...fault.headers });
      res.end(JSON.stringify({ message: fault.message, status: String(fault.status) }));
      return;
    }

    if (!token) throw new HttpError(401, 'Requires authentication');
    const perms =
      opts.tokens?.[token] ??
      (opts.writeTokens.includes(token) ? WRITE : (opts.readTokens ?? []).includes(token) ? READ : undefined);
    if (!perms) throw new HttpError(401, 'Bad credentials');

    const prefix = `/repos/${opts.owner}/${opts.repo}`;
    if (!u.pathname.startsWith(prefix)) throw new HttpError(404, 'Not Found');
    const rest = u.pathname.slice(prefix.length);
    const body = (rec.body ?? {}) as Record<string, unknown>;
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(data));
    };
    const route = (method: string, re: RegExp) => (rec.method === method ? rest.match(re) : null);
    let m: RegExpMatchArray | null;
    const isCommit = async (sha: string) =>
      /^[0-9a-f]{40}$/.test(sha) &&
      (await gitRaw(['--git-dir', opts.bare, 'cat-file', '-t', sha])).stdout.trim() === 'commit';
    const checks = await handleChecks(checkRuns, rec.method, rest, u.searchParams, body, perms, isCommit);
    if (checks) return send(checks.status, checks.data);
    if (rest.startsWith('/pulls')) requireAccess(perms, 'pullRequests', 'read');
    else requireAccess(perms, 'contents', rec.method === 'GET' ? 'read' : 'write');

    if (rec.method === 'GET' && rest === '') {
      return send(200, { full_name: `${opts.owner}/${opts.repo}`, default_branch: 'main' });
    }
    m = route('GET', /^\/pulls\/(\d+)\/files$/);
    if (m) {
      const files = opts.pulls?.[Number(m[1])];
      if (!files) throw new HttpError(404, 'Not Found');
      const perPage = Math.min(Number(u.searchParams.get('per_page') ?? 30), opts.maxPerPage ?? 100);
      const page = Number(u.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(files.length / perPage));
      const link = (p: number) => `<${url}${u.pathname}?per_page=${perPage}&page=${p}>`;
      const links = page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
      const slice = files.slice((page - 1) * perPage, page * perPage);
      const data = slice.map((f) => ({
        ...(typeof f === 'string' ? { filename: f } : f),
        status: 'modified',
        sha: '0'.repeat(40),
      }));
      return send(200, data, links.length ? { link: links.join(', ') } : {});
    }
    m = route('GET', /^\/git\/ref\/(.+)$/);
    if (m) {
      const ref = `refs/${decodeURIComponent(m[1]!)}`;
      const r = await gitRaw(['--git-dir', opts.bare, 'rev-parse', '--verify', '-q', ref]);
      if (r.code !== 0) throw new HttpError(404, 'Not Found');
      return send(200, { ref, object: { sha: r.stdout.trim(), type: 'commit' } });
    }
    m = route('GET', /^\/git\/commits\/([0-9a-f]{40})$/);
    if (m) {
      await expectType(m[1]!, 'commit', 404);
      return send(200, await describeCommit(m[1]!));
    }
    m = route('GET', /^\/git\/trees\/([0-9a-f]{40})$/);
    if (m) {
      await expectType(m[1]!, 'tree', 404);
      const recursive = u.searchParams.has('recursive');
      const out = await g(['ls-tree', '-z', ...(recursive ? ['-r', '-t'] : []), m[1]!]);
      const tree = out
        .split('\0')
        .filter(Boolean)
        .map((line) => {
          const [meta, path] = line.split('\t') as [string, string];
          const [mode, type, sha] = meta.split(' ') as [string, string, string];
          return { path, mode, type, sha };
        });
      return send(200, { sha: m[1], tree, truncated: false });
    }
    m = route('GET', /^\/git\/blobs\/([0-9a-f]{40})$/);
    if (m) {
      await expectType(m[1]!, 'blob', 404);
      const bytes = (await gitRaw(['--git-dir', opts.bare, 'cat-file', 'blob', m[1]!])).bytes;
      return send(200, {
        sha: m[1],
        size: bytes.length,
        encoding: 'base64',
        content: bytes.toString('base64'),
      });
    }
    if (rec.method === 'POST' && rest === '/git/blobs') {
      const content = body.content;
      if (typeof content !== 'string') throw new HttpError(422, 'content is required');
      const bytes = Buffer.from(content, body.encoding === 'base64' ? 'base64' : 'utf8');
      const sha = await g(['hash-object', '-w', '--stdin'], bytes);
      return send(201, { sha, url: `${url}${prefix}/git/blobs/${sha}` });
    }
    if (rec.method === 'POST' && rest === '/git/trees') return send(201, await createTree(body));
    if (rec.method === 'POST' && rest === '/git/commits') {
      const { message, tree, parents } = body;
      if (typeof message !== 'string' || typeof tree !== 'string' || !Array.isArray(parents)) {
        throw new HttpError(422, 'message, tree and parents are required');
      }
      await expectType(tree, 'tree', 422);
      const args = ['commit-tree', tree];
      for (const p of parents as string[]) {
        await expectType(p, 'commit', 422);
        args.push('-p', p);
      }
      const sha = await g([...args, '-F', '-'], message);
      return send(201, await describeCommit(sha));
    }
    m = route('PATCH', /^\/git\/refs\/(.+)$/);
    if (m) {
      const ref = `refs/${decodeURIComponent(m[1]!)}`;
      const sha = body.sha;
      if (typeof sha !== 'string') throw new HttpError(422, 'sha is required');
      const cur = await gitRaw(['--git-dir', opts.bare, 'rev-parse', '--verify', '-q', ref]);
      if (cur.code !== 0) throw new HttpError(422, 'Reference does not exist');
      await expectType(sha, 'commit', 422);
      const old = cur.stdout.trim();
      if (body.force !== true) {
        const ff = await gitRaw(['--git-dir', opts.bare, 'merge-base', '--is-ancestor', old, sha]);
        if (ff.code !== 0) throw new HttpError(422, 'Update is not a fast forward');
      }
      // Compare-and-swap on the old value, as GitHub's ref update is atomic.
      const upd = await gitRaw(['--git-dir', opts.bare, 'update-ref', ref, sha, old]);
      if (upd.code !== 0) throw new HttpError(422, 'Update is not a fast forward');
      return send(200, { ref, object: { sha, type: 'commit' } });
    }
    throw new HttpError(404, 'Not Found');
  }

  async function expectType(sha: string, type: string, status: number): Promise<void> {
    const r = await gitRaw(['--git-dir', opts.bare, 'cat-file', '-t', sha]);
    if (r.code !== 0 || r.stdout.trim() !== type) throw new HttpError(status, `${sha} is not a ${type}`);
  }

  async function describeCommit(sha: string) {
    const raw = await g(['cat-file', 'commit', sha]);
    const [head = '', ...msg] = raw.split('\n\n');
    const tree = head.match(/^tree (\w+)/m)?.[1];
    const parents = [...head.matchAll(/^parent (\w+)/gm)].map((x) => ({ sha: x[1] }));
    return { sha, tree: { sha: tree }, parents, message: msg.join('\n\n'), verification: { verified: true } };
  }

  /** base_tree + changes through a throwaway index: read-tree, update-index, write-tree. */
  async function createTree(body: Record<string, unknown>) {
    const entries = body.tree;
    if (!Array.isArray(entries)) throw new HttpError(422, 'tree is required');
    const env = { GIT_INDEX_FILE: join(tempDir('index'), 'index') };
    const gi = (args: string[]) => gitRaw(['--git-dir', opts.bare, ...args], { env });
    // --index-info works without a work tree (update-index --force-remove does not).
    const indexInfo = async (line: string) => {
      const r = await gitRaw(['--git-dir', opts.bare, 'update-index', '--index-info'], { env, input: line });
      if (r.code !== 0) throw new HttpError(422, r.stderr.trim());
    };
    if (typeof body.base_tree === 'string') {
      await expectType(body.base_tree, 'tree', 422);
      await gi(['read-tree', body.base_tree]);
    } else {
      await gi(['read-tree', '--empty']);
    }
    for (const e of entries as Record<string, unknown>[]) {
      const { path, mode, type, sha } = e;
      if (typeof path !== 'string' || path.startsWith('/') || path.split('/').includes('..')) {
        throw new HttpError(422, `bad path ${String(path)}`);
      }
      if (!['100644', '100755', '120000', '160000', '040000'].includes(String(mode))) {
        throw new HttpError(422, `bad mode ${String(mode)}`);
      }
      if (sha === null) {
        const present = await gi(['ls-files', '--error-unmatch', path]);
        if (present.code !== 0) throw new HttpError(422, `GitRPC::BadObjectState: ${path} does not exist`);
        await indexInfo(`0 ${'0'.repeat(40)}\t${path}\n`); // mode 0 removes the entry
        continue;
      }
      let blob = sha;
      if (typeof e.content === 'string') blob = await g(['hash-object', '-w', '--stdin'], e.content);
      if (type !== 'blob' || typeof blob !== 'string') throw new HttpError(422, `unsupported entry ${path}`);
      await expectType(blob, 'blob', 422);
      await indexInfo(`${String(mode)} ${blob}\t${path}\n`);
    }
    const w = await gi(['write-tree']);
    if (w.code !== 0) throw new HttpError(422, w.stderr.trim());
    return { sha: w.stdout.trim(), truncated: false };
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ message: e instanceof Error ? e.message : String(e), status: String(status) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    checkRuns,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

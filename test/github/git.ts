// Real git for the tests: a bare "GitHub-side" repository plus helpers to commit into it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// An empty global config of our own: a git that writes its global config renames over this file,
// which must never be /dev/null.
const GLOBAL_CONFIG = join(mkdtempSync(join(tmpdir(), 'kots-proxy-gitconfig-')), 'config');
writeFileSync(GLOBAL_CONFIG, '');

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: GLOBAL_CONFIG,
};

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as raw bytes (blob contents). */
  bytes: Buffer;
}

/** Runs git; resolves even on failure (check `code`). Async so an in-process server stays responsive. */
export function gitRaw(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
) {
  return new Promise<GitResult>((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: opts.cwd,
      env: { ...process.env, ...IDENTITY, ...opts.env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        bytes: Buffer.concat(out),
        stderr: Buffer.concat(err).toString(),
      }),
    );
    if (opts.input !== undefined) {
      child.stdin?.on('error', () => {}); // git may exit before reading all of it; the exit code tells
      child.stdin?.end(opts.input);
    }
  });
}

/** Runs git and returns trimmed stdout; throws on a non-zero exit. */
export async function git(
  args: string[],
  opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {},
) {
  const r = await gitRaw(args, opts);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kots-proxy-${prefix}-`));
}

/** A bare repository with `main` holding `files`, and `branch` one commit ahead holding `branchFiles`. */
export async function makeRepo(
  files: Record<string, string | Uint8Array>,
  branch: string,
  branchFiles: Record<string, string | Uint8Array>,
) {
  const bare = join(tempDir('bare'), 'repo.git');
  await git(['init', '--bare', '-q', '-b', 'main', bare]);
  const work = tempDir('seed');
  await git(['clone', '-q', bare, work]);
  await git(['checkout', '-q', '-b', 'main'], { cwd: work });
  await commitFiles(work, files, 'base');
  await git(['push', '-q', 'origin', 'main'], { cwd: work });
  await git(['checkout', '-q', '-b', branch], { cwd: work });
  await commitFiles(work, branchFiles, 'change manifests');
  await git(['push', '-q', 'origin', branch], { cwd: work });
  const headSha = await git(['rev-parse', 'HEAD'], { cwd: work });
  const baseSha = await git(['rev-parse', 'main'], { cwd: work });
  return { bare, work, headSha, baseSha };
}

/** @public */
export async function commitFiles(work: string, files: Record<string, string | Uint8Array>, message: string) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  await git(['add', '-A'], { cwd: work });
  await git(['commit', '-q', '--allow-empty', '-m', message], { cwd: work });
  return git(['rev-parse', 'HEAD'], { cwd: work });
}

/** Pushes one more commit to `branch` of the bare repo (someone else pushing during the run). */
export async function pushAnotherCommit(bare: string, branch: string): Promise<string> {
  const work = tempDir('other');
  await git(['clone', '-q', '-b', branch, bare, work]);
  const sha = await commitFiles(work, { 'OTHER.md': `pushed by someone else ${Date.now()}\n` }, 'other push');
  await git(['push', '-q', 'origin', branch], { cwd: work });
  return sha;
}

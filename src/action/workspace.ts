// Where the checkout is and which commit it holds. Report paths are relative to the workspace; GitHub
// wants annotation and commit paths relative to the repository root, which differs when
// actions/checkout was given `path:`.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { posix, relative, resolve, sep } from 'node:path';
import { isInside } from '../fs/inside.js';

export interface Checkout {
  /** Commit the workspace holds (`git rev-parse HEAD`); undefined when not a git checkout. */
  head?: string;
  /** Absolute repository root; the workspace itself when not a git checkout. */
  root: string;
}

function gitOut(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', args, { cwd }, (err, stdout) => done(err ? undefined : stdout.trim() || undefined));
  });
}

export async function inspectCheckout(workspace: string): Promise<Checkout> {
  const [head, root] = await Promise.all([
    gitOut(workspace, ['rev-parse', 'HEAD']),
    gitOut(workspace, ['rev-parse', '--show-toplevel']),
  ]);
  return { ...(head ? { head } : {}), root: root ?? workspace };
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** Maps workspace-relative paths to repo-relative ones (`/` separators, no `./`); undefined outside. */
export function repoPathMapper(workspace: string, root: string): (wsPath: string) => string | undefined {
  const ws = real(workspace);
  const top = real(root);
  return (wsPath) => {
    const abs = resolve(ws, wsPath);
    const rel = relative(top, abs);
    if (rel === '' || !isInside(abs, top)) return undefined;
    return rel.split(sep).join(posix.sep);
  };
}

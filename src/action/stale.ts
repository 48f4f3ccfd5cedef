// Check mode (push, merge_group, workflow_dispatch): are the committed generated files what a fresh
// render gives? Read before the fresh files are written over them; compared as text, with a unified
// diff per file for the summary (the `diff` library, jsdiff, makes the patch).
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { GENERATED_HEADER } from '../generated.js';
import type { GeneratedFile } from '../model.js';
import { errorCode } from '../util.js';

export interface StaleFile {
  /** Workspace-relative. */
  path: string;
  kind: 'missing' | 'changed' | 'extra';
  diff: string;
}

/** The committed content of every generated file, and of generated files no render produces now. */
export async function readCommitted(
  workspace: string,
  outDir: string,
  fresh: readonly GeneratedFile[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const read = async (path: string) => {
    try {
      out.set(path, await readFile(resolve(workspace, path), 'utf8'));
    } catch (e: unknown) {
      if (errorCode(e) !== 'ENOENT') throw e;
    }
  };
  for (const f of fresh) await read(f.path);
  let names: string[] = [];
  try {
    names = await readdir(resolve(workspace, outDir));
  } catch {
    return out; // no output directory committed yet
  }
  for (const name of names.filter((n) => /\.ya?ml$/.test(n))) {
    const path = join(outDir, name).split('\\').join('/');
    if (out.has(path)) continue;
    const text = await readFile(resolve(workspace, path), 'utf8').catch(() => '');
    if (text.startsWith(GENERATED_HEADER)) out.set(path, text);
  }
  return out;
}

/** Files whose committed text differs from the fresh render, in path order. */
export function compareGenerated(
  committed: Map<string, string>,
  fresh: readonly GeneratedFile[],
): StaleFile[] {
  const out: StaleFile[] = [];
  const patch = (path: string, a: string, b: string) =>
    createTwoFilesPatch(`a/${path}`, `b/${path}`, a, b, 'committed', 'fresh render', { context: 2 });
  const wanted = new Set<string>();
  for (const f of fresh) {
    wanted.add(f.path);
    const old = committed.get(f.path);
    if (old === undefined) out.push({ path: f.path, kind: 'missing', diff: patch(f.path, '', f.content) });
    else if (old !== f.content)
      out.push({ path: f.path, kind: 'changed', diff: patch(f.path, old, f.content) });
  }
  for (const [path, text] of committed) {
    if (!wanted.has(path)) out.push({ path, kind: 'extra', diff: patch(path, text, '') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

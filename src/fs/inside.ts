// Release paths come from the pull request (explicit PATHs, `.replicated` globs such as
// `../../outside/**`, symlinks). Each is resolved with realpath and must lie inside the workspace root;
// one that does not is reported as `path-skipped` and never read. Symlinks below an accepted PATH stay
// inside that PATH's real tree (src/scan/walk.ts), so they stay inside the root too.
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { finding } from '../finding.js';
import type { Finding } from '../model.js';

export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function real(p: string): Promise<string | undefined> {
  try {
    return await realpath(p);
  } catch {
    return undefined;
  }
}

export interface ConfinedPaths {
  /** The PATHs to scan, as given. A PATH that does not exist stays: the scanner reports it. */
  inside: string[];
  findings: Finding[];
}

/** Splits `paths` (relative to `cwd`) into those whose real path lies inside `root` and the rest. */
export async function confinePaths(paths: string[], cwd: string, root: string): Promise<ConfinedPaths> {
  const realRoot = (await real(resolve(cwd, root))) ?? resolve(cwd, root);
  const inside: string[] = [];
  const findings: Finding[] = [];
  for (const p of paths) {
    const target = await real(resolve(cwd, p));
    if (target === undefined || isInside(target, realRoot)) {
      inside.push(p);
      continue;
    }
    findings.push(
      finding(
        'path-skipped',
        { file: p, line: 1, column: 1 },
        `${p} resolves outside the workspace root, so it was not read`,
      ),
    );
  }
  return { inside, findings };
}

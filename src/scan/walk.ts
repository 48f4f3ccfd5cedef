// Release PATHs → the manifest files to scan. The only scanner module that touches the file system.
// Rules (docs/interface.md), as the Replicated CLI builds a release:
//   - a directory is walked recursively; only `.yaml` / `.yml` files count (case-sensitive), and `.tgz`
//     files are collected apart as Helm chart archives (the Replicated CLI ships them with the release);
//   - dotfiles and dot-directories are skipped silently;
//   - symlinks are followed while they stay inside the PATH's tree; one that leaves it, one that loops
//     back to a directory being walked, or a broken one is skipped with a `path-skipped` finding;
//   - links that fan out to the same directories multiply the paths walked: past MAX_WALK_ENTRIES
//     entries the walk stops with a `path-skipped` finding naming the PATH being walked;
//   - a PATH given explicitly counts even if it is a dotfile, but must exist and be `.yaml`/`.yml`.
// The result is sorted (plain code-unit order) and deduplicated; paths are relative to `cwd`, `/`-separated.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { finding } from '../finding.js';
import type { Finding } from '../model.js';
import { UsageError } from '../model.js';
import { compareText, errorCode, firstErrorLine } from '../util.js';

export interface WalkResult {
  files: string[];
  /** Helm chart archives (`.tgz`) found while walking directories, sorted like `files`. */
  archives: string[];
  findings: Finding[];
}

/** Directory entries one run may walk. Far above any release the Replicated CLI would upload, and low
 *  enough that symlinks fanning out to the same directories cannot buy an unbounded walk. */
const MAX_WALK_ENTRIES = 100_000;

function isManifestName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

function isChartArchiveName(name: string): boolean {
  return name.endsWith('.tgz');
}

export function pathSkipped(file: string, message: string): Finding {
  return finding('path-skipped', { file, line: 1, column: 1 }, message);
}

export async function walkRelease(paths: string[], cwd: string): Promise<WalkResult> {
  const files = new Set<string>();
  const archives = new Set<string>();
  const findings: Finding[] = [];
  const rel = (abs: string): string => path.relative(cwd, abs).split(path.sep).join('/');
  let walked = 0;
  let stopped = false;
  let current = '';

  async function walkDir(dir: string, dirReal: string, root: string, ancestors: string[]): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e: unknown) {
      findings.push(pathSkipped(rel(dir), `cannot read directory: ${firstErrorLine(e)}`));
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const ent of entries) {
      if (stopped) return;
      if (++walked > MAX_WALK_ENTRIES) {
        stopped = true;
        findings.push(
          pathSkipped(
            current,
            `not all read: the release tree holds more than ${MAX_WALK_ENTRIES} entries (symlinks included)`,
          ),
        );
        return;
      }
      if (ent.name.startsWith('.')) continue;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        const real = path.join(dirReal, ent.name);
        await walkDir(full, real, root, [...ancestors, real]);
      } else if (ent.isFile()) {
        if (isManifestName(ent.name)) files.add(rel(full));
        else if (isChartArchiveName(ent.name)) archives.add(rel(full));
      } else if (ent.isSymbolicLink()) {
        await followLink(full, ent.name, root, ancestors);
      }
    }
  }

  async function followLink(full: string, name: string, root: string, ancestors: string[]): Promise<void> {
    let target: string;
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      target = await realpath(full);
      st = await stat(target);
    } catch {
      findings.push(pathSkipped(rel(full), 'broken symlink'));
      return;
    }
    if (target !== root && !target.startsWith(root + path.sep)) {
      findings.push(pathSkipped(rel(full), 'symlink points outside the release tree'));
      return;
    }
    if (st.isDirectory()) {
      if (ancestors.includes(target)) {
        findings.push(pathSkipped(rel(full), 'symlink loop: points back to a directory being walked'));
        return;
      }
      await walkDir(full, target, root, [...ancestors, target]);
    } else if (st.isFile() && isManifestName(name)) {
      files.add(rel(full));
    } else if (st.isFile() && isChartArchiveName(name)) {
      archives.add(rel(full));
    }
  }

  for (const p of paths) {
    current = p;
    const abs = path.resolve(cwd, p);
    let st: Awaited<ReturnType<typeof stat>>;
    try {
      st = await stat(abs);
    } catch (e: unknown) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`manifest path not found: ${p}`);
      throw new UsageError(`cannot read manifest path ${p}: ${firstErrorLine(e)}`);
    }
    if (st.isDirectory()) {
      const root = await realpath(abs);
      await walkDir(abs, root, root, [root]);
    } else if (st.isFile()) {
      if (!isManifestName(abs)) throw new UsageError(`manifest path ${p} is not a .yaml or .yml file`);
      files.add(rel(abs));
    } else {
      throw new UsageError(`manifest path ${p} is not a file or directory`);
    }
  }
  const sorted = (set: Set<string>) => [...set].sort(compareText);
  return { files: sorted(files), archives: sorted(archives), findings };
}

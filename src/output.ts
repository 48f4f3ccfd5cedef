// File-system adapter for everything kots-proxy writes. Contract: either every generated file is in
// place, or none of this run's files are (temp files are written first, then renamed); files a previous
// run generated and this run no longer produces are removed; nothing outside the output dir is touched.
import { lstat, open, readdir, realpath, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isInside } from './fs/inside.js';
import { type PlannedWrite, SafeWriteError, writeAllOrNone } from './fs/safe-write.js';
import { GENERATED_HEADER, isGeneratedFile } from './generated.js';
import type { GeneratedFile } from './model.js';
import { UsageError } from './model.js';
import { errorCode } from './util.js';

/** The real path of `p`, or of its nearest existing ancestor joined with the rest. */
async function realish(p: string): Promise<string> {
  const rest: string[] = [];
  let cur = resolve(p);
  for (;;) {
    try {
      return join(await realpath(cur), ...rest.reverse());
    } catch (e: unknown) {
      if (errorCode(e) !== 'ENOENT') throw e;
      const parent = dirname(cur);
      if (parent === cur) return resolve(p);
      rest.push(cur.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      cur = parent;
    }
  }
}

/** Refuses an output directory that is a file, or lies inside (or is) a scanned release directory —
 *  also when reached through a symlink: the Replicated CLI would ship generated files with the release. */
export async function checkOutDir(
  cwd: string,
  outDir: string,
  releasePaths: string[],
  option = '--out',
): Promise<void> {
  const out = resolve(cwd, outDir);
  try {
    const st = await lstat(out);
    if (st.isSymbolicLink())
      throw new UsageError(`${option} ${outDir} is a symbolic link; give a real directory`);
    if (!st.isDirectory()) throw new UsageError(`${option} ${outDir} exists and is not a directory`);
  } catch (e: unknown) {
    if (errorCode(e) !== 'ENOENT') throw e;
  }
  const realOut = await realish(out);
  for (const p of releasePaths) {
    const abs = resolve(cwd, p);
    let st: Awaited<ReturnType<typeof lstat>>;
    try {
      st = await lstat(abs);
    } catch {
      continue;
    }
    // A single manifest stands for the directory that holds it, unless that is the working directory
    // itself (a release file at the repository root).
    const dir = st.isDirectory() ? abs : dirname(abs);
    if (!st.isDirectory() && isInside(resolve(cwd), dir)) continue;
    const realRelease = await realish(dir);
    if (isInside(realOut, realRelease) || isInside(realRelease, realOut)) {
      const what = st.isDirectory() ? `the release directory ${p}` : `the directory of ${p}`;
      throw new UsageError(
        `${option} ${outDir} overlaps ${what}: generated files would ship with the release; choose a directory outside it (default: kots-proxy)`,
      );
    }
  }
}

/** Writes the generated files (and `extra` files such as the report) all or none, without following
 *  symlinks (src/fs/safe-write.ts), then removes stale ones that carry kots-proxy's header. */
export async function writeGeneratedFiles(
  cwd: string,
  outDir: string,
  files: GeneratedFile[],
  extra: PlannedWrite[] = [],
): Promise<void> {
  const outAbs = resolve(cwd, outDir);
  const wanted = new Set(files.map((f) => resolve(cwd, f.path)));
  const writes: PlannedWrite[] = [];
  for (const f of files) {
    const target = resolve(cwd, f.path);
    // Renames stay inside OUT: generated files lie in it, filtered release copies below it.
    if (target === outAbs || !isInside(target, outAbs)) {
      throw new Error(`refusing to write ${target}: outside ${outDir}`);
    }
    writes.push({
      dir: dirname(target),
      root: outAbs,
      name: basename(target),
      content: f.content,
      display: `to output directory ${outDir}`,
    });
  }
  await writeAllOrUsageError([...writes, ...extra]);
  await removeStale(outAbs, wanted);
}

/** A planned write of one file outside OUT (the report), for writeGeneratedFiles' `extra`; `content`
 *  may come in pieces, written as they are produced. */
export function plannedFile(path: string, content: string | Iterable<string>, display = path): PlannedWrite {
  return { dir: dirname(path), name: basename(path), content, display };
}

/** The output directory as a path relative to `cwd` with `/` separators, as report paths must be. */
export function relativeOutDir(cwd: string, outDir: string): string {
  return relative(cwd, resolve(cwd, outDir)).split(sep).join('/') || '.';
}

/** Removes generated files this run no longer produces (they start with GENERATED_HEADER), and temp
 *  files an interrupted run left behind. Hand-written files are never touched. */
async function removeStale(dir: string, wanted: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    // Filtered copies of release files live in subdirectories (`release/…`).
    if (entry.isDirectory()) {
      await removeStale(p, wanted);
      continue;
    }
    if (!entry.isFile() || wanted.has(p)) continue;
    if (/^\.\d+\.(\d+\.)?kots-proxy\.tmp$/.test(entry.name)) {
      await rm(p, { force: true });
    } else if (await isGeneratedFile(entry.name, () => readStart(p, GENERATED_HEADER.length))) {
      await rm(p, { force: true });
    }
  }
}

/** The first `bytes` bytes of a file as text (the header is ASCII, so a cut character cannot match it). */
async function readStart(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Writes one file atomically (exclusive temp file in a fresh directory, then rename); `content` may
 *  come in pieces, written as they are produced. */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  await writeAllOrUsageError([plannedFile(path, content)]);
}

/** writeAllOrNone, its refusals (a symlink or a non-file in the way…) as the user's error. */
async function writeAllOrUsageError(writes: PlannedWrite[]): Promise<void> {
  try {
    await writeAllOrNone(writes);
  } catch (e: unknown) {
    if (e instanceof SafeWriteError) throw new UsageError(e.message);
    throw e;
  }
}

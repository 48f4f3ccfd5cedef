// All-or-none writes that never follow a symlink a pull request planted. Each target directory gets a
// staging directory the run creates itself (mkdtemp: a random name, mode 0700, created exclusively),
// files are created in it with O_CREAT|O_EXCL|O_NOFOLLOW, and only then renamed over their targets.
// A target that exists must be a regular file; the file it replaces is moved into the staging
// directory first, so a failure part-way through puts every earlier target back as it was.
// A target that is a character device or a FIFO (`--report /dev/null`, a named pipe) is a stream,
// not a file to replace: renaming onto it would put a regular file in its place (as root, in /dev),
// so it is opened and written as it is, after every regular file is in place.
import { constants } from 'node:fs';
import { type FileHandle, lstat, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { errorCode, errorWithCode } from '../util.js';
import { isInside } from './inside.js';

/** One file to write: `name` is a plain file name inside `dir` (no separator, not `.` or `..`). */
export interface PlannedWrite {
  dir: string;
  name: string;
  /** The text, or its pieces in order (written as they come, e.g. a large report). */
  content: string | Iterable<string>;
  /** When set, `dir` lies below `root`, and every directory from `root` down to `dir` must be a real
   *  directory (or absent, then created one level at a time): no component may be a planted symlink. */
  root?: string;
  /** How errors name the write: `cannot write <display>: …` (e.g. `to output directory gen`). */
  display: string;
}

/** Thrown before anything changed, or after every replaced file was put back. */
export class SafeWriteError extends Error {
  override name = 'SafeWriteError';
}

const CREATE_EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

const STAGING_PREFIX = '.kots-proxy-';

// Write-only on what is there: no O_CREAT (it must still be the device or FIFO checked), no O_TRUNC
// (meaningless on a stream), no following a symlink swapped in since.
const WRITE_STREAM = constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

async function writeStream(path: string, content: string | Iterable<string>): Promise<void> {
  await writeAll(await open(path, WRITE_STREAM), content);
}

/** Creates `path` exclusively and writes `content`; fails if anything (a symlink too) is there. */
async function createExclusive(
  path: string,
  content: string | Iterable<string>,
  mode = 0o644,
): Promise<void> {
  await writeAll(await open(path, CREATE_EXCLUSIVE, mode), content);
}

/** Writes `content` to the open `handle`, then closes it. */
async function writeAll(handle: FileHandle, content: string | Iterable<string>): Promise<void> {
  try {
    // writeFile on a handle writes from the current position, in full: pieces land in order.
    if (typeof content === 'string') await handle.writeFile(content);
    else for (const piece of content) await handle.writeFile(piece);
  } finally {
    await handle.close();
  }
}

type Kind = 'absent' | 'file' | 'directory' | 'symlink' | 'stream' | 'block device' | 'socket';

async function kindOf(path: string): Promise<Kind> {
  try {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return 'symlink';
    if (st.isFile()) return 'file';
    if (st.isDirectory()) return 'directory';
    if (st.isCharacterDevice() || st.isFIFO()) return 'stream';
    return st.isBlockDevice() ? 'block device' : 'socket';
  } catch (e: unknown) {
    if (errorCode(e) === 'ENOENT') return 'absent';
    throw e;
  }
}

interface Staged extends PlannedWrite {
  staged: string;
  backup?: string;
}

/** Writes every planned file or none of them. Directories are created when missing, but an existing
 *  directory that is a symlink is refused, so no rename leaves the directory the caller named. */
export async function writeAllOrNone(writes: PlannedWrite[]): Promise<void> {
  const dirs = new Map<string, string>();
  for (const w of writes) {
    if (w.name !== basename(w.name) || w.name === '.' || w.name === '..' || w.name === '') {
      throw new SafeWriteError(
        `cannot write ${w.display}: ${JSON.stringify(w.name)} is not a plain file name`,
      );
    }
  }
  // 1. Check every target before anything is written.
  const streams: PlannedWrite[] = [];
  const files: PlannedWrite[] = [];
  for (const w of writes) {
    if (!dirs.has(w.dir)) {
      for (const d of between(w.root, w.dir)) {
        const k = await kindOf(d);
        if (k !== 'absent' && k !== 'directory') {
          throw new SafeWriteError(
            `cannot write ${w.display}: ${relative(w.root ?? '', d) || '.'} is a ${k}, not a real directory`,
          );
        }
      }
      const kind = await kindOf(w.dir);
      if (kind === 'symlink' || (kind !== 'absent' && kind !== 'directory')) {
        throw new SafeWriteError(
          `cannot write ${w.display}: its directory is a ${kind}, not a real directory`,
        );
      }
      dirs.set(w.dir, '');
    }
    const kind = await kindOf(join(w.dir, w.name)).catch((e: unknown) => {
      throw new SafeWriteError(`cannot write ${w.display}: ${errorWithCode(e)}`);
    });
    if (kind === 'stream') {
      streams.push(w);
      continue;
    }
    if (kind !== 'absent' && kind !== 'file') {
      throw new SafeWriteError(`cannot write ${w.display}: ${w.name} is a ${kind}, not a regular file`);
    }
    files.push(w);
  }
  // 2. Stage every file in a directory this run created.
  const staged: Staged[] = [];
  let current = files[0];
  try {
    for (const w of files) {
      current = w;
      if (dirs.get(w.dir)) continue;
      if (w.root === undefined) await mkdir(w.dir, { recursive: true });
      for (const d of between(w.root, w.dir)) {
        // One level at a time, each checked: mkdir -p would follow a symlink planted mid-path.
        if ((await kindOf(d)) === 'absent') await mkdir(d);
        if ((await kindOf(d)) !== 'directory') throw new Error(`${d} is not a real directory`);
      }
      if ((await kindOf(w.dir)) !== 'directory') throw new Error('its directory is not a real directory');
      dirs.set(w.dir, await mkdtemp(join(w.dir, STAGING_PREFIX)));
    }
    for (const w of files) {
      current = w;
      const path = join(dirs.get(w.dir)!, `${staged.length}.new`);
      await createExclusive(path, w.content);
      staged.push({ ...w, staged: path });
    }
  } catch (e: unknown) {
    await cleanup(dirs);
    throw new SafeWriteError(`cannot write ${current?.display ?? 'files'}: ${errorWithCode(e)}`);
  }
  // 3. Move old files aside and new files in; on any failure, undo in reverse order.
  const done: Staged[] = [];
  try {
    for (const s of staged) {
      const target = join(s.dir, s.name);
      done.push(s);
      if ((await kindOf(target)) === 'file') {
        s.backup = `${s.staged}.previous`;
        await rename(target, s.backup);
      }
      await rename(s.staged, target);
    }
  } catch (e: unknown) {
    const failed = done.at(-1);
    let restored = true;
    for (const s of done.reverse()) {
      const target = join(s.dir, s.name);
      try {
        if (s === failed) {
          // Its new file never arrived; its previous one may already be in the staging directory.
          if (s.backup && (await kindOf(s.backup)) === 'file') await rename(s.backup, target);
        } else if (s.backup) {
          await rename(s.backup, target);
        } else {
          await rm(target, { force: true });
        }
      } catch {
        restored = false; // the staging directory is kept: it holds the previous file
      }
    }
    if (restored) await cleanup(dirs);
    const failedWrite = failed ?? staged[0];
    throw new SafeWriteError(
      `cannot write ${failedWrite?.display ?? 'files'}: ${errorWithCode(e)}${restored ? '' : ' (previous files kept in a .kots-proxy- directory)'}`,
    );
  }
  await cleanup(dirs);
  // 4. Streams last: what was written to one cannot be taken back, so only once the files are in place.
  for (const w of streams) {
    try {
      await writeStream(join(w.dir, w.name), w.content);
    } catch (e: unknown) {
      throw new SafeWriteError(`cannot write ${w.display}: ${errorWithCode(e)}`);
    }
  }
}

/** `root`, then each directory below it down to `dir`; nothing when there is no root. */
function between(root: string | undefined, dir: string): string[] {
  if (root === undefined) return [];
  if (!isInside(dir, root)) throw new SafeWriteError(`${dir} is outside ${root}`);
  const rel = relative(root, dir);
  const out = [root];
  for (const part of rel.split(sep).filter((p) => p !== '')) out.push(join(out.at(-1)!, part));
  return out;
}

async function cleanup(dirs: Map<string, string>): Promise<void> {
  for (const stage of dirs.values()) if (stage) await rm(stage, { recursive: true, force: true });
}

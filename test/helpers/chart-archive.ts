// Builds real chart archives for the tests: files written to a temp dir, packed by the `tar`
// package (gzip on), read back as bytes. `rawTgz` writes headers itself (tar's Header) for entries
// that `tar.create` refuses to produce, such as `../evil`.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { create, Header } from 'tar';

export type Tree = Record<string, string | Uint8Array>;

const dirs: string[] = [];

/** A fresh temp dir, removed by cleanup(). */
/** @public */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'helm-test-'));
  dirs.push(dir);
  return dir;
}

export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes `tree` (paths relative to the archive root, e.g. `redis/Chart.yaml`) and packs it with
 *  tar.create({ gzip: true }), top-level entries in sorted order. */
export function tgz(tree: Tree): Buffer {
  const dir = tempDir();
  for (const [path, data] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  const out = join(tempDir(), 'chart.tgz');
  const tops = [...new Set(Object.keys(tree).map((p) => p.split('/')[0] ?? p))].sort();
  create({ gzip: true, sync: true, file: out, cwd: dir, portable: true }, tops);
  return readFileSync(out);
}

/** A gzipped tar whose headers are written verbatim (no path sanitising). */
export function rawTgz(entries: Array<{ path: string; data?: string; type?: 'File' | 'Directory' }>): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    const header = new Header({
      path: e.path,
      size: data.length,
      type: e.type ?? 'File',
      mode: 0o644,
      mtime: new Date(0),
    });
    const block = Buffer.alloc(512);
    header.encode(block, 0);
    blocks.push(block, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

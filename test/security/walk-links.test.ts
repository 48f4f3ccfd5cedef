// Symlinks in a release directory come from the pull request. Links that stay inside the tree and never
// loop can still fan out: d0..d6 each holding eight links to the next level reach one manifest through
// 8^6 = 262,144 paths, every one a file the scan would read and parse. A few files must not buy an
// unbounded walk: it stops at an entry limit with a path-skipped finding naming the release path.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkRelease } from '../../src/scan/walk.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const pod =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "quay.io/a/b:1"}\n';

describe('release directory symlinks that fan out', () => {
  it('eight links per level over six levels: the walk stops with a finding', async () => {
    const ws = tempDir('kots-proxy-sec-walklinks-');
    const files: Record<string, string> = { 'manifests/d6/pod.yaml': pod };
    for (let d = 0; d < 6; d++) files[`manifests/d${d}/.keep`] = '';
    writeTree(ws, files);
    for (let d = 0; d < 6; d++)
      for (let k = 0; k < 8; k++) symlinkSync(`../d${d + 1}`, join(ws, `manifests/d${d}/l${k}`));
    const r = await walkRelease(['manifests'], ws);
    expect(r.files.length).toBeLessThan(8 ** 6);
    expect(r.findings.map((f) => `${f.rule} ${f.message}`).join('\n')).toMatch(
      /path-skipped .*more than \d+ entries/,
    );
  }, 180_000);

  it('control: one link to a sibling directory is followed as before', async () => {
    const ws = tempDir('kots-proxy-sec-walklinks-');
    writeTree(ws, { 'manifests/shared/pod.yaml': pod, 'manifests/app/.keep': '' });
    symlinkSync('../shared', join(ws, 'manifests/app/shared'));
    const r = await walkRelease(['manifests'], ws);
    expect(r.files).toEqual(['manifests/app/shared/pod.yaml', 'manifests/shared/pod.yaml']);
    expect(r.findings).toEqual([]);
  });
});

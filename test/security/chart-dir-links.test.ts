// Symlinks inside a `.replicated` chart directory come from the pull request. Two sibling directories
// that link to each other (`a/to-b -> ../b`, `b/to-a -> ../a`) never point to an ancestor of the
// directory being walked, yet following them goes on forever; with no file bytes on the way the size
// cap never stops it. The packager must skip such a link with a path-skipped finding and still ship
// the chart. Links that fan out to the same directories multiply the paths walked without adding bytes;
// the walk stops at the archive reader's entry limit (src/scan/helm/archive.ts) with a finding.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageChartDirs } from '../../src/fs/chart-dirs.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

describe('chart directory symlinks that loop through siblings', () => {
  it('a/to-b -> ../b and b/to-a -> ../a end with a finding, and the chart is packaged', async () => {
    const ws = tempDir('kots-proxy-sec-chartlinks-');
    writeTree(ws, {
      'charts/loop/Chart.yaml': 'apiVersion: v2\nname: loop\nversion: 1.0.0\n',
      'charts/loop/a/.keep': '',
      'charts/loop/b/.keep': '',
    });
    symlinkSync('../b', join(ws, 'charts/loop/a/to-b'));
    symlinkSync('../a', join(ws, 'charts/loop/b/to-a'));
    const r = await packageChartDirs([{ path: './charts/loop' }], ws, '.');
    expect(r.charts.map((c) => c.name)).toEqual(['loop']);
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/symlink loop/);
  }, 60_000);

  it('a fan-out of links to the same directories is walked a bounded number of times', async () => {
    // d0..d7 each hold eight links to the next level: 8^7 paths to one small file if each is followed.
    const ws = tempDir('kots-proxy-sec-chartlinks-');
    const files: Record<string, string> = {
      'charts/fan/Chart.yaml': 'apiVersion: v2\nname: fan\nversion: 1.0.0\n',
      'charts/fan/d7/x.txt': 'x',
    };
    for (let d = 0; d < 7; d++) files[`charts/fan/d${d}/.keep`] = '';
    writeTree(ws, files);
    for (let d = 0; d < 7; d++)
      for (let k = 0; k < 8; k++) symlinkSync(`../d${d + 1}`, join(ws, `charts/fan/d${d}/l${k}`));
    const r = await packageChartDirs([{ path: './charts/fan' }], ws, '.');
    expect(r.findings.map((f) => f.rule)).toContain('path-skipped');
  }, 120_000);
});

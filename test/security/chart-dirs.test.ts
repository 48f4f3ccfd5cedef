// `.replicated` `charts:` paths come from the pull request (replicatedhq/replicated pkg/tools/config.go
// globs them before `helm package`). A path or glob that leaves the workspace, a chart directory that
// is a symlink to one outside it, and a chart too large to hold, are each a path-skipped finding,
// and nothing of the outside chart is read.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageChartDirs } from '../../src/fs/chart-dirs.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const CHART = (name: string) => ({
  [`${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name.split('/').pop()}\nversion: 1.0.0\n`,
  [`${name}/values.yaml`]: 'image:\n  repository: quay.io/outside/secret-image\n  tag: "1"\n',
});

// If the outside chart were packaged, this CR would join it and report its image.
const CR =
  'apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: evil\nspec:\n  chart:\n    name: evil\n    chartVersion: 1.0.0\n';

/** A workspace `ws/` and, next to it, a chart directory outside it. */
function layout(): { ws: string; outside: string } {
  const top = tempDir('kots-proxy-sec-charts-');
  const ws = join(top, 'ws');
  writeTree(top, { ...CHART('outside/evil'), 'ws/manifests/evil.yaml': CR });
  return { ws, outside: join(top, 'outside') };
}

async function scan(ws: string, charts: string) {
  writeFileSync(
    join(ws, '.replicated'),
    `appSlug: acme\nmanifests: ["./manifests/*.yaml"]\ncharts:\n${charts}`,
  );
  const run = await runCli(ws, 'scan', '--offline', '--report', '-');
  expect(run.code, run.stderr).not.toBe(2);
  return { run, report: JSON.parse(run.stdout) as { findings: { rule: string; message: string }[] } };
}

describe('.replicated chart paths stay inside the workspace', () => {
  it.each([
    ['a relative path out', '  - path: ../outside/evil\n'],
    ['a glob out', '  - path: ../outside/*\n'],
    ['a glob with .. inside', '  - path: ./manifests/../../outside/*\n'],
    ['an absolute path', (o: string) => `  - path: ${o}/evil\n`],
    ['an absolute glob', (o: string) => `  - path: ${o}/*\n`],
    ['a symlinked chart directory', '  - path: ./charts/*\n'],
    ['a symlinked charts folder named exactly', '  - path: ./linked/evil\n'],
  ])('%s: path-skipped, nothing read', async (_n, entry) => {
    const { ws, outside } = layout();
    mkdirSync(join(ws, 'charts'));
    symlinkSync(join(outside, 'evil'), join(ws, 'charts', 'evil'));
    symlinkSync(outside, join(ws, 'linked'));
    const { run, report } = await scan(ws, typeof entry === 'string' ? entry : entry(outside));
    expect(run.stdout + run.stderr).not.toMatch(/secret-image/);
    expect(report.findings.map((f) => f.rule)).toContain('path-skipped');
  });

  it('control: the same chart inside the workspace is read and its image reported', async () => {
    const { ws } = layout();
    writeTree(ws, CHART('charts/evil'));
    const { run } = await scan(ws, '  - path: ./charts/*\n');
    expect(run.stdout).toMatch(/secret-image/);
  });

  it('a chart directory past the size cap is skipped, not held in memory', async () => {
    const ws = tempDir('kots-proxy-sec-charts-');
    writeTree(ws, CHART('charts/big'));
    // Sparse files: 60 MB apparent size, almost no disk.
    for (const i of [1, 2, 3]) {
      const f = join(ws, 'charts/big/files', `blob${i}`);
      mkdirSync(join(ws, 'charts/big/files'), { recursive: true });
      writeFileSync(f, '');
      const { truncateSync } = await import('node:fs');
      truncateSync(f, 20 * 1024 * 1024);
    }
    const r = await packageChartDirs([{ path: './charts/*' }], ws, '.');
    expect(r.charts).toEqual([]);
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/more than \d+ bytes/);
  });

  it('many chart directories, each under the cap, share one budget', async () => {
    const ws = tempDir('kots-proxy-sec-charts-');
    const { truncateSync } = await import('node:fs');
    for (let i = 0; i < 6; i++) {
      writeTree(ws, CHART(`charts/c${i}`));
      const f = join(ws, `charts/c${i}/blob`);
      writeFileSync(f, '');
      truncateSync(f, 40 * 1024 * 1024);
    }
    const r = await packageChartDirs([{ path: './charts/*' }], ws, '.');
    // 128 MiB hold three 40 MB directories; the others are skipped, each with a finding.
    expect(r.charts.map((c) => c.dir)).toEqual(['charts/c0', 'charts/c1', 'charts/c2']);
    expect(r.findings.filter((f) => /together hold more than/.test(f.message))).toHaveLength(3);
  }, 120_000);
});

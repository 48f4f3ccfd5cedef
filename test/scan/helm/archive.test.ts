import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChartArchive, matchChartArchive, readChartArchive } from '../../../src/scan/helm/archive.js';
import { cleanup, rawTgz, tgz } from '../../helpers/chart-archive.js';

afterAll(cleanup);

const deep = tgz({
  'deep/Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
  'deep/values.yaml': 'image: busybox:1.36\n',
});
const common = tgz({
  'common/Chart.yaml': 'apiVersion: v2\nname: common\nversion: 2.0.0\n',
  'common/values.yaml': 'image:\n  repository: bitnami/os-shell\n  tag: "12"\n',
  'common/templates/job.yaml': 'image: quay.io/org/job:1\n',
  'common/charts/deep-0.1.0.tgz': deep,
});
const app = tgz({
  'app/Chart.yaml':
    'apiVersion: v2\nname: app\nversion: 1.10\nappVersion: "3.1"\ndependencies:\n  - name: redis\n    alias: cache\n    condition: cache.enabled\n  - name: common\n',
  'app/values.yaml': 'image:\n  repository: org/app\n',
  'app/templates/deploy.yaml': 'kind: Deployment\n',
  'app/templates/_helpers.tpl': '{{/* x */}}\n',
  'app/templates/sub/cm.yaml': 'kind: ConfigMap\n',
  'app/templates/NOTES.txt': 'image: not-a-manifest\n',
  'app/charts/redis/Chart.yaml': 'apiVersion: v2\nname: redis\nversion: 18.0.0\n',
  'app/charts/redis/values.yaml':
    'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2.4\n',
  'app/charts/redis/templates/sts.yaml': 'kind: StatefulSet\n',
  'app/charts/common-2.0.0.tgz': common,
  'app/charts/README.md': 'not a chart\n',
});

function ok(r: ChartArchive | { error: string }): ChartArchive {
  if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
  return r;
}

describe('readChartArchive on a real chart', () => {
  const chart = ok(readChartArchive('manifests/app-1.10.tgz', app));

  it('reads Chart.yaml, keeping a numeric version as written', () => {
    expect([chart.name, chart.version, chart.appVersion, chart.dir]).toEqual(['app', '1.10', '3.1', 'app']);
    expect(chart.dependencies).toEqual([
      { name: 'redis', alias: 'cache', condition: 'cache.enabled' },
      { name: 'common' },
    ]);
  });

  it('names values and templates as <archive>!<path in archive>, without NOTES.txt', () => {
    expect(chart.values).toEqual({
      file: 'manifests/app-1.10.tgz!app/values.yaml',
      text: 'image:\n  repository: org/app\n',
    });
    expect(chart.templates.map((t) => t.file)).toEqual([
      'manifests/app-1.10.tgz!app/templates/_helpers.tpl',
      'manifests/app-1.10.tgz!app/templates/deploy.yaml',
      'manifests/app-1.10.tgz!app/templates/sub/cm.yaml',
    ]);
  });

  it('reads a directory subchart and nested archives, recursively', () => {
    expect(chart.warnings).toEqual([]);
    const summary = (c: ChartArchive): unknown => ({
      name: c.name,
      path: c.displayPath,
      dir: c.dir,
      values: c.values?.file,
      templates: c.templates.map((t) => t.file),
      subcharts: c.subcharts.map(summary),
    });
    expect(chart.subcharts.map(summary)).toEqual([
      {
        name: 'common',
        path: 'manifests/app-1.10.tgz!app/charts/common-2.0.0.tgz',
        dir: 'common',
        values: 'manifests/app-1.10.tgz!app/charts/common-2.0.0.tgz!common/values.yaml',
        templates: ['manifests/app-1.10.tgz!app/charts/common-2.0.0.tgz!common/templates/job.yaml'],
        subcharts: [
          {
            name: 'deep',
            path: 'manifests/app-1.10.tgz!app/charts/common-2.0.0.tgz!common/charts/deep-0.1.0.tgz',
            dir: 'deep',
            values:
              'manifests/app-1.10.tgz!app/charts/common-2.0.0.tgz!common/charts/deep-0.1.0.tgz!deep/values.yaml',
            templates: [],
            subcharts: [],
          },
        ],
      },
      {
        name: 'redis',
        path: 'manifests/app-1.10.tgz',
        dir: 'app/charts/redis',
        values: 'manifests/app-1.10.tgz!app/charts/redis/values.yaml',
        templates: ['manifests/app-1.10.tgz!app/charts/redis/templates/sts.yaml'],
        subcharts: [],
      },
    ]);
  });
});

const goodChart = { path: 'x/Chart.yaml', data: 'name: x\nversion: 1.0.0\n' };
const plainTar = rawTgz([goodChart]);

describe('readChartArchive refuses bad archives without throwing', () => {
  it.each([
    ['empty input', new Uint8Array(), 'not a gzip archive'],
    ['plain text', Buffer.from('hello'), 'not a gzip archive'],
    ['truncated gzip', app.subarray(0, Math.floor(app.length / 2)), 'bad gzip data'],
    ['gzip of text, not tar', gzipSync(Buffer.from('not a tar archive '.repeat(100))), 'truncated tar data'],
    ['gzip of 512 bytes of junk', gzipSync(Buffer.alloc(512, 0x41)), 'not a valid tar archive'],
    ['gzip of nothing', gzipSync(Buffer.alloc(0)), 'not a valid tar archive'],
    ['only a directory entry', rawTgz([{ path: 'x/', type: 'Directory' }]), 'no x/Chart.yaml'],
    ['no Chart.yaml', rawTgz([{ path: 'x/values.yaml', data: 'a: 1\n' }]), 'no x/Chart.yaml'],
    ['Chart.yaml without version', rawTgz([{ path: 'x/Chart.yaml', data: 'name: x\n' }]), 'has no version'],
    ['Chart.yaml not YAML', rawTgz([{ path: 'x/Chart.yaml', data: 'name: [x\n' }]), 'invalid YAML'],
    [
      'parent traversal',
      rawTgz([goodChart, { path: 'x/../../etc/passwd', data: 'root' }]),
      'outside the chart',
    ],
    ['top-level ..', rawTgz([{ path: '../x/Chart.yaml', data: goodChart.data }]), 'outside the chart'],
    ['absolute path', rawTgz([goodChart, { path: '/etc/passwd', data: 'root' }]), 'absolute path'],
    ['drive letter', rawTgz([goodChart, { path: 'C:/x', data: 'root' }]), 'absolute path'],
  ])('%s', (_name, bytes, message) => {
    const r = readChartArchive('m/x.tgz', bytes);
    expect(r).toEqual({ error: expect.stringContaining(message) });
    expect((r as { error: string }).error.startsWith('m/x.tgz')).toBe(true);
  });

  it('accepts the minimal archive those cases are built from', () => {
    expect(ok(readChartArchive('m/x.tgz', plainTar)).name).toBe('x');
  });

  it('enforces the size, entry and depth limits', () => {
    const limits = { maxBytes: 50 * 1024 * 1024, maxEntries: 10_000, maxDepth: 5 };
    const big = rawTgz([goodChart, { path: 'x/big.bin', data: 'a'.repeat(64 * 1024) }]);
    expect(ok(readChartArchive('m/x.tgz', big, limits)).name).toBe('x');
    expect(readChartArchive('m/x.tgz', big, { ...limits, maxBytes: 32 * 1024 })).toEqual({
      error: 'm/x.tgz: exceeds the size limit',
    });
    const many = rawTgz([
      goodChart,
      ...Array.from({ length: 20 }, (_, i) => ({ path: `x/f${i}`, data: 'a' })),
    ]);
    expect(ok(readChartArchive('m/x.tgz', many, { ...limits, maxEntries: 21 })).name).toBe('x');
    expect(readChartArchive('m/x.tgz', many, { ...limits, maxEntries: 20 })).toEqual({
      error: 'm/x.tgz: too many entries',
    });
    // Nested archives share the budget: the parent fits, parent + nested does not.
    const parentTar = gunzipSync(app).length;
    expect(readChartArchive('m/app.tgz', app, { ...limits, maxBytes: parentTar + 100 })).toEqual({
      error: 'm/app.tgz!app/charts/common-2.0.0.tgz: exceeds the size limit',
    });
    expect(ok(readChartArchive('m/app.tgz', app, { ...limits, maxBytes: parentTar * 3 })).name).toBe('app');
    const shallow = ok(readChartArchive('m/app.tgz', app, { ...limits, maxDepth: 1 }));
    expect(shallow.subcharts.find((s) => s.name === 'common')?.subcharts).toEqual([]);
    expect(shallow.subcharts.find((s) => s.name === 'common')?.warnings).toEqual([
      'm/app.tgz!app/charts/common-2.0.0.tgz!common/charts/deep-0.1.0.tgz: nested deeper than 1',
    ]);
  });

  it('keeps the parent when a nested archive is bad, with a warning', () => {
    const bytes = tgz({
      'p/Chart.yaml': 'name: p\nversion: 1.0.0\n',
      'p/charts/bad-1.0.0.tgz': 'garbage',
      'p/charts/evil-1.0.0.tgz': rawTgz([goodChart, { path: 'x/../../../evil', data: '' }]),
    });
    const chart = ok(readChartArchive('m/p.tgz', bytes));
    expect(chart.subcharts).toEqual([]);
    expect(chart.warnings).toEqual([
      'm/p.tgz!p/charts/bad-1.0.0.tgz: not a gzip archive',
      'm/p.tgz!p/charts/evil-1.0.0.tgz: path outside the chart directory: x/../../../evil',
    ]);
  });
});

describe('Helm v1 charts and broken subchart dirs', () => {
  it('reads dependencies from requirements.yaml and warns about a subchart dir without Chart.yaml', () => {
    const bytes = tgz({
      'old/Chart.yaml': 'apiVersion: v1\nname: old\nversion: 0.9.0\n',
      'old/requirements.yaml':
        'dependencies:\n  - name: pg\n    alias: db\n    condition: db.enabled,pg.enabled\n',
      'old/charts/pg/Chart.yaml': 'name: pg\nversion: 1.0.0\n',
      'old/charts/broken/values.yaml': 'a: 1\n',
    });
    const chart = ok(readChartArchive('m/old.tgz', bytes));
    expect(chart.dependencies).toEqual([{ name: 'pg', alias: 'db', condition: 'db.enabled,pg.enabled' }]);
    expect(chart.subcharts.map((c) => c.dir)).toEqual(['old/charts/pg']);
    expect(chart.warnings).toEqual(['m/old.tgz: no old/charts/broken/Chart.yaml']);
  });
});

describe('matchChartArchive', () => {
  const archives = [
    ok(readChartArchive('m/app.tgz', app)),
    ok(readChartArchive('m/x.tgz', plainTar)),
    ok(readChartArchive('m/x2.tgz', rawTgz([{ path: 'x/Chart.yaml', data: 'name: x\nversion: 2.0.0\n' }]))),
  ];
  it.each([
    ['app', '1.10', 'm/app.tgz'],
    ['app', undefined, 'm/app.tgz'],
    ['app', '1.1', undefined],
    ['x', '2.0.0', 'm/x2.tgz'],
    ['x', '', 'm/x.tgz'],
    ['redis', undefined, undefined],
  ])('%s %s → %s', (name, version, expected) => {
    expect(matchChartArchive(archives, name, version)?.displayPath).toBe(expected);
  });
});

describe('never throws', () => {
  it('on random bytes, gzipped random bytes and corrupted real archives', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(), fc.boolean(), (junk, at, gz) => {
        const corrupted = Buffer.from(app);
        const i = at % corrupted.length;
        corrupted[i] = (corrupted[i] ?? 0) ^ 0xff;
        for (const bytes of [junk, gz ? gzipSync(junk) : junk, corrupted]) {
          const r = readChartArchive('m/x.tgz', bytes);
          expect('error' in r ? typeof r.error : typeof r.name).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

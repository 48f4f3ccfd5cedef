// Every chart directory listed here (the small charts of charts.ts, and each real chart fixture
// under test/fixtures/charts/<name>/ once there are some) renders the same images with Helm 3 and
// Helm 4, and each image is either traced exactly or untraced with a reason. To check another chart,
// add its directory to chartDirs.
import { type Dirent, existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ChartValuesSource,
  chartValueLayers,
  renderChartTraced,
  traceImageAt,
} from '../../src/helm/index.js';
import { readChartArchive } from '../../src/scan/helm/archive.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { chartSourceFromDir } from './chart-source.js';
import { type ChartFiles, hooksChart, parentChart } from './charts.js';
import { containerImages, requireHelm, type TestHelm } from './helm-bins.js';

const root = tempDir('kots-proxy-helm-charts-');
function chartDir(name: string, files: ChartFiles): string {
  const dir = join(root, name);
  writeTree(dir, files);
  return dir;
}

const helms: TestHelm[] = [requireHelm(4), requireHelm(3)];

const fixtureRoot = join(import.meta.dirname, '..', 'fixtures', 'charts');
const chartDirs: Array<{ name: string; dir: () => string }> = [
  { name: 'parent', dir: () => chartDir('all-parent', parentChart) },
  { name: 'hooks', dir: () => chartDir('all-hooks', hooksChart) },
  // The chart the KOTS fixture release ships unpacked (test/fixtures/kots/helm).
  {
    name: 'kots-fixture-web',
    dir: () => join(import.meta.dirname, '..', 'fixtures', 'kots', 'helm', 'chart', 'web'),
  },
  ...listFixtureCharts(fixtureRoot).map((d) => ({
    name: basename(d).replace(/\.tgz$/, ''),
    dir: () => join(fixtureRoot, d),
  })),
];

/** A chart directory as chartSourceFromDir reads it, or an archive as the scanner reads it. */
function valuesSource(path: string, name: string): ChartValuesSource {
  if (!path.endsWith('.tgz')) return chartSourceFromDir(path, name);
  const chart = readChartArchive(name, readFileSync(path));
  if ('error' in chart) throw new Error(`${path}: ${chart.error}`);
  return chart;
}

describe.each(chartDirs)('chart $name with both Helm versions', ({ name, dir }) => {
  let path = '';
  beforeAll(() => {
    path = dir();
  });
  it('renders the same images and traces each one or says why not', async () => {
    const results = await Promise.all(
      helms.map((helm) =>
        renderChartTraced({
          chart: path,
          releaseName:
            name
              .toLowerCase()
              .replace(/[^a-z0-9-]+/g, '-')
              .replace(/^-+|-+$/g, '')
              .slice(0, 40) || 'release',
          helm: helm.path,
          defaults: chartValueLayers(valuesSource(path, name)).layers,
        }),
      ),
    );
    const [h4, h3] = results;
    if (h4 === undefined || h3 === undefined) throw new Error('two renders expected');
    const imgs = (r: typeof h4): string[] =>
      containerImages(r.manifests.map((m) => m.object)).map((i) => i.image);
    expect(imgs(h3)).toEqual(imgs(h4));
    expect(imgs(h4).length).toBeGreaterThan(0);
    const untraced: string[] = [];
    for (const loc of containerImages(h4.manifests.map((m) => m.object))) {
      const t = traceImageAt(h4, loc);
      if (t.status !== 'traced') untraced.push(loc.image);
      if (t.status === 'traced') {
        // The values that appear verbatim and the literals tile the image Helm rendered exactly.
        const ranges = [
          ...t.contributions.filter((c) => c.verbatim).map((c): [number, number] => [c.start, c.end]),
          ...t.literals,
        ]
          .filter(([s, e]) => e > s)
          .sort((a, b) => a[0] - b[0]);
        expect(ranges.map(([s, e]) => loc.image.slice(s, e)).join('')).toBe(loc.image);
      } else {
        expect(t.reason.length).toBeGreaterThan(0);
      }
    }
    // Every image of these charts is traced today: an "untraced, with a reason" for all of them
    // would otherwise pass. A chart added with an image that cannot be traced lists it here.
    expect(untraced).toEqual(UNTRACED[name] ?? []);
  }, 120_000);
});

/** Images a chart of chartDirs renders that the trace cannot follow, by chart name. */
const UNTRACED: Record<string, string[]> = {};

it('lists the real chart fixtures (a moved fixture directory must not drop them silently)', () => {
  expect(listFixtureCharts(fixtureRoot)).toEqual([
    'bitnami-nginx/nginx',
    'gitea/gitea',
    'istio/istio',
    'onlineboutique/onlineboutique',
    'prometheus/prometheus',
  ]);
});

/** Chart directories (with a Chart.yaml) and .tgz archives under `dir`, two levels deep at most,
 *  relative to `dir`. */
function listFixtureCharts(dir: string, depth = 0): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isFile() && e.name.endsWith('.tgz')) out.push(e.name);
    else if (e.isDirectory() && existsSync(join(path, 'Chart.yaml'))) out.push(e.name);
    else if (e.isDirectory() && depth < 1)
      out.push(...listFixtureCharts(path, depth + 1).map((n) => `${e.name}/${n}`));
  }
  return out;
}

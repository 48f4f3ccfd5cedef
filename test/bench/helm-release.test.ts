// The Helm benchmark's release generator (bench/lib/helm-release.mjs) must write 10 distinct chart
// archives, each matched by exactly one HelmChart CR the way KOTS matches them (chart.name and
// chart.chartVersion against the archive's Chart.yaml: replicatedhq/kots pkg/base/replicated.go,
// FindHelmChartArchiveInRelease), with release names where each schema keeps them and values that really
// change the rendered images: the benchmark's bare `helm template` runs are only comparable with the
// CLI if every CR renders, and a values key a chart ignores would make the release less real.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { type BenchEntry, generateHelmRelease } from '../../bench/lib/helm-release.mjs';
import { readChartArchive } from '../../src/scan/helm/archive.js';
import { containerImages, requireHelm } from '../helm-render/helm-bins.js';
import { tempDir } from '../helpers/tmp.js';

const work = tempDir('kots-proxy-bench-helm-release-');
const dir = join(work, 'manifests');
let entries: BenchEntry[] = [];

beforeAll(() => {
  entries = generateHelmRelease(dir);
}, 120_000);

type Cr = {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    chart: { name: string; chartVersion: string; releaseName?: string };
    releaseName?: string;
    namespace: string;
    values: Record<string, unknown>;
  };
};

function crs(): Cr[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as Cr);
}

function render(helm: string, entry: BenchEntry, values: Record<string, unknown> | null): string[] {
  const home = mkdtempSync(join(work, 'helm-home-'));
  const args = ['template', entry.releaseName, entry.archive, '--namespace', entry.namespace];
  if (values !== null) {
    writeFileSync(join(home, 'values.json'), JSON.stringify(values));
    args.push('--values', join(home, 'values.json'));
  }
  const out = execFileSync(helm, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', HOME: home, HTTPS_PROXY: 'http://127.0.0.1:9' },
  });
  const objects = parseAllDocuments(out).map((d) => d.toJS() as unknown);
  return containerImages(objects).map((i) => i.image);
}

describe('helm benchmark release', () => {
  it('writes 10 distinct archives, each matched by one CR by chart name and version', () => {
    const archives = readdirSync(dir).filter((f) => f.endsWith('.tgz'));
    expect(archives).toHaveLength(10);
    const charts = archives.map((f) => {
      const chart = readChartArchive(f, readFileSync(join(dir, f)));
      if ('error' in chart) throw new Error(`${f}: ${chart.error}`);
      return { file: f, name: chart.name, version: chart.version };
    });
    const written = crs();
    expect(written).toHaveLength(10);
    for (const c of charts) {
      const matching = written.filter(
        (cr) => cr.spec.chart.name === c.name && cr.spec.chart.chartVersion === c.version,
      );
      expect(
        matching.map((cr) => cr.metadata.name),
        c.file,
      ).toHaveLength(1);
    }
  });

  it('mixes v1beta2 and v1beta1 CRs, each with its release name where its schema keeps it', () => {
    const written = crs();
    const v1 = written.filter((cr) => cr.apiVersion === 'kots.io/v1beta1');
    const v2 = written.filter((cr) => cr.apiVersion === 'kots.io/v1beta2');
    expect(v1.length).toBeGreaterThan(0);
    expect(v2.length).toBeGreaterThan(0);
    expect(v1.length + v2.length).toBe(10);
    for (const cr of written) expect(cr.kind).toBe('HelmChart');
    // v1beta1: spec.chart.releaseName; v1beta2: spec.releaseName (kots.io HelmChart schemas).
    for (const cr of v1)
      expect([cr.spec.chart.releaseName, cr.spec.releaseName]).toEqual([expect.any(String), undefined]);
    for (const cr of v2)
      expect([cr.spec.chart.releaseName, cr.spec.releaseName]).toEqual([undefined, expect.any(String)]);
    const releaseNames = written.map((cr) => cr.spec.releaseName ?? cr.spec.chart.releaseName);
    expect(new Set(releaseNames).size).toBe(10);
    for (const cr of written) {
      expect(cr.metadata.name).not.toBe(cr.spec.chart.name);
      expect(cr.spec.values).not.toEqual({});
    }
  });

  it("renders every chart with Helm, and each CR's values put an image the defaults do not", () => {
    const helm = requireHelm(4).path;
    const written = new Map(crs().map((cr) => [cr.metadata.name, cr]));
    for (const entry of entries) {
      // The values as the CR file holds them, not as the generator meant them.
      const cr = written.get(entry.crName);
      if (cr === undefined) throw new Error(`no CR file for ${entry.crName}`);
      const withValues = render(helm, entry, cr.spec.values);
      const defaults = render(helm, entry, null);
      expect(withValues, entry.crName).toContain(entry.chart.expectImage);
      expect(defaults, entry.crName).not.toContain(entry.chart.expectImage);
    }
  }, 300_000);
});

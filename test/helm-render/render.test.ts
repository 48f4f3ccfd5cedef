// renderChart and renderChartTraced with the real Helm 4 (the version replicatedhq/kots builds with)
// and Helm 3, on small charts written by the test. What is asserted is what Helm rendered.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartValueLayers,
  type HelmError,
  isHelmError,
  KOTS_NAMESPACE_TEMPLATE,
  kotsChartValues,
  locateHelm,
  renderChart,
  renderChartTraced,
  traceImageAt,
} from '../../src/helm/index.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { chartSourceFromDir } from './chart-source.js';
import {
  type ChartFiles,
  hooksChart,
  hugeChart,
  missingDependencyChart,
  parentChart,
  registryCheckChart,
  semverChart,
  slowChart,
  validatingChart,
} from './charts.js';
import { containerImages, requireHelm, type TestHelm } from './helm-bins.js';

const root = tempDir('kots-proxy-helm-render-');
function chartDir(name: string, files: ChartFiles): string {
  const dir = join(root, name);
  writeTree(dir, files);
  return dir;
}

const helms: TestHelm[] = [requireHelm(4), requireHelm(3)];

describe.each(helms)('Helm $version', (helm) => {
  const images = (out: { manifests: Array<{ object: unknown }> }): string[] =>
    containerImages(out.manifests.map((m) => m.object)).map((i) => i.image);

  it('locates the binary and reads its version', async () => {
    const found = await locateHelm({ helmPath: helm.path });
    expect(found).toEqual({ path: helm.path, version: helm.version, major: helm.major });
  });

  it('resolves dependencies, conditions, tags, aliases and default .Chart.AppVersion', async () => {
    const dir = chartDir(`parent-${helm.major}`, parentChart);
    const out = await renderChart({ chart: dir, releaseName: 'rel', namespace: 'apps', helm: helm.path });
    expect(images(out).sort()).toEqual([
      'docker.io/istio/pilot:1.5.4',
      'registry.example.com/acme/web:3.2.1',
    ]);
    expect(out.manifests.map((m) => m.source).sort()).toEqual([
      'parent/charts/db/templates/pilot.yaml',
      'parent/templates/web.yaml',
    ]);
    expect(
      out.manifests.map((m) => (m.object as { metadata: { namespace: string } }).metadata.namespace),
    ).toEqual(['apps', 'apps']);
  });

  it('renders with the values KOTS computes from values and optionalValues', async () => {
    const dir = chartDir(`parent-opt-${helm.major}`, parentChart);
    const values = kotsChartValues({
      values: { global: { hub: 'gcr.io/istio-release' } },
      optionalValues: [
        {
          when: 'true',
          recursiveMerge: true,
          values: { global: { tag: '1.6.0' }, cache: { enabled: true } },
        },
      ],
    });
    const out = await renderChart({ chart: dir, releaseName: 'rel', values, helm: helm.path });
    expect(images(out).sort()).toEqual([
      'gcr.io/istio-release/pilot:1.6.0',
      'gcr.io/istio-release/proxyv2:1.6.0',
      'registry.example.com/acme/web:3.2.1',
    ]);
  });

  it('renders an archive as it renders the directory', async () => {
    const dir = chartDir(`pack-${helm.major}`, parentChart);
    const out = await renderChart({ chart: dir, releaseName: 'rel', helm: helm.path });
    const archive = packChart(helm, dir);
    const fromArchive = await renderChart({ chart: archive, releaseName: 'rel', helm: helm.path });
    expect(fromArchive.output).toBe(out.output);
  });

  it('keeps hooks, test hooks and CRDs, with the KOTS namespace template by default', async () => {
    const out = await renderChart({
      chart: chartDir(`hooks-${helm.major}`, hooksChart),
      releaseName: 'rel',
      helm: helm.path,
    });
    expect(out.manifests.map((m) => m.source).sort()).toEqual([
      'hooks/crds/widget.yaml',
      'hooks/templates/job.yaml',
      'hooks/templates/kube.yaml',
      'hooks/templates/tests/test.yaml',
    ]);
    const kube = out.manifests.find((m) => m.source.endsWith('kube.yaml'))?.object as {
      data: Record<string, string>;
    };
    expect(kube.data.namespace).toBe(KOTS_NAMESPACE_TEMPLATE);
    // Helm's default capabilities, from the client-go it was built with (not the 1.20 fallback).
    expect(kube.data.version).toMatch(/^v1\.(2[1-9]|[3-9]\d)\.0$/);
  });

  it('maps a dependency missing from charts/ to a missing-dependency error, without fetching it', async () => {
    const dir = chartDir(`missing-${helm.major}`, missingDependencyChart);
    const err = await renderChart({ chart: dir, releaseName: 'rel', helm: helm.path }).catch(
      (e: unknown) => e,
    );
    expect(isHelmError(err, 'missing-dependency')).toBe(true);
    expect((err as HelmError).message).toContain('redis');
  });

  it('kills a render that runs past its time budget, child processes included', async () => {
    const dir = chartDir(`slow-${helm.major}`, slowChart);
    const err = await renderChart({ chart: dir, releaseName: 'rel', helm: helm.path, timeoutMs: 1500 }).catch(
      (e: unknown) => e,
    );
    expect(isHelmError(err, 'timeout')).toBe(true);
    expect(processesMentioning(dir)).toEqual([]);
  }, 120_000);

  it('kills a render whose output passes its size budget', async () => {
    const dir = chartDir(`huge-${helm.major}`, hugeChart);
    const err = await renderChart({
      chart: dir,
      releaseName: 'rel',
      helm: helm.path,
      maxOutputBytes: 100_000,
    }).catch((e: unknown) => e);
    expect(isHelmError(err, 'output-too-large')).toBe(true);
    const whole = await renderChart({ chart: dir, releaseName: 'rel', helm: helm.path });
    expect(whole.output.length).toBeGreaterThan(100_000);
  }, 120_000);

  it('reports a chart that fails as render-failed with Helm’s message', async () => {
    const dir = chartDir(`bad-${helm.major}`, validatingChart);
    const err = await renderChart({
      chart: dir,
      releaseName: 'rel',
      helm: helm.path,
      values: { mode: 'other' },
    }).catch((e: unknown) => e);
    expect(isHelmError(err, 'render-failed')).toBe(true);
    expect((err as HelmError).message).toContain('mode must be standalone or cluster');
  });

  it('names the chart by its display path in every message, never by the path Helm was given', async () => {
    const dir = chartDir(`bad-display-${helm.major}`, validatingChart);
    const err = await renderChart({
      chart: dir,
      display: 'manifests/validating-0.1.0.tgz',
      releaseName: 'rel',
      helm: helm.path,
      values: { mode: 'other' },
    }).catch((e: unknown) => e);
    expect(isHelmError(err, 'render-failed')).toBe(true);
    const message = (err as HelmError).message;
    expect(message).toContain('helm template manifests/validating-0.1.0.tgz: ');
    expect(message).toContain('mode must be standalone or cluster');
    expect(message).not.toContain(dir);
    expect((err as HelmError).stderr).not.toContain(dir);
  });

  describe('tracing', () => {
    it('traces a composed image to every value that built it, with origins', async () => {
      const dir = chartDir(`trace-${helm.major}`, parentChart);
      const values = { global: { hub: 'gcr.io/istio-release' }, cache: { enabled: true } };
      const out = await renderChartTraced({
        chart: dir,
        releaseName: 'rel',
        values,
        helm: helm.path,
        defaults: chartValueLayers(chartSourceFromDir(dir, 'parent')).layers,
      });
      expect(out.trace).toMatchObject({ status: 'traced', marking: 'all-strings' });
      const traced = Object.fromEntries(
        containerImages(out.manifests.map((m) => m.object)).map((loc) => {
          const t = traceImageAt(out, loc);
          if (t.status !== 'traced') throw new Error(`${loc.image}: ${t.reason}`);
          return [
            loc.image,
            {
              paths: t.contributions.map((c) => `${c.pathText}@${c.origin}`),
              repository: t.repositoryPath?.pathText,
            },
          ];
        }),
      );
      expect(traced).toEqual({
        'gcr.io/istio-release/pilot:1.5.4': {
          paths: ['global.hub@cr', 'db.image@parent/values.yaml', 'global.tag@parent/values.yaml'],
          repository: 'global.hub',
        },
        'gcr.io/istio-release/proxyv2:1.5.4': {
          paths: [
            'global.hub@cr',
            'cache.image@parent/charts/sub/values.yaml',
            'global.tag@parent/values.yaml',
          ],
          repository: 'global.hub',
        },
        // The empty tag falls back to the chart's appVersion, a literal no value produced.
        'registry.example.com/acme/web:3.2.1': {
          paths: ['image.repository@parent/values.yaml'],
          repository: 'image.repository',
        },
      });
    });

    it('keeps a null from the CR, which removes the default in both renders', async () => {
      const dir = chartDir(`null-${helm.major}`, parentChart);
      const out = await renderChartTraced({
        chart: dir,
        releaseName: 'rel',
        values: { image: { repository: null } },
        helm: helm.path,
        defaults: chartValueLayers(chartSourceFromDir(dir, 'parent')).layers,
      });
      const loc = containerImages(out.manifests.map((m) => m.object)).find((l) => l.image.endsWith(':3.2.1'));
      if (loc === undefined) throw new Error('no web image');
      expect(loc.image).toBe(':3.2.1');
      const t = traceImageAt(out, loc);
      expect(t.status === 'traced' && t.contributions).toEqual([]);
    });

    it('falls back to image-like marking for a chart that validates a switch', async () => {
      const dir = chartDir(`strict-${helm.major}`, validatingChart);
      const out = await renderChartTraced({
        chart: dir,
        releaseName: 'rel',
        helm: helm.path,
        defaults: chartValueLayers(chartSourceFromDir(dir, 'strict')).layers,
      });
      expect(out.trace).toMatchObject({ status: 'traced', marking: 'image-like' });
      if (out.trace.status === 'traced')
        expect(out.trace.fallbackReason).toContain('mode must be standalone or cluster');
      const [loc] = containerImages(out.manifests.map((m) => m.object));
      if (loc === undefined) throw new Error('no image');
      const t = traceImageAt(out, loc);
      expect(t.status === 'traced' && t.contributions.map((c) => c.pathText)).toEqual([
        'image.repository',
        'image.tag',
      ]);
    });

    it('traces the name alone when the chart compares the tag as a version', async () => {
      const dir = chartDir(`semver-${helm.major}`, semverChart);
      const out = await renderChartTraced({
        chart: dir,
        releaseName: 'rel',
        helm: helm.path,
        defaults: chartValueLayers(chartSourceFromDir(dir, 'semver')).layers,
      });
      expect(images(out)).toEqual(['quay.io/acme/semver:2.0.0']);
      expect(out.trace.status === 'traced' ? out.trace.marking : out.trace.reason).toBe('names');
      const [loc] = containerImages(out.manifests.map((m) => m.object));
      const t = loc ? traceImageAt(out, loc) : undefined;
      expect(t?.status === 'traced' ? t.contributions.map((c) => c.pathText) : t).toEqual([
        'image.repository',
      ]);
    });

    it('leaves a chart untraced, with the reason, when no marking renders like the plain render', async () => {
      const dir = chartDir(`regcheck-${helm.major}`, registryCheckChart);
      const out = await renderChartTraced({
        chart: dir,
        releaseName: 'rel',
        helm: helm.path,
        defaults: chartValueLayers(chartSourceFromDir(dir, 'regcheck')).layers,
      });
      expect(images(out)).toEqual(['quay.io/acme/regcheck:2.0.0']);
      expect(out.trace.status).toBe('untraced');
      if (out.trace.status === 'untraced') expect(out.trace.reason).toContain('render-failed');
    });
  });
});

function packChart(helm: TestHelm, dir: string): string {
  const dest = join(root, `packed-${helm.major}`);
  const out = execFileSync(helm.path, ['package', dir, '--destination', dest], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: root,
      HELM_CACHE_HOME: join(root, 'hc'),
      HELM_CONFIG_HOME: join(root, 'hcfg'),
      HELM_DATA_HOME: join(root, 'hd'),
    },
  });
  const m = /saved it to: (\S+)/.exec(out);
  if (m?.[1] === undefined) throw new Error(`helm package printed: ${out}`);
  return m[1];
}

/** Processes whose command line names `text` (the killed render must leave none behind). */
function processesMentioning(text: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(text)) out.push(`${pid}: ${cmd}`);
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

// The pipeline renders every chart archive of a release with the real Helm, as KOTS does
// (pkg/base/helm_v4.go in replicatedhq/kots: `helm install --dry-run=client` with the release name,
// namespace and the CR's values), and reports exactly the images Helm deploys. The expected images
// come from a direct `helm template` run and a small walk of its output in this test, never from the
// product. Positions: each image at the value that produced it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { HelmBinary } from '../../src/helm/index.js';
import type { ImageUse } from '../../src/model-scan.js';
import { type PipelineResult, runPipeline } from '../../src/pipeline.js';
import { containerImages, requireHelm } from '../helm-render/helm-bins.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'charts');
const helm4 = requireHelm(4);
const helm3 = requireHelm(3);

interface ChartCase {
  fixture: string;
  archive: string;
  chartName: string;
  version: string;
  /** The HelmChart CR's `spec` lines after `chart:` (values, namespace). */
  spec?: string;
  apiVersion?: 'kots.io/v1beta1' | 'kots.io/v1beta2';
}

const cases: ChartCase[] = [
  { fixture: 'istio', archive: 'istio-1.5.4.tgz', chartName: 'istio', version: '1.5.4' },
  {
    fixture: 'onlineboutique',
    archive: 'onlineboutique-0.10.6.tgz',
    chartName: 'onlineboutique',
    version: '0.10.6',
    spec: '  namespace: shop\n  values:\n    adService:\n      name: adservice-custom\n',
  },
  {
    fixture: 'gitea',
    archive: '',
    chartName: 'gitea',
    version: '',
    apiVersion: 'kots.io/v1beta2',
  },
  { fixture: 'bitnami-nginx', archive: 'nginx-22.1.1.tgz', chartName: 'nginx', version: '22.1.1' },
  { fixture: 'prometheus', archive: '', chartName: 'prometheus', version: '' },
];

const root = tempDir('kots-proxy-pipeline-helm-');
const release = join(root, 'release');

/** Packs a fixture with the project's packer; fills in the archive name and chart version. */
function pack(c: ChartCase): void {
  const out = execFileSync('bash', [join(fixtures, 'pack.sh'), join(release, 'manifests'), c.fixture], {
    encoding: 'utf8',
  }).trim();
  const archive = out.split('\n')[0]?.split('/').pop() ?? '';
  c.archive = archive;
  c.version = /-(\d[^/]*)\.tgz$/.exec(archive)?.[1] ?? '';
}

function crText(c: ChartCase): string {
  return `apiVersion: ${c.apiVersion ?? 'kots.io/v1beta1'}
kind: HelmChart
metadata:
  name: ${c.fixture}-cr
spec:
  chart:
    name: ${c.chartName}
    chartVersion: ${c.version}
${c.spec ?? ''}`;
}

/** What `helm template` deploys with the release name and namespace KOTS uses (v1: the CR's
 *  metadata.name, v2: the chart name; the namespace placeholder when the CR names none). */
function helmTemplateImages(c: ChartCase, helm: string): string[] {
  const releaseName = c.apiVersion === 'kots.io/v1beta2' ? c.chartName : `${c.fixture}-cr`;
  const ns = /namespace: (\S+)/.exec(c.spec ?? '')?.[1] ?? 'repl{{ Namespace}}';
  const valuesFile = join(root, `${c.fixture}-values.yaml`);
  const values = /values:\n([\s\S]*)$/.exec(c.spec ?? '')?.[1] ?? '';
  writeTree(root, {
    [`${c.fixture}-values.yaml`]: values
      .split('\n')
      .map((l) => l.slice(4))
      .join('\n'),
  });
  const out = execFileSync(
    helm,
    [
      'template',
      releaseName,
      join(release, 'manifests', c.archive),
      '-n',
      ns,
      '--include-crds',
      '-f',
      valuesFile,
    ],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: root }, maxBuffer: 64 << 20 },
  );
  const objects = parseAllDocuments(out).map((d) => d.toJS() as unknown);
  return [...new Set(containerImages(objects).map((i) => i.image))].sort();
}

const byHelm = (helm: { path: string; version: string; major: 3 | 4 }): HelmBinary => ({
  path: helm.path,
  version: helm.version,
  major: helm.major,
});

async function run(helm: HelmBinary | null): Promise<PipelineResult> {
  return runPipeline(['manifests'], offlineOptions(), {
    logger: SILENT,
    cwd: release,
    findHelm: async () => helm,
  });
}

function chartUses(r: PipelineResult, c: ChartCase): ImageUse[] {
  const index = r.scan.helmCharts.findIndex((h) => h.name === `${c.fixture}-cr`);
  return r.scan.uses.filter(
    (u) => u.helmChart === index && (u.context === 'helm-value' || u.context === 'helm-template'),
  );
}

beforeAll(() => {
  for (const c of cases) {
    pack(c);
    writeTree(join(release, 'manifests'), { [`${c.fixture}-cr.yaml`]: crText(c) });
  }
});

describe.each([
  ['Helm 4', helm4],
  ['Helm 3', helm3],
])('the pipeline with %s', (_name, helm) => {
  let result: PipelineResult;
  beforeAll(async () => {
    result = await run(byHelm(helm));
  }, 300_000);

  it.each(cases.map((c) => [c.fixture, c] as const))(
    '%s: reports exactly the images helm template deploys',
    (_f, c) => {
      const reported = [...new Set(chartUses(result, c).map((u) => u.raw))].sort();
      expect(reported).toEqual(helmTemplateImages(c, helm.path));
      expect(reported.length).toBeGreaterThan(0);
    },
  );

  it('raises no render finding and no helm-not-found notice', () => {
    const rules = result.report.findings.map((f) => f.rule);
    expect(
      result.report.findings.filter((f) => f.rule.startsWith('helm-chart')).map((f) => f.message),
    ).toEqual([]);
    expect(rules).not.toContain('helm-not-found');
    expect(rules).not.toContain('helm-chart-render-failed');
    expect(rules).not.toContain('helm-chart-missing-dependency');
  });
});

describe('positions of rendered images (Helm 4)', () => {
  let result: PipelineResult;
  beforeAll(async () => {
    result = await run(byHelm(helm4));
  }, 300_000);
  const at = (c: ChartCase, image: string) =>
    chartUses(result, c)
      .filter((u) => u.raw === image)
      .map((u) => `${u.pos.file}:${u.pos.line}`);
  const lineOf = (file: string, needle: string): number =>
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1;

  it("istio's composed pilot image sits at the subchart's `image: pilot`", () => {
    const c = cases[0] as ChartCase;
    const line = lineOf(join(fixtures, 'istio', 'istio', 'charts', 'pilot', 'values.yaml'), 'image: pilot');
    expect(at(c, 'docker.io/istio/pilot:1.5.4')).toEqual([
      `manifests/${c.archive}!istio/charts/pilot/values.yaml:${line}`,
    ]);
  });

  it('an image the CR sets sits at the CR line; the others at values.yaml', () => {
    const c = cases[1] as ChartCase;
    const ad = chartUses(result, c).filter((u) => u.raw.includes('/adservice-custom:'));
    expect(ad.map((u) => `${u.pos.file}:${u.pos.line}`)).toEqual(['manifests/onlineboutique-cr.yaml:12']);
    const cart = chartUses(result, c).filter((u) => u.raw.includes('/cartservice:'));
    const line = lineOf(
      join(fixtures, 'onlineboutique', 'onlineboutique', 'values.yaml'),
      'name: cartservice',
    );
    expect(cart.map((u) => `${u.pos.file}:${u.pos.line}`)).toEqual([
      `manifests/${c.archive}!onlineboutique/values.yaml:${line}`,
    ]);
  });

  it('a literal image sits at its template line', () => {
    const c = cases[1] as ChartCase;
    const image = 'redis:alpine@sha256:8096655e437712b07503796fb64d81359256cfcff0ab29d95a7da72863786efb';
    const line = lineOf(
      join(fixtures, 'onlineboutique', 'onlineboutique', 'templates', 'cartservice.yaml'),
      `image: ${image}`,
    );
    expect(at(c, image)).toEqual([
      `manifests/${c.archive}!onlineboutique/templates/cartservice.yaml:${line}`,
    ]);
    expect(chartUses(result, c).find((u) => u.raw === image)?.context).toBe('helm-template');
  });

  it('every rendered image is traced (no image falls back to the CR line)', () => {
    const untraced = result.report.findings.filter((f) => f.rule === 'helm-image-untraced');
    expect(untraced.map((f) => f.message)).toEqual([]);
  });
});

describe('without helm', () => {
  it('keeps the approximation and raises one notice naming every approximated chart', async () => {
    const r = await run(null);
    const notices = r.report.findings.filter((f) => f.rule === 'helm-not-found');
    expect(notices).toHaveLength(1);
    for (const c of cases) expect(notices[0]?.message).toContain(`"${c.fixture}-cr"`);
    // The approximation's known miss: istio's composed image is never found without Helm.
    const istio = chartUses(r, cases[0] as ChartCase).map((u) => u.raw);
    expect(istio).not.toContain('docker.io/istio/pilot:1.5.4');
  });
});

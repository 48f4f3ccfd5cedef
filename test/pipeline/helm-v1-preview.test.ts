// v1 charts in the preview: KOTS renders a kots.io/v1beta1 chart into its kustomize base
// (pkg/base/helm_v4.go), and the midstream rewrites the images of every object through `images:`
// entries and patches each object with containers with the pull secret (pkg/midstream/write.go
// writeObjectsWithPullSecret). `useHelmInstall: true` charts get their own midstream and secret
// `<slug>-<dir name>-registry` (pkg/midstream/write.go namePrefix), and each of their subcharts is a
// base of its own (pkg/base/helm.go writeHelmBase splits `charts/<sub>/…`; pkg/base/replicated.go
// extractHelmBases), whose objects get `<slug>-<subchart>-registry`. The test compares what
// `kubectl kustomize` prints for the generated overlay with a direct `helm template` run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { writeGeneratedFiles } from '../../src/output.js';
import { runPipeline } from '../../src/pipeline.js';
import { containerImages, requireHelm } from '../helm-render/helm-bins.js';
import { find, type K8sObject, kustomize } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'charts');
const helm = requireHelm(4);

interface V1Case {
  fixture: string;
  chartName: string;
  spec: string;
  /** The namespace objects without one end up in, when the CR names one. */
  namespace?: string;
  /** The secret KOTS patches the chart's objects with. */
  secret: string;
  /** useHelmInstall: subchart objects get their own base's secret. */
  subchartSecrets?: true;
}

const cases: V1Case[] = [
  { fixture: 'istio', chartName: 'istio', spec: '', secret: 'acme-registry' },
  {
    fixture: 'onlineboutique',
    chartName: 'onlineboutique',
    spec: '  namespace: shop\n',
    namespace: 'shop',
    secret: 'acme-registry',
  },
  { fixture: 'bitnami-nginx', chartName: 'nginx', spec: '', secret: 'acme-registry' },
  {
    fixture: 'prometheus',
    chartName: 'prometheus',
    spec: '  useHelmInstall: true\n  namespace: monitoring\n',
    namespace: 'monitoring',
    secret: 'acme-prometheus-cr-registry',
    subchartSecrets: true,
  },
];

const root = tempDir('kots-proxy-v1-preview-');
const release = join(root, 'release');
const archives = new Map<string, string>();

const sources = new WeakMap<K8sObject, string>();

/** The secret KOTS patches a rendered object with: a useHelmInstall chart's subchart objects get
 *  their own base's, named after the innermost `charts/<sub>/` of the Helm source path. */
function secretFor(c: V1Case, o: K8sObject): string {
  if (!c.subchartSecrets) return c.secret;
  const subs = [...(sources.get(o) ?? '').matchAll(/\/charts\/([^/]+)\/(?=.)/g)].map((m) => m[1]);
  const sub = subs.at(-1);
  return sub === undefined ? c.secret : `acme-${sub}-registry`;
}

/** Objects with containers from a direct `helm template` (release name: the CR's metadata.name). */
function helmObjects(c: V1Case): K8sObject[] {
  const ns = c.namespace ?? 'app';
  const out = execFileSync(
    helm.path,
    ['template', `${c.fixture}-cr`, join(release, 'manifests', archives.get(c.fixture) ?? ''), '-n', ns],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: root }, maxBuffer: 64 << 20 },
  );
  // Helm's `# Source: <chart>/charts/<sub>/…/templates/x.yaml` line names the subchart.
  const objects = out.split(/^---$/m).flatMap((chunk) => {
    const o = parseAllDocuments(chunk)[0]?.toJS() as K8sObject | null | undefined;
    if (o === null || typeof o !== 'object') return [];
    sources.set(o, /# Source: (\S+)/.exec(chunk)?.[1] ?? '');
    return [o];
  });
  return objects.filter((o, i) => containerImages([o]).length > 0 && objects.indexOf(o) === i);
}

let objects: K8sObject[] = [];
const hosts = new Set<string>();

beforeAll(async () => {
  for (const c of cases) {
    const out = execFileSync('bash', [join(fixtures, 'pack.sh'), join(release, 'manifests'), c.fixture], {
      encoding: 'utf8',
    }).trim();
    const archive = out.split('\n')[0]?.split('/').pop() ?? '';
    archives.set(c.fixture, archive);
    const version = /-(\d[^/]*)\.tgz$/.exec(archive)?.[1] ?? '';
    writeTree(join(release, 'manifests'), {
      [`${c.fixture}-cr.yaml`]: `apiVersion: kots.io/v1beta1\nkind: HelmChart\nmetadata:\n  name: ${c.fixture}-cr\nspec:\n  chart:\n    name: ${c.chartName}\n    chartVersion: ${version}\n${c.spec}`,
    });
    for (const o of helmObjects(c)) {
      for (const { image } of containerImages([o])) {
        const first = image.split('/')[0] ?? '';
        hosts.add(image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io');
      }
    }
  }
  writeTree(join(release, 'manifests'), {
    'app.yaml':
      'apiVersion: kots.io/v1beta1\nkind: Application\nmetadata:\n  name: acme\nspec:\n  additionalNamespaces: [shop, monitoring]\n',
  });
  // Every registry private: every image goes through the proxy.
  const options = offlineOptions({ outDir: 'out', privateRegistries: [...hosts] });
  const r = await runPipeline(['manifests'], options, {
    logger: SILENT,
    cwd: release,
    findHelm: async () => ({ path: helm.path, version: helm.version, major: helm.major }),
  });
  expect(r.report.findings.filter((f) => f.rule === 'overlay-excluded-document')).toEqual([]);
  await writeGeneratedFiles(release, 'out', r.files);
  objects = kustomize('out', release);
}, 300_000);

describe.each(cases)('v1 chart $fixture in the preview', (c) => {
  it('shows every workload Helm renders, with proxied images and the pull secret', () => {
    const expected = helmObjects(c);
    expect(expected.length).toBeGreaterThan(0);
    for (const want of expected) {
      const ns = want.metadata.namespace ?? c.namespace;
      const got = find(objects, want.kind, want.metadata.name, ns === 'app' ? undefined : ns);
      const wantImages = containerImages([want]).map((x) => x.image);
      const gotImages = containerImages([got]).map((x) => x.image);
      expect(gotImages).toHaveLength(wantImages.length);
      // kustomize prints keys sorted (containers before initContainers): compare as sorted lists.
      for (const g of gotImages) {
        expect(g.startsWith('proxy.replicated.com/proxy/acme/'), g).toBe(true);
      }
      // The tag and digest are kept, and the repository's last component is still there.
      const tail = (x: string) => x.slice(x.lastIndexOf('/') + 1);
      expect(gotImages.map(tail).sort()).toEqual(wantImages.map(tail).sort());
      const podSpec = (
        want.kind === 'CronJob'
          ? ['spec', 'jobTemplate', 'spec', 'template', 'spec']
          : want.kind === 'Pod'
            ? ['spec']
            : ['spec', 'template', 'spec']
      ).reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], got) as
        | { imagePullSecrets?: Array<{ name: string }> }
        | undefined;
      expect(
        podSpec?.imagePullSecrets?.map((s) => s.name),
        `${want.kind}/${want.metadata.name}`,
      ).toContain(secretFor(c, want));
    }
  });
});

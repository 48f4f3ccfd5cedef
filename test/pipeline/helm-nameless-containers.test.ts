// Nameless containers in a chart's render. KOTS's midstream patches a v1 chart's objects with
// strategic-merge patches (replicatedhq/kots pkg/midstream/write.go writeObjectsWithPullSecret), which
// key containers by name: two nameless ones collapse into the last (KOTS's own oracle for this chart:
// pkg/tests/pull/cases/replicatedhelm/wantResults/rendered/this-cluster/
// security-test-example-chart-deployment.yaml, kept in test/fixtures/real/kots-pull-replicatedhelm).
// So a v1 chart's render raises container-without-name. A v1beta2 chart is deployed by Helm alone
// (pkg/apparchive/helm-v1beta2.go), where nothing collapses: no finding.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { requireHelm } from '../helm-render/helm-bins.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

// test-chart/templates/test.yaml: a Deployment whose two initContainers have no name.
const archive = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'real',
  'kots-pull-replicatedhelm',
  'upstream',
  'test-chart-0.1.1.tgz',
);
const helm = requireHelm(4);

async function findingsFor(
  apiVersion: string,
): Promise<{ rule: string; file: string; line: number; message: string }[]> {
  return (await scanChart(apiVersion)).nameless;
}

/** The chart's images (the render happened) and its container-without-name findings. */
async function scanChart(apiVersion: string) {
  const root = tempDir('kots-proxy-nameless-');
  writeTree(join(root, 'manifests'), {
    'chart.yaml': `apiVersion: ${apiVersion}\nkind: HelmChart\nmetadata:\n  name: test-chart\nspec:\n  chart:\n    name: test-chart\n    chartVersion: 0.1.1\n`,
  });
  copyFileSync(archive, join(root, 'manifests', 'test-chart-0.1.1.tgz'));
  const r = await runPipeline(
    ['manifests'],
    offlineOptions({ outDir: 'out', publicRegistries: ['docker.io', 'quay.io'] }),
    {
      logger: SILENT,
      cwd: root,
      findHelm: async () => ({ path: helm.path, version: helm.version, major: helm.major }),
    },
  );
  return {
    images: r.report.images.map((i) => i.image).sort(),
    nameless: r.report.findings.filter((f) => f.rule === 'container-without-name'),
  };
}

// Every image of test-chart/templates/test.yaml, the nameless initContainers' two among them.
const CHART_IMAGES = [
  'alpine',
  'alpine:3.4',
  'busybox',
  'nginx:latest',
  'quay.io/replicatedcom/qa-kots-1:alpine-3.5',
  'quay.io/replicatedcom/qa-kots-3:alpine-3.6',
];

describe('nameless containers rendered by a chart', () => {
  it('a v1 chart: one finding at the CR chart, naming the template', async () => {
    const got = await findingsFor('kots.io/v1beta1');
    expect(got).toHaveLength(1);
    expect(got[0]?.file).toBe('manifests/chart.yaml');
    expect(got[0]?.line).toBe(6);
    expect(got[0]?.message).toContain('initContainers has no name');
    expect(got[0]?.message).toContain('test-chart/templates/test.yaml');
  }, 120_000);

  it('a v1beta2 chart: none, Helm deploys it without kustomize patches', async () => {
    const { images, nameless } = await scanChart('kots.io/v1beta2');
    // The chart was rendered, nameless containers included: "none" is not "never looked".
    expect(images).toEqual(CHART_IMAGES);
    expect(nameless).toEqual([]);
  }, 120_000);
});

// The verification render the product runs for each HelmChart v2 with a generated values file
// (src/verify-helm-values.ts): KOTS installs a kots.io/v1beta2 chart with its own values and
// rewrites nothing (pkg/apparchive/helm-v1beta2.go in replicatedhq/kots), so an image the generated
// file cannot reach (here one inside a list of jobs) still runs from its registry after the merge,
// and that is a helm-v2-values-incomplete finding at the CR; the image the file does reach is not.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelineResult, runPipeline } from '../../src/pipeline.js';
import { requireHelm } from '../helm-render/helm-bins.js';
import { cleanup, tgz } from '../helpers/chart-archive.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const helm = requireHelm(4);

const chart = {
  'jobs/Chart.yaml': 'apiVersion: v2\nname: jobs\nversion: 0.1.0\n',
  'jobs/values.yaml': [
    'image:',
    '  registry: quay.io',
    '  repository: acme/web',
    '  tag: "1.0"',
    'imagePullSecrets: []',
    'jobs:',
    '  - name: nightly',
    '    image: quay.io/acme/nightly:2.0',
    '',
  ].join('\n'),
  'jobs/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    '      imagePullSecrets: {{ toYaml .Values.imagePullSecrets | nindent 8 }}',
    '      containers:',
    '        - name: web',
    '          image: {{ .Values.image.registry }}/{{ .Values.image.repository }}:{{ .Values.image.tag }}',
    '{{- range .Values.jobs }}',
    '        - name: {{ .name }}',
    '          image: {{ .image }}',
    '{{- end }}',
    '',
  ].join('\n'),
};

let result: PipelineResult;
const cr = (name: string) =>
  `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: ${name}\nspec:\n  chart:\n    name: jobs\n    chartVersion: 0.1.0\n`;

beforeAll(async () => {
  const release = tempDir('kots-proxy-v2-verify-');
  writeTree(join(release, 'manifests'), { 'jobs-0.1.0.tgz': tgz(chart), 'jobs.yaml': cr('jobs') });
  result = await runPipeline(
    ['manifests'],
    offlineOptions({ outDir: 'out', privateRegistries: ['quay.io'] }),
    {
      logger: SILENT,
      cwd: release,
      findHelm: async () => ({ path: helm.path, version: helm.version, major: helm.major }),
    },
  );
}, 120_000);

afterAll(cleanup);

describe('verification render of a HelmChart v2 with its generated values', () => {
  it('writes a values file (the image value and the declared pull-secret list)', () => {
    const file = result.files.find((f) => f.path === 'out/helmchart-jobs.values.yaml');
    expect(file?.content).toContain('repository:');
    expect(file?.content).toContain("- name: '{{repl ImagePullSecretName }}'");
  });

  it('raises helm-v2-values-incomplete for the list image only, at the CR', () => {
    const incomplete = result.report.findings.filter((f) => f.rule === 'helm-v2-values-incomplete');
    expect(incomplete.map((f) => [f.file, /still runs "([^"]+)"/.exec(f.message)?.[1]])).toEqual([
      ['manifests/jobs.yaml', 'quay.io/acme/nightly:2.0'],
    ]);
  });
});

// Table tests of the HelmChart v2 values planner (src/plan/helm-values.ts). KOTS does not rewrite the
// images of kots.io/v1beta2 charts nor inject pull secrets (replicatedhq/kots pkg/helm, v1beta2 charts
// are templated with their own values), so the planner writes the documented HasLocalRegistry values.
import { describe, expect, it } from 'vitest';
import type { ReportImage } from '../../src/model.js';
import type { HelmChartInfo, HelmValueSlot, ImageUse, ScanResult } from '../../src/model-scan.js';
import { planHelmValues } from '../../src/plan/helm-values.js';
import { effectiveSettings } from '../../src/plan/images.js';
import { classifyTemplating } from '../../src/templates.js';
import { offlineOptions } from '../helpers/pipeline.js';

const EFF = effectiveSettings(offlineOptions(), undefined);
const POS = { file: 'chart.yaml', line: 7, column: 3 };
const HOST = '{{repl HasLocalRegistry | ternary LocalRegistryHost "proxy.replicated.com" }}';
const NS = (path: string) => `{{repl HasLocalRegistry | ternary LocalRegistryNamespace "${path}" }}`;
const SECRET = '{{repl ImagePullSecretName }}';

function chart(extra: Partial<HelmChartInfo> = {}): HelmChartInfo {
  return {
    file: 'chart.yaml',
    apiVersion: 'kots.io/v1beta2',
    name: 'web',
    chartName: 'web',
    pos: POS,
    passesPullSecret: false,
    ...extra,
  };
}

function valueUse(raw: string, helmValue: HelmValueSlot): ImageUse {
  return {
    raw,
    templating: classifyTemplating(raw),
    pos: POS,
    context: 'helm-value',
    helmChart: 0,
    helmValue,
  };
}

function plan(charts: HelmChartInfo[], uses: ImageUse[], status: ReportImage['status'] = 'private') {
  const scan: ScanResult = { files: [], uses, workloads: [], helmCharts: charts, findings: [] };
  const images = [...new Set(uses.map((u) => u.raw))].map(
    (image): ReportImage => ({ image, status, credentials: 'not-checked', proxy: null, locations: [POS] }),
  );
  return planHelmValues(scan, images, EFF);
}

/** The chart of the table declares `imagePullSecrets: []` in its values.yaml. */
const DECLARED = [{ path: ['imagePullSecrets'], names: [], strings: false }];
const DEFAULT_SECRETS = [{ path: ['imagePullSecrets'], value: [{ name: SECRET }] }];

describe('planHelmValues', () => {
  it.each<[string, ImageUse, Array<{ path: string[]; value: unknown }>]>([
    [
      'a full reference under `image`',
      valueUse('quay.io/acme/api:1.0', { path: ['image'], repoKey: 'image' }),
      [{ path: ['image'], value: `${HOST}/${NS('proxy/acme/quay.io/acme')}/api:1.0` }, ...DEFAULT_SECRETS],
    ],
    [
      'a repository with its own registry value',
      valueUse('quay.io/acme/api:1.0', {
        path: ['image'],
        repoKey: 'repository',
        registryPath: ['image', 'registry'],
      }),
      [
        { path: ['image', 'registry'], value: HOST },
        { path: ['image', 'repository'], value: `${NS('proxy/acme/quay.io/acme')}/api` },
        ...DEFAULT_SECRETS,
      ],
    ],
    [
      'a repository with no registry value',
      valueUse('quay.io/acme/api@sha256:' + 'a'.repeat(64), {
        path: ['api', 'image'],
        repoKey: 'repository',
      }),
      [
        { path: ['api', 'image', 'repository'], value: `${HOST}/${NS('proxy/acme/quay.io/acme')}/api` },
        ...DEFAULT_SECRETS,
      ],
    ],
    [
      'an image in a list: only a note, and the pull secret',
      valueUse('quay.io/acme/api:1.0', { path: ['jobs', '0', 'image'], repoKey: 'image', inList: true }),
      DEFAULT_SECRETS,
    ],
    [
      'an image already on the proxy path: only the pull secret',
      valueUse('proxy.replicated.com/proxy/acme/quay.io/acme/api:1.0', { path: ['image'], repoKey: 'image' }),
      DEFAULT_SECRETS,
    ],
  ])('%s', (_, u, sets) => {
    const [file] = plan([chart({ pullSecretValues: DECLARED })], [u]);
    expect(file?.fileName).toBe('helmchart-web.values.yaml');
    expect(file?.sets).toEqual(sets);
  });

  it('needs nothing for a public image', () => {
    expect(plan([chart()], [valueUse('nginx:1', { path: ['image'], repoKey: 'image' })], 'public')).toEqual(
      [],
    );
  });

  it('leaves v1beta1 charts to KOTS', () => {
    const u = valueUse('quay.io/acme/api:1.0', { path: ['image'], repoKey: 'image' });
    expect(plan([chart({ apiVersion: 'kots.io/v1beta1' })], [u])).toEqual([]);
  });

  it('adds the pull secret to the lists the chart declares, keeping their names', () => {
    const c = chart({
      pullSecretValues: [{ path: ['global', 'pullSecrets'], names: ['mine'], strings: true }],
    });
    const [file] = plan(
      [c],
      [valueUse('proxy.replicated.com/proxy/acme/quay.io/acme/api:1', { path: ['image'], repoKey: 'image' })],
    );
    expect(file?.sets).toEqual([{ path: ['global', 'pullSecrets'], value: ['mine', SECRET] }]);
    expect(file?.notes).toEqual([]);
  });

  it('writes no pull-secret key the chart does not declare (a guessed key is read by nothing)', () => {
    const rewritten = plan(
      [chart()],
      [valueUse('quay.io/acme/api:1.0', { path: ['image'], repoKey: 'image' })],
    );
    expect(rewritten[0]?.sets).toEqual([
      { path: ['image'], value: `${HOST}/${NS('proxy/acme/quay.io/acme')}/api:1.0` },
    ]);
    const onProxy = valueUse('proxy.replicated.com/proxy/acme/quay.io/acme/api:1', {
      path: ['image'],
      repoKey: 'image',
    });
    expect(plan([chart()], [onProxy])).toEqual([]);
  });

  it('passes no secret when the CR already passes ImagePullSecretName', () => {
    const u = valueUse('proxy.replicated.com/proxy/acme/quay.io/acme/api:1', {
      path: ['image'],
      repoKey: 'image',
    });
    expect(plan([chart({ passesPullSecret: true })], [u])).toEqual([]);
  });

  it('gives two charts of the same name two files', () => {
    const u = (i: number): ImageUse => ({
      ...valueUse('quay.io/acme/api:1.0', { path: ['image'], repoKey: 'image' }),
      helmChart: i,
    });
    expect(plan([chart(), chart()], [u(0), u(1)]).map((f) => f.fileName)).toEqual([
      'helmchart-web.values.yaml',
      'helmchart-web-2.values.yaml',
    ]);
  });
});

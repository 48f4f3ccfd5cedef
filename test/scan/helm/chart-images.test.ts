import { afterAll, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { type ChartArchive, readChartArchive } from '../../../src/scan/helm/archive.js';
import { chartValueImages } from '../../../src/scan/helm/chart-images.js';
import type { ValueImageSlot } from '../../../src/scan/helm/image-slots.js';
import { valuesFromNode } from '../../../src/scan/helm/values-tree.js';
import { cleanup, tgz } from '../../helpers/chart-archive.js';

afterAll(cleanup);

const A = 'manifests/app-1.0.0.tgz';
const CR = 'manifests/app-chart.yaml';
const common = tgz({
  'common/Chart.yaml': 'name: common\nversion: 2.0.0\n',
  'common/values.yaml': 'image:\n  repository: bitnami/os-shell\n  tag: "12"\n',
});
const bytes = tgz({
  'app/Chart.yaml': [
    'name: app',
    'version: 1.0.0',
    'appVersion: "3.1"',
    'dependencies:',
    '  - name: redis',
    '    alias: cache',
    '  - name: metrics',
    '    condition: metrics.enabled',
    '  - name: common',
    '',
  ].join('\n'),
  'app/values.yaml':
    'image:\n  repository: org/app\ncache:\n  image:\n    tag: 7.2.5\nmetrics:\n  enabled: false\n',
  'app/charts/redis/Chart.yaml': 'name: redis\nversion: 18.0.0\n',
  'app/charts/redis/values.yaml':
    'image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2.4\n',
  'app/charts/metrics/Chart.yaml': 'name: metrics\nversion: 0.1.0\n',
  'app/charts/metrics/values.yaml': 'image: prom/exporter:1\n',
  'app/charts/common-2.0.0.tgz': common,
});

function chart(): ChartArchive {
  const r = readChartArchive(A, bytes);
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** The CR's spec.values as a values tree, the way the HelmChart scanner would build it. */
function crValues(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return valuesFromNode(doc.getIn(['spec', 'values'], true), lineCounter, CR, 1, doc);
}

const short = (file: string) =>
  file === CR ? 'CR' : file.replace(`${A}!`, '').replace('charts/common-2.0.0.tgz!', '(tgz)');
const brief = (slots: ValueImageSlot[]) =>
  slots.map((s) => [s.path.join('.'), s.ref, short(s.pos.file), s.pos.line, s.pos.column]);

const crText = `apiVersion: kots.io/v1beta2
kind: HelmChart
metadata:
  name: app
spec:
  chart:
    name: app
    chartVersion: 1.0.0
  values:
    image:
      tag: "4.0"
    global:
      imageRegistry: proxy.replicated.com/proxy/acme/docker.io
    cache:
      image:
        repository: bitnami/redis-custom
    metrics:
      enabled: true
`;

describe('chartValueImages', () => {
  it.each<[string, string | undefined, unknown[], string[]]>([
    [
      'values.yaml only: parent values override the subchart, alias scopes, condition disables',
      undefined,
      [
        ['image', 'org/app:3.1', 'app/values.yaml', 2, 15],
        ['common.image', 'bitnami/os-shell:12', 'app/(tgz)common/values.yaml', 2, 15],
        ['cache.image', 'docker.io/bitnami/redis:7.2.5', 'app/values.yaml', 5, 10],
      ],
      ['subchart metrics is disabled by condition metrics.enabled'],
    ],
    [
      'CR values: partial overrides report at the CR, globals reach subcharts without moving positions',
      crText,
      [
        ['image', 'proxy.replicated.com/proxy/acme/docker.io/org/app:4.0', 'CR', 11, 12],
        [
          'common.image',
          'proxy.replicated.com/proxy/acme/docker.io/bitnami/os-shell:12',
          'app/(tgz)common/values.yaml',
          2,
          15,
        ],
        ['metrics.image', 'prom/exporter:1', 'app/charts/metrics/values.yaml', 1, 8],
        ['cache.image', 'proxy.replicated.com/proxy/acme/docker.io/bitnami/redis-custom:7.2.5', 'CR', 16, 21],
      ],
      [],
    ],
    [
      'a CR null deletes a default, down into subchart defaults (Helm)',
      'spec:\n  values:\n    cache:\n      image:\n        tag: null\n        registry: null\n',
      [
        ['image', 'org/app:3.1', 'app/values.yaml', 2, 15],
        ['common.image', 'bitnami/os-shell:12', 'app/(tgz)common/values.yaml', 2, 15],
        ['cache.image', 'bitnami/redis', 'app/charts/redis/values.yaml', 3, 15],
      ],
      ['subchart metrics is disabled by condition metrics.enabled'],
    ],
  ])('%s', (_name, cr, expected, notes) => {
    const result = chartValueImages(chart(), cr === undefined ? [] : [crValues(cr)]);
    expect(brief(result.slots)).toEqual(expected);
    expect(result.notes).toEqual(notes);
  });

  it('later overrides win over earlier ones (values, then optionalValues)', () => {
    const first = crValues('spec:\n  values:\n    image:\n      tag: "1"\n');
    const second = crValues('spec:\n  values:\n    image:\n      tag: "2"\n');
    expect(brief(chartValueImages(chart(), [first, second]).slots)[0]).toEqual([
      'image',
      'org/app:2',
      'CR',
      4,
      12,
    ]);
  });

  it('reports YAML errors in values files as notes', () => {
    const broken = tgz({
      'b/Chart.yaml': 'name: b\nversion: 1.0.0\n',
      'b/values.yaml': 'image: x:1\nbad: [\n',
    });
    const r = readChartArchive('m/b.tgz', broken);
    if ('error' in r) throw new Error(r.error);
    const { slots, notes } = chartValueImages(r);
    expect(brief(slots)).toEqual([['image', 'x:1', 'm/b.tgz!b/values.yaml', 1, 8]]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^m\/b\.tgz!b\/values\.yaml: /);
  });
});

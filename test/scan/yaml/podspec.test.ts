import { describe, expect, test } from 'vitest';
import type { ImageContext } from '../../../src/model-scan.js';
import { scanText } from '../../../src/scan/index.js';

/** [raw, line, column, context, workload] of every use, in order. */
function uses(text: string): Array<[string, number, number, ImageContext, number | undefined]> {
  return scanText('m.yaml', text).uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.context, u.workload]);
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('PodSpec images: position of the first character of the value', () => {
  test.each([
    {
      name: 'Deployment, unquoted, double and single quoted',
      text: lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - name: a',
        '        image: nginx:1.25',
        '      - image: "quay.io/org/api:v1"',
        `      - image:   'ghcr.io/o/x@sha256:${'a'.repeat(64)}'`,
      ),
      want: [
        ['nginx:1.25', 9, 16, 'container', 0],
        ['quay.io/org/api:v1', 10, 16, 'container', 0],
        [`ghcr.io/o/x@sha256:${'a'.repeat(64)}`, 11, 18, 'container', 0],
      ],
    },
    {
      name: 'Pod spec with init and ephemeral containers',
      text: lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  initContainers:',
        '  - image: busybox:1',
        '  containers:',
        '  - image: app:1',
        '  ephemeralContainers:',
        '  - image: debug:1',
      ),
      want: [
        ['busybox:1', 6, 12, 'initContainer', 0],
        ['app:1', 8, 12, 'container', 0],
        ['debug:1', 10, 12, 'ephemeralContainer', 0],
      ],
    },
    {
      name: 'CronJob jobTemplate',
      text: lines(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: c}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          containers: [{name: x, image: "cron:1"}]',
      ),
      want: [['cron:1', 9, 41, 'container', 0]],
    },
    {
      name: 'Argo Rollout: spec.template.spec of a custom resource',
      text: lines(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Rollout',
        'metadata: {name: r}',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '      - image: roll:2',
      ),
      want: [['roll:2', 8, 16, 'container', 0]],
    },
    {
      name: 'flow style inside {...}',
      text: lines(
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata: {name: d}',
        'spec: {template: {spec: {containers: [{image: "x/y:1"}, {image: z:2}]}}}',
      ),
      want: [
        ['x/y:1', 4, 47, 'container', 0],
        ['z:2', 4, 65, 'container', 0],
      ],
    },
    {
      name: 'block scalar points at the indicator',
      text: lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '  - image: >-',
        '      folded:1',
      ),
      want: [['folded:1', 6, 12, 'container', 0]],
    },
    {
      name: 'CRLF line ends',
      text: ['apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  - image: "crlf:1"', ''].join('\r\n'),
      want: [['crlf:1', 5, 12, 'container', 0]],
    },
    {
      name: 'BOM is not a column',
      text: '\uFEFF{apiVersion: v1, kind: Pod, spec: {containers: [{image: bom:1}]}}\n',
      want: [['bom:1', 1, 57, 'container', 0]],
    },
    {
      name: 'second document, tab after the colon, comment after the value',
      text: lines(
        'kind: ConfigMap',
        'apiVersion: v1',
        'data: {image: "not:1"}',
        '---',
        'kind: Pod',
        'apiVersion: v1',
        'spec:',
        '  containers:',
        '  - image:\tcom:1 # image: other:1',
      ),
      want: [['com:1', 9, 12, 'container', 0]],
    },
    {
      name: 'anchor props are not the value; an alias points where it is used',
      text: lines(
        'kind: Pod',
        'apiVersion: v1',
        'spec:',
        '  containers:',
        '  - image: &img shared:1',
        '  - image: *img',
      ),
      want: [
        ['shared:1', 5, 17, 'container', 0],
        ['shared:1', 6, 12, 'container', 0],
      ],
    },
  ])('$name', ({ text, want }) => {
    expect(uses(text)).toEqual(want);
  });
});

describe('not images', () => {
  test.each([
    ['Secret data', lines('apiVersion: v1', 'kind: Secret', 'stringData: {image: "quay.io/a/b:1"}')],
    [
      'ConfigMap with a PodSpec-like body',
      lines('apiVersion: v1', 'kind: ConfigMap', 'spec: {template: {spec: {containers: [{image: "x:1"}]}}}'),
    ],
    [
      'annotations and labels',
      lines(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  annotations: {image: "quay.io/a/b:1"}',
        '  labels: {image: "x"}',
      ),
    ],
    [
      'comments',
      lines('apiVersion: v1', 'kind: Pod', 'spec:', '  containers:', '  # - image: quay.io/a/b:1'),
    ],
    [
      'PodSpec path of a kind with no containers',
      lines('apiVersion: example.com/v1', 'kind: Thing', 'spec: {template: {spec: {replicas: 3}}}'),
    ],
    [
      'null and empty image',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '  - image:',
        '  - image: ~',
        "  - image: ''",
      ),
    ],
    ['a document with no kind', lines('apiVersion: v1', 'spec: {containers: [{image: "x:1"}]}')],
  ])('%s', (_name, text) => {
    expect(scanText('m.yaml', text).uses).toEqual([]);
  });
});

describe('workloads', () => {
  test('Deployment: names, namespace position, pull secrets, kind position', () => {
    const r = scanText(
      'dir/w.yaml',
      lines(
        'apiVersion: apps/v1',
        'kind:   StatefulSet',
        'metadata:',
        '  name: db',
        '  namespace: "data"',
        'spec:',
        '  template:',
        '    spec:',
        '      imagePullSecrets:',
        '      - name: a',
        '      - {name: b}',
        '      containers: [{image: pg:16}]',
      ),
    );
    expect(r.workloads).toEqual([
      {
        file: 'dir/w.yaml',
        docIndex: 0,
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'db',
        namespace: 'data',
        namespacePos: { file: 'dir/w.yaml', line: 5, column: 14 },
        podSpecPath: ['spec', 'template', 'spec'],
        imagePullSecrets: ['a', 'b'],
        pos: { file: 'dir/w.yaml', line: 2, column: 9 },
        containerCount: 1,
      },
    ]);
  });

  test('no imagePullSecrets → null, no namespace → absent; templated namespace kept raw', () => {
    const r = scanText(
      'w.yaml',
      lines(
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: {name: j}',
        'spec: {template: {spec: {containers: [{image: a:1}]}}}',
        '---',
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        '  name: c',
        '  namespace: repl{{ ConfigOption "ns" }}',
        'spec: {jobTemplate: {spec: {template: {spec: {imagePullSecrets: [], containers: [{image: b:1}]}}}}}',
      ),
    );
    expect(
      r.workloads.map((w) => [w.kind, w.docIndex, w.namespace, w.namespacePos?.line, w.imagePullSecrets]),
    ).toEqual([
      ['Job', 0, undefined, undefined, null],
      ['CronJob', 1, 'repl{{ ConfigOption "ns" }}', 10, []],
    ]);
    expect(r.workloads[1]?.podSpecPath).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(r.uses.map((u) => u.workload)).toEqual([0, 1]);
  });

  test('List items: each item is a workload of the List document, path starts at items.N', () => {
    const r = scanText(
      'l.yaml',
      lines(
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: v1',
        '  kind: ConfigMap',
        '  data: {a: b}',
        '- apiVersion: apps/v1',
        '  kind: Deployment',
        '  metadata: {name: one, namespace: n1}',
        '  spec: {template: {spec: {containers: [{image: one:1}]}}}',
        '- apiVersion: v1',
        '  kind: PodList',
        '  items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: two}',
        '    spec: {containers: [{image: two:1}]}',
      ),
    );
    expect(
      r.workloads.map((w) => [w.kind, w.name, w.docIndex, w.podSpecPath, w.pos.line, w.pos.column]),
    ).toEqual([
      ['Deployment', 'one', 0, ['items', '1', 'spec', 'template', 'spec'], 8, 9],
      ['Pod', 'two', 0, ['items', '2', 'items', '0', 'spec'], 15, 11],
    ]);
    expect(r.workloads[0]?.namespacePos).toEqual({ file: 'l.yaml', line: 9, column: 36 });
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.workload])).toEqual([
      ['one:1', 10, 49, 0],
      ['two:1', 17, 33, 1],
    ]);
    expect(r.files[0]?.documents).toHaveLength(1);
  });

  test('workload indices continue across documents of a file', () => {
    const doc = (n: string): string =>
      `kind: Pod\napiVersion: v1\nmetadata: {name: ${n}}\nspec: {containers: [{image: ${n}:1}]}\n`;
    const r = scanText('m.yaml', `${doc('a')}---\n${doc('b')}---\n${doc('c')}`);
    expect(r.uses.map((u) => [u.raw, u.workload])).toEqual([
      ['a:1', 0],
      ['b:1', 1],
      ['c:1', 2],
    ]);
    expect(r.workloads.map((w) => [w.name, w.docIndex])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });
});

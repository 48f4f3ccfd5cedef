import { describe, expect, test } from 'vitest';
import { scanText } from '../../../src/scan/index.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

/** [docIndex, kind, line, column, problem] per document. */
function docs(text: string): Array<[number, string | undefined, number, number, string | undefined]> {
  return (scanText('d.yaml', text).files[0]?.documents ?? []).map((d) => [
    d.docIndex,
    d.kind,
    d.pos.line,
    d.pos.column,
    d.problem,
  ]);
}

describe('DocumentInfo', () => {
  test('fields of a document', () => {
    const r = scanText(
      'd.yaml',
      lines('apiVersion: v1', 'kind: Service', 'metadata: {name: s, namespace: ns}'),
    );
    expect(r.files).toEqual([
      {
        file: 'd.yaml',
        documents: [
          {
            docIndex: 0,
            apiVersion: 'v1',
            kind: 'Service',
            name: 's',
            namespace: 'ns',
            pos: { file: 'd.yaml', line: 1, column: 1 },
            span: [0, 64],
          },
        ],
      },
    ]);
  });

  test.each([
    {
      name: 'empty documents (comments, bare ---) are not documents and take no index',
      text: lines(
        '# header',
        '---',
        '# only a comment',
        '---',
        '---',
        'kind: A',
        'apiVersion: v1',
        '---',
        '...',
      ),
      want: [[0, 'A', 6, 1, undefined]],
    },
    {
      name: 'no kind, no apiVersion',
      text: lines('apiVersion: v1', 'metadata: {name: x}', '---', 'kind: B'),
      want: [
        [0, undefined, 1, 1, 'no kind'],
        [1, 'B', 4, 1, 'no apiVersion'],
      ],
    },
    {
      name: 'not a mapping',
      text: lines('just a string', '---', '- a'),
      want: [
        [0, undefined, 1, 1, 'not a mapping'],
        [1, undefined, 3, 1, 'not a mapping'],
      ],
    },
    {
      name: 'document start after a comment, indented content',
      text: lines('# c', '---', '  kind: C', '  apiVersion: v1'),
      want: [[0, 'C', 3, 3, undefined]],
    },
  ])('$name', ({ text, want }) => {
    expect(docs(text)).toEqual(want);
  });
});

describe('YAML errors', () => {
  test('a parse error in one document: finding at the error, the next document still scanned', () => {
    const r = scanText(
      'e.yaml',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '  - image: a:1',
        '   bad: [',
        '---',
        'apiVersion: v1',
        'kind: Pod',
        'spec: {containers: [{image: next:1}]}',
      ),
    );
    expect(r.findings).toEqual([
      {
        rule: 'yaml-parse-error',
        level: 'error',
        file: 'e.yaml',
        line: 6,
        column: 1,
        message: 'Sequence item without - indicator (and 1 more error in this document)',
      },
    ]);
    expect(r.files[0]?.documents.map((d) => d.problem)).toEqual(['parse error', undefined]);
    // What YAML could build of the broken document is still scanned.
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column])).toEqual([
      ['a:1', 5, 12],
      ['next:1', 10, 29],
    ]);
  });

  test.each([
    ['duplicate key', lines('apiVersion: v1', 'kind: Pod', 'kind: Pod'), 3, 1, 'Map keys must be unique'],
    [
      'tab indentation',
      lines('apiVersion: v1', 'kind: Pod', 'spec:', '\tcontainers: []'),
      4,
      1,
      'Tabs are not allowed as indentation',
    ],
    // yaml reports an unclosed flow collection where the next line starts.
    ['unclosed flow', lines('kind: Pod', 'apiVersion: v1', 'spec: {containers: [', 'x: 1'), 4, 1, undefined],
  ])('%s', (_name, text, line, column, message) => {
    const [f, ...rest] = scanText('e.yaml', text).findings;
    expect(rest).toEqual([]);
    expect([f?.rule, f?.line, f?.column]).toEqual(['yaml-parse-error', line, column]);
    if (message) expect(f?.message).toBe(message);
    expect(f?.message).not.toContain('\n');
  });

  test('block-level templates: no parse error, images in every branch found, document marked', () => {
    const r = scanText(
      't.yaml',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata: {name: p}',
        'spec:',
        '  containers:',
        '  repl{{ if ConfigOptionEquals "a" "1" }}',
        '  - image: a:1',
        '  repl{{ else }}',
        '  - image: "b:1"',
        '  {{repl end }}',
        '---',
        'kind: Pod',
        'apiVersion: v1',
        'spec: {containers: [{image: c:1}]}',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.workload])).toEqual([
      ['a:1', 7, 12, 0],
      ['b:1', 9, 12, 0],
      ['c:1', 14, 29, 1],
    ]);
    expect(r.files[0]?.documents.map((d) => [d.docIndex, d.problem])).toEqual([
      [0, 'template at block level'],
      [1, undefined],
    ]);
    expect(r.workloads[0]?.pos).toEqual({ file: 't.yaml', line: 2, column: 7 });
  });

  test('block-level template at the top of a later document keeps positions (CRLF)', () => {
    const text = [
      'kind: A',
      'apiVersion: v1',
      '---',
      'repl{{ if true }}',
      'apiVersion: v1',
      'kind: Pod',
      'spec: {containers: [{image: z:1}]}',
      'repl{{ end }}',
      '',
    ].join('\r\n');
    const r = scanText('t.yaml', text);
    expect(r.findings).toEqual([]);
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column])).toEqual([['z:1', 7, 29]]);
    expect(docs(text)).toEqual([
      [0, 'A', 1, 1, undefined],
      [1, 'Pod', 5, 1, 'template at block level'],
    ]);
  });

  test('an unquoted template followed by text is the template, not a YAML error', () => {
    const r = scanText(
      't.yaml',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '  - image: {{repl LocalRegistryHost }}/nginx:1 # c',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.templating.kind])).toEqual([
      ['{{repl LocalRegistryHost }}/nginx:1', 5, 12, 'dynamic'],
    ]);
    expect(r.files[0]?.documents[0]?.problem).toBe(
      'template makes the YAML invalid; template parsed as a flow map',
    );
  });

  test('alias bomb: aliases stop being followed after the limit, with one finding', () => {
    const nine = (a: string): string => `[${Array(9).fill(`*${a}`).join(',')}]`;
    const text = lines(
      'apiVersion: example.com/v1',
      'kind: Bomb',
      'a: &a [quay.io/x/y:1]',
      `b: &b ${nine('a')}`,
      `c: &c ${nine('b')}`,
      `d: &d ${nine('c')}`,
      `spec: {image: *d, list: ${nine('d')}}`,
    );
    const r = scanText('b.yaml', text);
    // Walking the custom resource reaches the limit inside `c`: 9 + 9 × 10 aliases.
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([['yaml-parse-error', 5]]);
    expect(r.files[0]?.documents[0]?.problem).toBe('alias limit exceeded');
  });
});

describe('scanDocument: where each kind keeps its PodSpec', () => {
  const doc = (kind: string, body: string) =>
    `apiVersion: ${kind === 'CronJob' ? 'batch/v1' : kind === 'Pod' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata: {name: w}\n${body}`;
  const containers = '{containers: [{name: c, image: "quay.io/acme/api:1"}]}';
  test.each<[string, string, string[]]>([
    ['Pod', `spec: ${containers}\n`, ['spec']],
    ['Deployment', `spec: {template: {spec: ${containers}}}\n`, ['spec', 'template', 'spec']],
    ['StatefulSet', `spec: {template: {spec: ${containers}}}\n`, ['spec', 'template', 'spec']],
    [
      'CronJob',
      `spec: {jobTemplate: {spec: {template: {spec: ${containers}}}}}\n`,
      ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    ],
  ])('%s', (kind, body, podSpecPath) => {
    const r = scanText('w.yaml', doc(kind, body));
    expect(r.workloads.map((w) => [w.kind, w.podSpecPath])).toEqual([[kind, podSpecPath]]);
    expect(r.uses.map((u) => [u.raw, u.context, u.workload])).toEqual([
      ['quay.io/acme/api:1', 'container', 0],
    ]);
  });

  test('a List document scans its items, with paths through items', () => {
    const r = scanText(
      'l.yaml',
      `apiVersion: v1\nkind: List\nitems:\n  - ${doc('Pod', `spec: ${containers}`).replaceAll('\n', '\n    ')}\n`,
    );
    expect(r.workloads.map((w) => w.podSpecPath)).toEqual([['items', '0', 'spec']]);
  });
});

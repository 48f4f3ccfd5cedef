// Templated release files are scanned as KOTS renders them: replicatedhq/kots pkg/base/replicated.go
// renderReplicated renders the whole file (builder.RenderTemplate: `{{repl` then `repl{{`) before
// splitting it into documents, with config_context.go giving an item's value, else its default.
// Every position is the original file's.
import { describe, expect, it } from 'vitest';
import { readConfigCr } from '../../src/kots/config-cr.js';
import type { ImageUse } from '../../src/model-scan.js';
import { scanText } from '../../src/scan/index.js';
import { releaseRenderer } from '../../src/scan/rendered.js';
import type { ConfigGroup } from '../../src/template/kots.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

const groups: ConfigGroup[] = [
  {
    name: 'main',
    items: [
      { name: 'tag', type: 'text', default: '1.4.2' },
      { name: 'registry', type: 'text', default: 'quay.io/acme' },
      { name: 'tier', type: 'text', default: 'repl{{ LicenseFieldValue "tier" }}' },
      { name: 'hostname', type: 'text', default: 'app.example.com' },
      { name: 'useCache', type: 'bool', default: '1' },
    ],
  },
];
const render = releaseRenderer(groups, 'acme');

function uses(text: string): Array<Pick<ImageUse, 'raw' | 'templating' | 'resolvedFrom'> & { at: string }> {
  return scanText('r.yaml', text, render).uses.map((u) => ({
    raw: u.raw,
    templating: u.templating,
    ...(u.resolvedFrom ? { resolvedFrom: u.resolvedFrom } : {}),
    at: `${u.pos.line}:${u.pos.column}`,
  }));
}

const deployment = (...containers: string[]) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    '  namespace: repl{{ Namespace }}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    ...containers,
  );

describe('scanning rendered templates', () => {
  it('resolves an image from Config defaults at its own position, and says so', () => {
    const text = deployment(
      '        - name: api',
      '          image: quay.io/acme/api:repl{{ ConfigOption "tag" }}',
      '        - name: side',
      '          image: \'{{repl ConfigOption "registry" }}/side:2\'',
    );
    expect(uses(text)).toEqual([
      {
        raw: 'quay.io/acme/api:1.4.2',
        templating: { kind: 'none' },
        resolvedFrom: ['ConfigOption "tag"'],
        at: '11:18',
      },
      // Quoted: the position is the quote's, as for any scalar.
      {
        raw: 'quay.io/acme/side:2',
        templating: { kind: 'none' },
        resolvedFrom: ['ConfigOption "registry"'],
        at: '13:18',
      },
    ]);
    // `namespace: repl{{ Namespace }}` is the app namespace: absent to the scan.
    expect(scanText('r.yaml', text, render).workloads[0]?.namespace).toBeUndefined();
  });

  it('keeps positions of what follows a block-level if, and drops what the defaults leave out', () => {
    const text = deployment(
      '{{repl if ConfigOptionEquals "useCache" "1" }}',
      '        - name: cache',
      '          image: redis:7',
      '{{repl else }}',
      '        - name: nocache',
      '          image: busybox:1',
      '{{repl end }}',
      '        - name: api',
      '          image: quay.io/acme/api:1',
    );
    expect(uses(text).map((u) => [u.raw, u.at])).toEqual([
      ['redis:7', '12:18'],
      ['quay.io/acme/api:1', '18:18'],
    ]);
    expect(scanText('r.yaml', text, render).files[0]?.documents[0]?.problem).toBeUndefined();
  });

  it('a value a placeholder decides stays dynamic, reported as written; a static repository is tag-only', () => {
    const text = deployment(
      '        - name: a',
      '          image: repl{{ ConfigOption "tier" }}/api:1',
      '        - name: b',
      // Quoted: an empty tag would leave `api:` at the end of the line, a YAML mapping key.
      '          image: \'quay.io/acme/api:repl{{ LicenseFieldValue "tag" }}\'',
      '        - name: c',
      '          image: \'quay.io/acme/api:repl{{ ConfigOption "missing" }}\'',
    );
    expect(uses(text)).toEqual([
      {
        raw: 'repl{{ ConfigOption "tier" }}/api:1',
        templating: { kind: 'dynamic' },
        resolvedFrom: ['ConfigOption "tier"'],
        at: '11:18',
      },
      {
        raw: 'quay.io/acme/api:repl{{ LicenseFieldValue "tag" }}',
        templating: { kind: 'tag-only', repository: 'quay.io/acme/api' },
        resolvedFrom: ['LicenseFieldValue "tag"'],
        at: '13:18',
      },
      // No such item: "" (config_context.go), an empty tag; the repository is still known.
      {
        raw: 'quay.io/acme/api:repl{{ ConfigOption "missing" }}',
        templating: { kind: 'tag-only', repository: 'quay.io/acme/api' },
        resolvedFrom: ['ConfigOption "missing"'],
        at: '15:18',
      },
    ]);
  });

  it('an image a Config item without default renders to nothing is dynamic, as written', () => {
    const text = deployment('        - name: a', '          image: repl{{ ConfigOption "missing" }}');
    expect(uses(text)).toEqual([
      { raw: 'repl{{ ConfigOption "missing" }}', templating: { kind: 'dynamic' }, at: '11:18' },
    ]);
  });

  it('HelmChart CR values: a Config default resolves, a license field keeps the value as written', () => {
    const text = lines(
      'apiVersion: kots.io/v1beta2',
      'kind: HelmChart',
      'metadata:',
      '  name: api',
      'spec:',
      '  chart: {name: api, chartVersion: 1.0.0}',
      '  values:',
      '    api:',
      '      image:',
      '        repository: quay.io/acme/api',
      '        tag: repl{{ ConfigOption "tag" }}',
      '    worker:',
      '      image:',
      '        repository: quay.io/acme/worker',
      '        tag: \'repl{{ LicenseFieldValue "tag" }}\'',
    );
    expect(uses(text).map((u) => [u.raw, u.templating.kind])).toEqual([
      ['quay.io/acme/api:1.4.2', 'none'],
      ['quay.io/acme/worker:repl{{ LicenseFieldValue "tag" }}', 'dynamic'],
    ]);
  });

  it('LocalImageName "x" stays wrapped, reported as written', () => {
    const text = deployment(
      '        - name: a',
      '          image: \'{{repl LocalImageName "quay.io/acme/api:1" }}\'',
    );
    expect(uses(text)).toEqual([
      {
        raw: '{{repl LocalImageName "quay.io/acme/api:1" }}',
        templating: { kind: 'wrapped', fn: 'LocalImageName', literal: 'quay.io/acme/api:1' },
        at: '11:18',
      },
    ]);
  });

  it('an unquoted {{repl }} in a ConfigMap is a plain value once rendered', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: cfg',
      'data:',
      '  host: {{repl ConfigOption "hostname" }}',
    );
    const r = scanText('r.yaml', text, render);
    expect(r.files[0]?.rendered?.text).toBe(
      text.replace('{{repl ConfigOption "hostname" }}', 'app.example.com'),
    );
    expect(r.files[0]?.documents[0]?.problem).toBeUndefined();
    expect(r.findings).toEqual([]);
  });

  it('a template error is an error at its line; the file is scanned as written', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: a',
      '      image: quay.io/acme/a:1',
      '    - name: b',
      '      image: repl{{ ConfigOption "tag" | nope }}',
    );
    const r = scanText('r.yaml', text, render);
    expect(r.findings.map((f) => [f.rule, f.level, f.line])).toEqual([['template-error', 'error', 10]]);
    expect(r.findings[0]?.message).toContain('function "nope" not defined');
    expect(r.uses.map((u) => [u.raw, u.templating.kind, u.pos.line])).toEqual([
      ['quay.io/acme/a:1', 'none', 8],
      ['repl{{ ConfigOption "tag" | nope }}', 'dynamic', 10],
    ]);
  });

  it('a function the evaluator does not implement is a warning, never a wrong value', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      '  name: s',
      'stringData:',
      '  ca: repl{{ genCA "acme" 365 }}',
    );
    const r = scanText('r.yaml', text, render);
    expect(r.findings.map((f) => [f.rule, f.level, f.line])).toEqual([
      ['template-function-unsupported', 'warning', 6],
    ]);
    expect(r.files[0]?.rendered).toBeUndefined();
  });
});

describe('Config CR (kotskinds: value/default are BoolOrString)', () => {
  const cr = (items: string) =>
    lines(
      'apiVersion: kots.io/v1beta1',
      'kind: Config',
      'metadata: {name: c}',
      'spec:',
      '  groups:',
      '    - name: g',
      '      items:',
      items,
    );
  it.each([
    [
      'a string default',
      '        - {name: a, type: text, default: "x"}',
      { name: 'a', type: 'text', default: 'x' },
    ],
    [
      'unquoted true is "1"',
      '        - {name: a, type: bool, default: true}',
      { name: 'a', type: 'bool', default: '1' },
    ],
    [
      'unquoted no (YAML 1.1) is "0"',
      '        - {name: a, type: bool, value: no}',
      { name: 'a', type: 'bool', value: '0' },
    ],
    [
      'quoted "true" stays a string',
      '        - {name: a, type: bool, default: "true"}',
      { name: 'a', type: 'bool', default: 'true' },
    ],
    [
      'readonly and a template value',
      "        - {name: a, type: text, readonly: true, value: 'repl{{ RandomString 4 }}'}",
      { name: 'a', type: 'text', readonly: true, value: 'repl{{ RandomString 4 }}' },
    ],
  ])('%s', (_n, item, want) => {
    const got = readConfigCr(cr(item));
    expect(got?.groups).toEqual([{ name: 'g', items: [want] }]);
    expect(got?.problems).toEqual([]);
  });

  it('a number does not decode: KOTS refuses the Config', () => {
    const got = readConfigCr(cr('        - {name: a, type: text, default: 5}'));
    expect(got?.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Config item a.default is 5, neither a string nor a bool'),
    ]);
  });

  it('no Config CR in the text', () => {
    expect(readConfigCr(lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}'))).toBeUndefined();
  });
});

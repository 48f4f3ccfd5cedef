// Templated releases end to end, as KOTS renders them: replicatedhq/kots pkg/base/replicated.go
// renderReplicated renders each whole file (pkg/template/builder.go RenderTemplate: `{{repl … }}`
// then `repl{{ … }}`) with the Config CR's defaults on a first install (config_context.go: an item's
// `value` when not empty, else its `default`), then splits it into documents. The overlay lists the
// rendered copy, and `kubectl kustomize` builds it.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { find, imageOf, kustomize, podSpec } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const REAL = fileURLToPath(new URL('../fixtures/real', import.meta.url));
const options = offlineOptions({ outDir: 'out' });

/** Runs the pipeline on `root/release`, writes what it generates, builds the overlay. */
async function build(root: string) {
  const r = await runPipeline(['release'], options, { logger: SILENT, cwd: root });
  for (const f of r.files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  const generated = Object.fromEntries(r.files.map((f) => [f.path, f.content]));
  return { ...r, generated, objects: kustomize('out', root) };
}

const config = (items: string) => `apiVersion: kots.io/v1beta1
kind: Config
metadata:
  name: config
spec:
  groups:
    - name: main
      title: Main
      items:
${items}`;

describe('templated release files', () => {
  it('an unquoted {{repl ConfigOption "hostname" }} in a ConfigMap: the overlay lists the rendered copy', async () => {
    const root = tempDir();
    writeTree(root, {
      'release/config.yaml': config('        - {name: hostname, type: text, default: app.example.com}\n'),
      'release/cm.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  host: {{repl ConfigOption "hostname" }}
  ns: '{{repl Namespace }}'
`,
    });
    const { report, objects, generated } = await build(root);
    expect(report.findings.filter((f) => f.level !== 'notice')).toEqual([]);
    expect(find(objects, 'ConfigMap', 'settings').data).toEqual({ host: 'app.example.com', ns: '' });
    const copy = generated['out/release/release/cm.yaml'] ?? '';
    expect(copy.split('\n').slice(1, 2)).toEqual([
      '# release/cm.yaml as KOTS renders its templates with the Config defaults, without the documents KOTS does not deploy.',
    ]);
    expect(copy).toContain('  host: app.example.com\n');
    expect(generated['out/kustomization.yaml']).toContain('release/release/cm.yaml');
  });

  it('quay.io/acme/api:repl{{ ConfigOption "tag" }}: resolved from the default, checked and rewritten by name', async () => {
    const root = tempDir();
    writeTree(root, {
      'release/config.yaml': config(
        '        - {name: tag, type: text, default: "2.1.0"}\n        - {name: edition, type: text, default: \'repl{{ LicenseFieldValue "edition" }}\'}\n',
      ),
      'release/api.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: quay.io/acme/api:repl{{ ConfigOption "tag" }}
        - name: worker
          image: 'quay.io/acme/worker:repl{{ ConfigOption "edition" }}'
`,
    });
    const { report, objects } = await build(root);
    const api = report.images.find((i) => i.image === 'quay.io/acme/api:2.1.0');
    expect(api).toMatchObject({
      status: 'unknown',
      proxy: 'proxy.replicated.com/proxy/acme/quay.io/acme/api',
      locations: [{ file: 'release/api.yaml', line: 10, column: 18 }],
    });
    expect(api?.reason).toContain('from Config defaults: ConfigOption "tag"');
    // The tag comes from a license field (a placeholder): the repository is still checked and proxied.
    const worker = report.images.find((i) => i.image.startsWith('quay.io/acme/worker:'));
    expect(worker).toMatchObject({
      image: 'quay.io/acme/worker:repl{{ ConfigOption "edition" }}',
      status: 'unknown',
      proxy: 'proxy.replicated.com/proxy/acme/quay.io/acme/worker',
      locations: [{ file: 'release/api.yaml', line: 12, column: 18 }],
    });
    const spec = podSpec(find(objects, 'Deployment', 'api'), 'spec.template.spec');
    expect(imageOf(spec, 'api')).toBe('proxy.replicated.com/proxy/acme/quay.io/acme/api:2.1.0');
    expect(imageOf(spec, 'worker')).toMatch(/^proxy\.replicated\.com\/proxy\/acme\/quay\.io\/acme\/worker/);
  });

  it('a template error is an error finding at its line, and the rest of the release is still previewed', async () => {
    const root = tempDir();
    writeTree(root, {
      'release/bad.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: bad
data:
  x: '{{repl ConfigOption "a" | nosuchfunction }}'
`,
      'release/ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata:\n  x: "1"\n',
    });
    const { report, objects } = await build(root);
    expect(report.findings.map((f) => [f.rule, f.level, f.file, f.line])).toEqual([
      ['template-error', 'error', 'release/bad.yaml', 6],
    ]);
    expect(find(objects, 'ConfigMap', 'ok').data).toEqual({ x: '1' });
  });
});

describe('real releases (test/fixtures/real, see SOURCES.md)', () => {
  it('starter-kots: the ConfigMap as KOTS renders it; IsKurl alternatives stay undecided', async () => {
    const root = tempDir();
    cpSync(join(REAL, 'starter-kots'), join(root, 'release'), { recursive: true });
    const { report, objects } = await build(root);
    // kots-config.yaml: example_default_value has `value: ""` and a default, so ConfigOption gives the
    // default (config_context.go getConfigOptionValue: a non-empty value, else the default).
    const html = String(
      (find(objects, 'ConfigMap', 'nginx-content').data as Record<string, string>)['index.html'],
    );
    expect(html).toContain("This is text from a user config value: 'please change this value' </p>");
    // IsKurl reads the cluster (static_context.go): the two same-named Services stay a notice each,
    // and the preview shows the first (pkg/base/base.go isExcludedByAnnotation decides at install).
    expect(report.findings.filter((f) => f.rule === 'dynamic-exclude').map((f) => f.line)).toEqual([8, 23]);
    expect(find(objects, 'Service', 'nginx').spec).toMatchObject({ type: 'ClusterIP' });
    expect(report.findings.filter((f) => f.rule.startsWith('template-'))).toEqual([]);
  });

  it('pe-onlineboutique: HelmChart values from bool Config defaults; every file renders', async () => {
    const root = tempDir();
    cpSync(join(REAL, 'pe-onlineboutique'), join(root, 'release'), { recursive: true });
    const r = await build(root);
    // app.yaml's `(… | ParseBool)|}}` parses in Go text/template: no template finding anywhere.
    expect(r.report.findings.filter((f) => f.rule.startsWith('template-'))).toEqual([]);
    // config.yaml: every *_create item is `type: bool, default: "1"`, so each value renders to 1.
    const cr = r.scan.files.find((f) => f.file === 'release/onlineboutique.yaml')?.rendered?.text ?? '';
    expect(cr).toContain('    adService:\n      create: 1\n');
    expect(cr).not.toContain('repl{{');
    // statusInformers: `{{repl if (ConfigOption "x" | ParseBool) }}deployment/x{{repl end}}`.
    const app = r.scan.files.find((f) => f.file === 'release/app.yaml')?.rendered?.text ?? '';
    expect(app).toContain("- 'deployment/adservice'");
    expect(r.report.images.filter((i) => i.status === 'dynamic')).toEqual([]);
  });
});

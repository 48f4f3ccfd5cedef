// KOTS's own rules end to end: runPipeline on small releases, the overlay built by the real
// `kubectl kustomize`. Each case cites the replicatedhq/kots code that decides it.
import { describe, expect, it } from 'vitest';
import type { Render } from '../../src/kots/exclude.js';
import { writeGeneratedFiles } from '../../src/output.js';
import { runPipeline } from '../../src/pipeline.js';
import { find, imageOf, type K8sObject, kustomize, podSpec } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const options = offlineOptions({ outDir: 'out' });

async function build(files: Record<string, string>, render?: Render) {
  const root = tempDir();
  writeTree(root, files);
  const { report, files: generated } = await runPipeline(['manifests'], options, {
    logger: SILENT,
    cwd: root,
    ...(render ? { render } : {}),
  });
  await writeGeneratedFiles(root, 'out', generated);
  return { report, objects: kustomize('out', root), generated };
}

const rules = (report: { findings: { rule: string; file: string; line: number }[] }, ...want: string[]) =>
  report.findings.filter((f) => want.includes(f.rule)).map((f) => [f.rule, f.file, f.line]);
const kinds = (objects: K8sObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();

const service = (when: string, port: number) => `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    kots.io/when: ${when}
spec:
  ports: [{port: ${port}}]
`;
/** A v2 HelmChart CR for chart web 1.0.0 whose spec.values are `values` (indented by 4); its
 *  values start on line 10 of the file. */
const webChartV2 = (values: string) => `apiVersion: kots.io/v1beta2
kind: HelmChart
metadata:
  name: web
spec:
  chart:
    name: web
    chartVersion: 1.0.0
  values:
${values}`;
const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: quay.io/acme/web:1
`;

describe('kots.io/when and kots.io/exclude (pkg/base/base.go isExcludedByAnnotation)', () => {
  it('keeps the alternative whose literal when is true; the file keeps its other documents', async () => {
    const { report, objects } = await build({
      'manifests/web.yaml': `${deployment}---\n${service("'false'", 80)}---\n${service("'true'", 8080)}`,
    });
    expect(rules(report, 'overlay-excluded-document', 'dynamic-exclude')).toEqual([]);
    expect(kinds(objects)).toEqual([
      'Deployment/web',
      'Secret/acme-registry',
      'Secret/kotsadm-replicated-registry',
      'Service/web',
    ]);
    expect((find(objects, 'Service', 'web').spec as { ports: { port: number }[] }).ports).toEqual([
      { port: 8080 },
    ]);
  });

  it('decides what the file rendering leaves to the install with the injected renderer', async () => {
    // The scan renders the file first (pkg/base/replicated.go); a value a license field decides is
    // kept as written, and only such values reach the renderer.
    const render: Render = (text) => ({
      value: text.includes('"embedded"') ? 'true' : 'false',
      dynamic: false,
    });
    const { objects } = await build(
      {
        'manifests/db.yaml': `${service('\'{{repl LicenseFieldValue "external" }}\'', 1)}---\n${service('\'{{repl LicenseFieldValue "embedded" }}\'', 2)}`,
      },
      render,
    );
    expect((find(objects, 'Service', 'web').spec as { ports: { port: number }[] }).ports).toEqual([
      { port: 2 },
    ]);
  });

  it('the Config defaults decide a templated value (config_context.go ConfigOptionEquals)', async () => {
    const config = `apiVersion: kots.io/v1beta1
kind: Config
metadata: {name: c}
spec:
  groups:
    - name: g
      items:
        - {name: db, type: select_one, default: b}
`;
    const { report, objects } = await build({
      'manifests/config.yaml': config,
      'manifests/db.yaml': `${service('\'{{repl ConfigOptionEquals "db" "a" }}\'', 1)}---\n${service('\'{{repl ConfigOptionEquals "db" "b" }}\'', 2)}`,
    });
    expect(rules(report, 'dynamic-exclude', 'overlay-excluded-document')).toEqual([]);
    expect((find(objects, 'Service', 'web').spec as { ports: { port: number }[] }).ports).toEqual([
      { port: 2 },
    ]);
    // The overlay lists the rendered copy, whose annotation KOTS would see.
    expect(objects.find((o) => o.kind === 'Service')?.metadata).toMatchObject({
      annotations: { 'kots.io/when': 'true' },
    });
  });

  it('a value only the install knows (a license field) is a notice and the first alternative is shown', async () => {
    const { report, objects } = await build({
      'manifests/db.yaml': `${service('\'{{repl LicenseFieldValue "a" }}\'', 1)}---\n${service('\'{{repl LicenseFieldValue "b" }}\'', 2)}`,
    });
    expect(rules(report, 'dynamic-exclude', 'overlay-excluded-document')).toEqual([
      ['dynamic-exclude', 'manifests/db.yaml', 6],
      ['dynamic-exclude', 'manifests/db.yaml', 15],
    ]);
    expect((find(objects, 'Service', 'web').spec as { ports: { port: number }[] }).ports).toEqual([
      { port: 1 },
    ]);
  });

  it('kots.io/exclude decides alone, and a non-bool value is an error (KOTS fails the render)', async () => {
    const { report, objects } = await build({
      'manifests/a.yaml': deployment.replace(
        '  name: web\n',
        '  name: web\n  annotations:\n    kots.io/exclude: "true"\n    kots.io/when: "true"\n',
      ),
      'manifests/b.yaml': service('"yes"', 1),
    });
    expect(rules(report, 'invalid-exclude-annotation')).toEqual([
      ['invalid-exclude-annotation', 'manifests/b.yaml', 6],
    ]);
    expect(kinds(objects)).toEqual([
      'Secret/acme-registry',
      'Secret/kotsadm-replicated-registry',
      'Service/web',
    ]);
  });
});

describe('KOTS kinds never deployed (pkg/kotsutil/kots.go IsKotsKind)', () => {
  it('drops velero Backup, app.k8s.io Application and a nameless Embedded Cluster Config, silently', async () => {
    const { report, objects } = await build({
      'manifests/backup.yaml':
        'apiVersion: velero.io/v1\nkind: Backup\nmetadata:\n  name: backup\nspec: {}\n',
      'manifests/app.yaml': `apiVersion: app.k8s.io/v1beta1\nkind: Application\nmetadata:\n  name: acme\nspec: {}\n---\n${deployment}`,
      'manifests/ec.yaml':
        'apiVersion: embeddedcluster.replicated.com/v1beta1\nkind: Config\nspec:\n  version: 2.0.0\n',
    });
    expect(report.findings.filter((f) => f.level !== 'notice')).toEqual([]);
    expect(kinds(objects)).toEqual([
      'Deployment/web',
      'Secret/acme-registry',
      'Secret/kotsadm-replicated-registry',
    ]);
  });
});

describe('pull secrets (pkg/base/base.go FindImages, pkg/midstream/write.go)', () => {
  it('patches a Job that only runs registry.replicated.com images, and keeps existing secrets', async () => {
    const { objects } = await build({
      'manifests/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      imagePullSecrets: [{name: mine}]
      containers:
        - name: m
          image: registry.replicated.com/acme/migrate:1
`,
    });
    const spec = podSpec(find(objects, 'Job', 'migrate'), 'spec.template.spec');
    expect(imageOf(spec, 'm')).toBe('registry.replicated.com/acme/migrate:1');
    expect(spec.imagePullSecrets).toEqual([{ name: 'mine' }, { name: 'acme-registry' }]);
    expect(find(objects, 'Secret', 'acme-registry').type).toBe('kubernetes.io/dockerconfigjson');
  });

  it('always writes the pull secret, even for a release with no images', async () => {
    const { objects } = await build({
      'manifests/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
    });
    expect(kinds(objects)).toEqual([
      'ConfigMap/c',
      'Secret/acme-registry',
      'Secret/kotsadm-replicated-registry',
    ]);
  });

  it('copies the pull secret into every listed additional namespace, with or without workloads there', async () => {
    // pkg/operator/client/namespaces.go ApplyNamespacesInformer ensures the secrets in each listed
    // namespace; "*" and templated entries name no namespace the preview can show.
    const { objects } = await build({
      'manifests/app.yaml': `apiVersion: kots.io/v1beta1
kind: Application
metadata:
  name: acme
spec:
  additionalNamespaces: [idle, busy, '*', 'repl{{ ConfigOption "ns" }}']
`,
      'manifests/web.yaml': deployment.replace('  name: web\n', '  name: web\n  namespace: busy\n'),
    });
    const secrets = objects
      .filter((o) => o.kind === 'Secret')
      .map((o) => `${o.metadata.namespace ?? '(app)'}/${o.metadata.name}`)
      .sort();
    expect(secrets).toEqual(
      ['(app)', 'busy', 'idle'].flatMap((ns) => [`${ns}/acme-registry`, `${ns}/kotsadm-replicated-registry`]),
    );
  });
});

describe('images on the proxy host (pkg/docker/registry/images.go MakeProxiedImageURL)', () => {
  it('leaves the Replicated SDK image alone; only another slug is a mismatch', async () => {
    const { report } = await build({
      'manifests/app.yaml': `apiVersion: kots.io/v1beta1
kind: Application
metadata:
  name: acme
spec:
  additionalImages:
    - proxy.replicated.com/library/replicated-sdk-image:1.15.0
    - proxy.replicated.com/proxy/other/quay.io/x:1
`,
    });
    expect(rules(report, 'proxy-reference-mismatch')).toEqual([
      ['proxy-reference-mismatch', 'manifests/app.yaml', 8],
    ]);
  });
});

describe('collector images (pkg/kotsutil/kots.go GetImagesFromKotsKinds, pkg/registry/troubleshoot.go)', () => {
  it('reports run, runPod and copyFromHost images; a digest-pinned one gets collector-image-rewrite-broken', async () => {
    const { report, objects } = await build({
      'manifests/preflight.yaml': `apiVersion: troubleshoot.sh/v1beta2
kind: Preflight
metadata:
  name: pf
spec:
  collectors:
    - run:
        image: quay.io/acme/probe:1
    - runPod:
        podSpec:
          containers:
            - name: c
              image: quay.io/acme/pod:2
    - copyFromHost:
        image: quay.io/acme/copy@sha256:${'a'.repeat(64)}
`,
    });
    expect(report.images.map((i) => i.image).sort()).toEqual([
      `quay.io/acme/copy@sha256:${'a'.repeat(64)}`,
      'quay.io/acme/pod:2',
      'quay.io/acme/probe:1',
    ]);
    expect(rules(report, 'image-needs-proxy', 'collector-image-rewrite-broken')).toEqual([
      ['image-needs-proxy', 'manifests/preflight.yaml', 8],
      ['image-needs-proxy', 'manifests/preflight.yaml', 13],
      ['collector-image-rewrite-broken', 'manifests/preflight.yaml', 15],
    ]);
    expect(kinds(objects)).toEqual(['Secret/acme-registry', 'Secret/kotsadm-replicated-registry']);
  });
});

describe('HelmChart with no chart archive (pkg/base/replicated.go FindHelmChartArchiveInRelease)', () => {
  it('is an error; an excluded chart is not looked up', async () => {
    const chart = (name: string, extra = '') => `apiVersion: kots.io/v1beta2
kind: HelmChart
metadata:
  name: ${name}
spec:
${extra}  chart:
    name: ${name}
    chartVersion: 1.0.0
`;
    const { report } = await build({
      'manifests/a.yaml': chart('redis'),
      'manifests/b.yaml': chart('old', '')
        .replace('v1beta2', 'v1beta1')
        .replace('spec:\n', 'spec:\n  exclude: true\n'),
      // v2 too (pkg/apparchive/helm-v1beta2.go), with BoolOrString's string form
      'manifests/c.yaml': chart('off').replace('spec:\n', 'spec:\n  exclude: "1"\n'),
    });
    expect(rules(report, 'helm-chart-archive-missing')).toEqual([
      ['helm-chart-archive-missing', 'manifests/a.yaml', 2],
    ]);
  });
});

describe('nameless containers (kustomize strategic merge keys containers by name)', () => {
  it('flags each nameless container, and the preview keeps only the last, as KOTS deploys it', async () => {
    const { report, objects } = await build({
      'manifests/d.yaml': deployment.replace(
        '        - name: web\n          image: quay.io/acme/web:1\n',
        '        - image: quay.io/acme/a:1\n        - image: quay.io/acme/b:1\n',
      ),
    });
    expect(rules(report, 'container-without-name')).toEqual([
      ['container-without-name', 'manifests/d.yaml', 9],
      ['container-without-name', 'manifests/d.yaml', 10],
    ]);
    // KOTS's pull-secret patch is a strategic merge (pkg/midstream/write.go writeObjectsWithPullSecret),
    // which keys containers by name: of two nameless ones only the last is deployed.
    const spec = find(objects, 'Deployment', 'web').spec as {
      template: { spec: { containers: { image: string }[]; imagePullSecrets: { name: string }[] } };
    };
    expect(spec.template.spec.containers.map((c) => c.image)).toEqual([
      'proxy.replicated.com/proxy/acme/quay.io/acme/b:1',
    ]);
    expect(spec.template.spec.imagePullSecrets.map((x) => x.name)).toEqual(['acme-registry']);
  });
});

describe('v1 chart with useHelmInstall (pkg/pull/pull.go, pkg/midstream/write.go namePrefix)', () => {
  it('gets its own pull secret in its namespace, so its namespace needs no additionalNamespaces entry', async () => {
    const { report, objects } = await build({
      'manifests/redis.yaml': `apiVersion: kots.io/v1beta1
kind: HelmChart
metadata:
  name: redis-cr
spec:
  chart:
    name: redis
    chartVersion: 1.0.0
  useHelmInstall: true
  namespace: cache
  values:
    image: quay.io/acme/redis:1
`,
    });
    expect(rules(report, 'namespace-not-in-additional-namespaces')).toEqual([]);
    expect(find(objects, 'Secret', 'acme-redis-cr-registry', 'cache').type).toBe(
      'kubernetes.io/dockerconfigjson',
    );
  });
});

describe('v2 chart messages name where a value comes from', () => {
  it('a value written in the CR says so', async () => {
    const { report } = await build({
      'manifests/web.yaml': webChartV2(`    image: quay.io/acme/web:1
`),
    });
    const f = report.findings.find((x) => x.rule === 'helm-v2-image-not-proxied');
    expect(f?.message).toContain('(a value set by the HelmChart CR)');
  });
});

describe('same-named documents both deployed (pkg/base/write.go deduplicateOnContent)', () => {
  it('merges the later one onto the first as a strategic-merge patch', async () => {
    const { report, objects } = await build({
      'manifests/a.yaml': `${deployment}---\n${deployment.replace('quay.io/acme/web:1', 'quay.io/acme/web:2')}`,
    });
    expect(rules(report, 'overlay-excluded-document')).toEqual([]);
    const web = podSpec(find(objects, 'Deployment', 'web'), 'spec.template.spec');
    expect(imageOf(web, 'web')).toBe('proxy.replicated.com/proxy/acme/quay.io/acme/web:2');
    expect(web.imagePullSecrets).toEqual([{ name: 'acme-registry' }]);
  });
});

describe('v2 chart images already on the proxy host (pkg/docker/registry/images.go MakeProxiedImageURL)', () => {
  it("raise no helm-v2-image-not-proxied for the Replicated SDK's proxy.replicated.com/library image", async () => {
    const { report } = await build({
      'manifests/web.yaml': webChartV2(`    sdk:
      image: proxy.replicated.com/library/replicated-sdk-image:1.15.0
    api:
      image: proxy.replicated.com/proxy/acme/quay.io/acme/api:1
    web:
      image: quay.io/acme/web:1
`),
    });
    expect(rules(report, 'helm-v2-image-not-proxied', 'proxy-reference-mismatch')).toEqual([
      ['helm-v2-image-not-proxied', 'manifests/web.yaml', 15],
    ]);
  });
});

describe('v2 findings skip images the chart switches off', () => {
  it('no helm-v2 finding for an image under enabled: false', async () => {
    const { report } = await build({
      'manifests/web.yaml': webChartV2(`    image: quay.io/acme/web:1
    metrics:
      enabled: false
      image: quay.io/acme/metrics:1
`),
    });
    expect(rules(report, 'helm-v2-image-not-proxied')).toEqual([
      ['helm-v2-image-not-proxied', 'manifests/web.yaml', 10],
    ]);
  });
});

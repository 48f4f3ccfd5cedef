// KOTS semantics on fixture releases under test/fixtures/kots/, through runPipeline and
// `kubectl kustomize`: namespaces vs additionalNamespaces, operator image references, templated images,
// and the Application CR settings (proxyPublicImages, excludedImages, proxy and registry domains,
// additionalImages). Each rule is asserted at its exact line and column, with its near misses silent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { find, imageOf, type K8sObject, podSpec } from '../helpers/kustomize.js';
import { FIXTURES, options, prepare, type Run, render, run, where } from './release.js';

const NS_RULES = ['namespace-not-in-additional-namespaces', 'dynamic-namespace'];

/** Namespaces of `<slug>-registry` (each has its kotsadm-replicated-registry twin, checked once here). */
function secretNamespaces(r: Run): Array<string | null> {
  const docs = parseAllDocuments(r.generated['pull-secret.yaml'] ?? '').map(
    (d) => d.toJS() as { metadata: { name: string; namespace?: string } },
  );
  const of = (name: string) =>
    docs.filter((d) => d.metadata.name === name).map((d) => d.metadata.namespace ?? null);
  expect(of('kotsadm-replicated-registry')).toEqual(of('acme-registry'));
  return of('acme-registry');
}

describe('namespaces (fixture: namespaces)', () => {
  it('flags workloads and HelmCharts that run proxied images outside the listed namespaces', async () => {
    const r = await run(prepare('namespaces'));
    expect(where(r.result.report.findings, ...NS_RULES)).toEqual([
      // v1 chart (KOTS rewrites it) with a private image, namespace `cache`
      ['namespace-not-in-additional-namespaces', 'manifests/charts.yaml', 9, 14],
      // v2 chart on the proxy: it needs the pull secret in `analytics`
      ['namespace-not-in-additional-namespaces', 'manifests/charts.yaml', 28, 14],
      ['namespace-not-in-additional-namespaces', 'manifests/workers.yaml', 5, 14],
      // Line 41's `repl{{ ConfigOption "report_namespace" }}` names no Config item: KOTS renders it to
      // "" (replicatedhq/kots pkg/template/config_context.go: an unknown item has no value), so the
      // CronJob goes to the app namespace like `{{repl Namespace }}` (line 57): no finding.
    ]);
    // near misses: `monitoring` is listed (17), `tools` runs only a public image (29), the v2 chart in
    // `docs` runs only a public image (42), `api` has no namespace.
    // The pull secret covers the app namespace and each listed namespace running a proxied image.
    expect(secretNamespaces(r)).toEqual([null, 'monitoring']);
  });

  it('"*" covers every namespace, and the pull secret goes to each one that runs a proxied image', async () => {
    const app = readFileSync(join(FIXTURES, 'namespaces/manifests/app.yaml'), 'utf8');
    const r = await run(
      prepare('namespaces', { 'manifests/app.yaml': app.replace('    - monitoring\n', '    - "*"\n') }),
    );
    expect(where(r.result.report.findings, 'namespace-not-in-additional-namespaces')).toEqual([]);
    // `tools` too: its public-only toolbox gets the pull secret like every object with a container
    // (pkg/base/base.go FindImages, pkg/midstream/write.go writeObjectsWithPullSecret).
    expect(secretNamespaces(r)).toEqual([null, 'analytics', 'cache', 'monitoring', 'tools', 'workers']);
  });

  it('kubectl kustomize renders the overlay; HelmChart CRs (and the containers in their values) are dropped', async () => {
    const objects = render(await run(prepare('namespaces')));
    expect(objects.some((o) => o.kind === 'HelmChart' || o.kind === 'Application')).toBe(false);
    const worker = podSpec(find(objects, 'Deployment', 'worker', 'workers'), 'spec.template.spec');
    expect(imageOf(worker, 'worker')).toBe('proxy.replicated.com/proxy/acme/quay.io/acme/worker:1.4.2');
    expect(worker.imagePullSecrets).toEqual([{ name: 'acme-registry' }]);
    const toolbox = podSpec(find(objects, 'Deployment', 'toolbox', 'tools'), 'spec.template.spec');
    // A public image is not rewritten, but the object still gets the pull secret (FindImages keeps
    // every object with a container; writeObjectsWithPullSecret patches each).
    expect([imageOf(toolbox, 'toolbox'), toolbox.imagePullSecrets]).toEqual([
      'docker.io/library/busybox:1.36',
      [{ name: 'acme-registry' }],
    ]);
    expect(find(objects, 'Secret', 'acme-registry', 'monitoring').type).toBe(
      'kubernetes.io/dockerconfigjson',
    );
  });

  it('v1 chart images go through the normal planner: proxied, image-needs-proxy at the CR value', async () => {
    const r = await run(prepare('namespaces'));
    const cache = r.result.report.images.find((i) => i.image === 'ghcr.io/acme/cache:7.2.4');
    expect(cache?.proxy).toBe('proxy.replicated.com/proxy/acme/ghcr.io/acme/cache');
    expect(where(r.result.report.findings, 'image-needs-proxy').slice(0, 2)).toEqual([
      ['image-needs-proxy', 'manifests/charts.yaml', 13, 19],
      ['image-needs-proxy', 'manifests/charts.yaml', 18, 18],
    ]);
  });
});

describe('operators (fixture: operator)', () => {
  it('operator-image-reference at the value; LocalImageName, public images and non-images are silent', async () => {
    const r = await run(prepare('operator'));
    expect(where(r.result.report.findings, 'operator-image-reference')).toEqual([
      ['operator-image-reference', 'manifests/cluster.yaml', 8, 10], // spec.image
      ['operator-image-reference', 'manifests/cluster.yaml', 14, 19], // spec.backup.image {repository, tag}
      ['operator-image-reference', 'manifests/operator.yaml', 14, 30], // --backup-image=<here>
      ['operator-image-reference', 'manifests/operator.yaml', 17, 22], // RELATED_IMAGE_POSTGRES
    ]);
    // Wrapped in LocalImageName: still checked (listed), never flagged.
    const images = r.result.report.images.map((i) => i.image);
    expect(images).toContain('{{repl LocalImageName "quay.io/acme/pgbouncer:1.22" }}');
    expect(images).toContain('{{repl LocalImageName "quay.io/acme/pg-exporter:0.15" }}');
    // metadata annotations, pullPolicyImage, --metrics-url, LOG_LEVEL: not images at all.
    expect(images.filter((i) => /not-an-image|Always|metrics|info/.test(i))).toEqual([]);
  });
});

describe('templated images (fixture: templated)', () => {
  it('wrapped literals are checked like any image but get no kustomize entry; other templates are notices', async () => {
    const r = await run(prepare('templated'), options({ privateRegistries: ['quay.io'] }));
    const byImage = Object.fromEntries(
      r.result.report.images.map((i) => [i.image, [i.status, i.credentials, i.proxy]]),
    );
    expect(byImage).toEqual({
      '{{repl ReplicatedImageName "quay.io/acme/migrate:2.0" }}': [
        'private',
        'none',
        'proxy.replicated.com/proxy/acme/quay.io/acme/migrate',
      ],
      '{{repl LocalImageName "quay.io/acme/api:2.0" }}': [
        'private',
        'none',
        'proxy.replicated.com/proxy/acme/quay.io/acme/api',
      ],
      '{{repl LocalImageName "quay.io/Acme/api:2.0" }}': ['unknown', 'not-checked', null],
      'repl{{ ConfigOption "custom_image" }}': ['dynamic', 'not-checked', null],
      'quay.io/acme/web:2.0': ['private', 'none', 'proxy.replicated.com/proxy/acme/quay.io/acme/web'],
    });
    expect(
      where(r.result.report.findings, 'credentials-missing', 'dynamic-image', 'invalid-image-reference'),
    ).toEqual([
      // one credentials-missing per registry, at its first use (quay.io: 3 images, 3 places)
      ['credentials-missing', 'manifests/api.yaml', 10, 18],
      ['dynamic-image', 'manifests/api.yaml', 15, 18],
      ['invalid-image-reference', 'manifests/api.yaml', 19, 18],
    ]);
    // Only the literal image gets a kustomize entry; templates stay as written for KOTS to render.
    expect(r.generated['kustomization.yaml']).toContain('  - name: "quay.io/acme/web"\n');
    expect(r.generated['kustomization.yaml']).not.toContain('quay.io/acme/api"');
    expect(r.generated['kustomization.yaml']).not.toContain('quay.io/acme/migrate"');
    const api = podSpec(find(render(r), 'Deployment', 'api'), 'spec.template.spec');
    expect(imageOf(api, 'api')).toBe('{{repl LocalImageName "quay.io/acme/api:2.0" }}');
    expect(imageOf(api, 'web')).toBe('proxy.replicated.com/proxy/acme/quay.io/acme/web:2.0');
  });
});

describe('Application settings (fixture: app-settings)', () => {
  const app = readFileSync(join(FIXTURES, 'app-settings/manifests/app.yaml'), 'utf8');
  const withSpec = (line: string) => ({ 'manifests/app.yaml': `${app}  ${line}\n` });
  const images = (objects: K8sObject[]) => {
    const spec = podSpec(find(objects, 'Deployment', 'api'), 'spec.template.spec');
    return Object.fromEntries((spec.containers ?? []).map((c) => [c.name, c.image]));
  };
  const P = 'proxy.replicated.com/proxy/acme';
  const base = {
    api: `${P}/quay.io/acme/api:1.0`,
    nginx: 'docker.io/library/nginx:1.25',
    tool: 'registry.replicated.com/acme/tool:1',
    'tool-custom': `${P}/registry.acme.com/acme/tool:2`,
    // excludedImages is read only by the air-gap builder: at install a normal (private) image
    legacy: `${P}/quay.io/acme/legacy:0.9`,
    pre: `${P}/proxy.acme.com/proxy/acme/quay.io/acme/pre:1`,
    old: `${P}/quay.io/acme/old:1`,
  };

  it('defaults: private images proxied, public, Replicated registry and excluded images left alone; additionalImages reported', async () => {
    const r = await run(prepare('app-settings'));
    expect(images(render(r))).toEqual(base);
    const extra = r.result.report.images.find((i) => i.image === 'quay.io/acme/extra:1.0');
    expect([extra?.proxy, extra?.locations]).toEqual([
      null,
      [{ file: 'manifests/app.yaml', line: 10, column: 7 }],
    ]);
    const legacy = r.result.report.images.find((i) => i.image === 'quay.io/acme/legacy:0.9');
    // No install-path code reads excludedImages: the image is checked and proxied as usual, with a notice.
    expect(legacy?.proxy).toBe(`${P}/quay.io/acme/legacy`);
    expect(where(r.result.report.findings, 'excluded-image-still-deployed')).toEqual(
      (legacy?.locations ?? []).map((l) => ['excluded-image-still-deployed', l.file, l.line, l.column]),
    );
    expect(legacy?.locations.length).toBeGreaterThan(0);
    expect(where(r.result.report.findings, 'proxy-reference-mismatch')).toEqual([]);
  });

  it('proxyPublicImages: true proxies public images too', async () => {
    const r = await run(prepare('app-settings', withSpec('proxyPublicImages: true')));
    expect(images(render(r))).toEqual({ ...base, nginx: `${P}/docker.io/library/nginx:1.25` });
  });

  const customProxy = {
    ...base,
    api: 'proxy.acme.com/proxy/acme/quay.io/acme/api:1.0',
    legacy: 'proxy.acme.com/proxy/acme/quay.io/acme/legacy:0.9',
    'tool-custom': 'proxy.acme.com/proxy/acme/registry.acme.com/acme/tool:2',
    pre: 'proxy.acme.com/proxy/acme/quay.io/acme/pre:1',
    old: 'proxy.acme.com/proxy/acme/proxy.replicated.com/proxy/acme/quay.io/acme/old:1',
  };
  it.each([
    ['the deprecated proxyRegistryDomain', withSpec('proxyRegistryDomain: proxy.acme.com'), {}],
    ['--proxy-domain', {}, { proxyDomain: 'proxy.acme.com', proxyDomainExplicit: true }],
  ])('%s changes the proxy host, and proxy-reference-mismatch honours it', async (_name, edit, opts) => {
    const r = await run(prepare('app-settings', edit), options(opts));
    expect(r.result.report.proxyDomain).toBe('proxy.acme.com');
    expect(images(render(r))).toEqual(customProxy);
    expect(where(r.result.report.findings, 'proxy-reference-mismatch')).toEqual([
      ['proxy-reference-mismatch', 'manifests/api.yaml', 22, 18],
    ]);
  });

  it.each([
    ['replicatedRegistryDomain', withSpec('replicatedRegistryDomain: registry.acme.com'), {}],
    ['--registry-domain', {}, { registryDomain: 'registry.acme.com' }],
  ])(
    '%s rewrites registry.replicated.com to the custom domain and leaves that domain alone',
    async (_n, edit, opts) => {
      const r = await run(prepare('app-settings', edit), options(opts));
      expect(images(render(r))).toEqual({
        ...base,
        tool: 'registry.acme.com/acme/tool:1',
        'tool-custom': 'registry.acme.com/acme/tool:2',
      });
      // A rewrite to the registry domain is not the proxy service: no image-needs-proxy for it.
      const tool = r.result.report.images.find((i) => i.proxy?.startsWith('registry.acme.com/'));
      expect(tool?.proxy).toBe('registry.acme.com/acme/tool');
      const notices = r.result.report.findings.filter((f) => f.rule === 'image-needs-proxy');
      expect(notices.some((f) => f.message.includes('registry.acme.com/acme/tool'))).toBe(false);
      expect(notices.length).toBeGreaterThan(0);
    },
  );
});

// A HelmChart v2 CR joined with the chart archive the release ships (packed by the test
// from test/fixtures/kots/helm/chart/web), with a subchart enabled by condition, one disabled, parent
// values scoped into the subchart, CR values over both; the generated values file; and a second scan
// of the release with those values merged into the CR.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { find, imageOf, podSpec } from '../helpers/kustomize.js';
import { prepare, type Run, render, run, where } from './release.js';

const ARCHIVE = 'manifests/web-1.2.0.tgz';
const CR = 'manifests/web.yaml';
const HOST = '{{repl HasLocalRegistry | ternary LocalRegistryHost "proxy.replicated.com" }}';
const ns = (path: string) => `{{repl HasLocalRegistry | ternary LocalRegistryNamespace "${path}" }}`;

describe('HelmChart v2 with its chart archive', () => {
  let first: Run;
  beforeAll(async () => {
    first = await run(prepare('helm'));
  });

  it('reports each image once: at the CR line when the CR sets it, else inside the archive', () => {
    const locations = Object.fromEntries(
      first.result.report.images.map((i) => [
        i.image,
        i.locations.map((l) => `${l.file}:${l.line}:${l.column}`),
      ]),
    );
    expect(locations).toEqual({
      // values.yaml: registry + repository + appVersion as the default tag
      'quay.io/acme/web:3.1.0': [`${ARCHIVE}!web/values.yaml:3:15`],
      // the CR replaces the chart's migrations.image (2.0.0 never appears)
      'quay.io/acme/migrate:2.1.0': [`${CR}:11:14`],
      // subchart registry, parent's tag scoped under `cache`, CR repository: reported at the CR
      'ghcr.io/acme/cache-ee:7.2.5-acme': [`${CR}:14:21`],
      // literal images in templates of the chart and of the enabled subchart
      'busybox:1.36': [`${ARCHIVE}!web/templates/deployment.yaml:19:18`],
      'quay.io/acme/cache-exporter:0.9': [`${ARCHIVE}!web/charts/cache/templates/statefulset.yaml:13:18`],
      'quay.io/acme/api:1.0.0': ['manifests/api.yaml:10:18'],
    });
    // The `metrics` subchart is disabled by its condition: its template's image is not there.
    expect(first.result.report.images.some((i) => i.image.includes('metrics'))).toBe(false);
  });

  it('flags every private v2 image at its line, and the missing pull secret at the CR', () => {
    expect(
      where(first.result.report.findings, 'helm-v2-image-not-proxied', 'helm-v2-missing-pull-secret'),
    ).toEqual([
      ['helm-v2-image-not-proxied', `${ARCHIVE}!web/charts/cache/templates/statefulset.yaml`, 13, 18],
      ['helm-v2-image-not-proxied', `${ARCHIVE}!web/values.yaml`, 3, 15],
      ['helm-v2-missing-pull-secret', CR, 2, 7],
      ['helm-v2-image-not-proxied', CR, 11, 14],
      ['helm-v2-image-not-proxied', CR, 14, 21],
    ]);
    // v2 images are not KOTS's to rewrite: no proxy name, no image-needs-proxy for them.
    expect(where(first.result.report.findings, 'image-needs-proxy')).toEqual([
      ['image-needs-proxy', 'manifests/api.yaml', 10, 18],
    ]);
  });

  it('generates the values to paste into the CR (Replicated documented HasLocalRegistry pattern)', () => {
    expect(first.result.report.generated).toContain('kots-proxy/helmchart-web.values.yaml');
    const text = first.generated['helmchart-web.values.yaml'] ?? '';
    expect(text).toContain(
      `# NOTE ${ARCHIVE}!web/charts/cache/templates/statefulset.yaml:13: "quay.io/acme/cache-exporter:0.9" is written in a chart template; no value can change it\n`,
    );
    // Template strings are single-quoted: KOTS renders templates over the text, `\"` would break them.
    expect(text).toContain(`    registry: '${HOST}'\n`);
    expect(parse(text)).toEqual({
      values: {
        image: { registry: HOST, repository: `${ns('proxy/acme/quay.io/acme')}/web` },
        migrations: { image: `${HOST}/${ns('proxy/acme/quay.io/acme')}/migrate:2.1.0` },
        cache: { image: { registry: HOST, repository: `${ns('proxy/acme/ghcr.io/acme')}/cache-ee` } },
        imagePullSecrets: [{ name: '{{repl ImagePullSecretName }}' }],
      },
    });
  });

  it('a second scan with the generated values merged into the CR clears both rules (except the template literal)', async () => {
    const root = prepare('helm');
    const cr = parseDocument(readFileSync(join(root, CR), 'utf8'));
    const values = (parse(first.generated['helmchart-web.values.yaml'] ?? '') as { values: object }).values;
    const merged = deepMerge(cr.getIn(['spec', 'values']) ? (cr.toJS().spec.values as object) : {}, values);
    cr.setIn(['spec', 'values'], cr.createNode(merged));
    writeFileSync(join(root, CR), cr.toString());
    const second = await run(root);
    expect(
      where(second.result.report.findings, 'helm-v2-image-not-proxied', 'helm-v2-missing-pull-secret'),
    ).toEqual([
      ['helm-v2-image-not-proxied', `${ARCHIVE}!web/charts/cache/templates/statefulset.yaml`, 13, 18],
    ]);
    // Nothing left to paste but the note about the template.
    expect(second.result.report.generated).not.toContain('kots-proxy/helmchart-web.values.yaml');
  });

  it('near misses: public chart images, a chart that already passes the secret through the proxy', async () => {
    const root = prepare('helm', {
      [CR]: `apiVersion: kots.io/v1beta2
kind: HelmChart
metadata:
  name: web
spec:
  chart:
    name: web
    chartVersion: 1.2.0
  values:
    image:
      registry: proxy.replicated.com
      repository: proxy/acme/quay.io/acme/web
    migrations:
      image: '{{repl ReplicatedImageName "quay.io/acme/migrate:2.1.0" }}'
    cache:
      enabled: false
    imagePullSecrets:
      - name: '{{repl ImagePullSecretName }}'
`,
    });
    const r = await run(root);
    expect(
      where(r.result.report.findings, 'helm-v2-image-not-proxied', 'helm-v2-missing-pull-secret'),
    ).toEqual([]);
    expect(r.result.report.generated).not.toContain('kots-proxy/helmchart-web.values.yaml');
  });

  it('a chart archive for another version is not used: the CR alone decides', async () => {
    const root = prepare('helm', {
      [CR]: readFileSync(join(prepare('helm'), CR), 'utf8').replace(
        'chartVersion: 1.2.0',
        'chartVersion: 9.9.9',
      ),
    });
    const r = await run(root);
    // CR-only: `cache.image.repository` alone (no registry, no tag) is all the CR says.
    expect(r.result.report.images.map((i) => i.image)).toEqual([
      'acme/cache-ee',
      'quay.io/acme/api:1.0.0',
      'quay.io/acme/migrate:2.1.0',
    ]);
  });

  it('kubectl kustomize renders the overlay; the HelmChart CR is dropped, never rewritten', () => {
    const objects = render(first);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Secret/acme-registry',
      'Secret/kotsadm-replicated-registry',
      'Deployment/api',
    ]);
    const api = podSpec(find(objects, 'Deployment', 'api'), 'spec.template.spec');
    expect(imageOf(api, 'api')).toBe('proxy.replicated.com/proxy/acme/quay.io/acme/api:1.0.0');
  });
});

function deepMerge(base: object, over: object): object {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k];
    out[k] =
      v &&
      typeof v === 'object' &&
      !Array.isArray(v) &&
      prev &&
      typeof prev === 'object' &&
      !Array.isArray(prev)
        ? deepMerge(prev, v)
        : v;
  }
  return out;
}

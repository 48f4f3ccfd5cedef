// HelmChart v2 end to end. KOTS installs a kots.io/v1beta2 chart with its own values and rewrites
// nothing (pkg/apparchive/helm-v1beta2.go in replicatedhq/kots), so:
// 1. in the render with the CR's values as they are, every private image is a
//    helm-v2-image-not-proxied finding;
// 2. in the render with the generated helmchart-<name>.values.yaml merged in (its KOTS templates
//    rendered as a first online install renders them: HasLocalRegistry false,
//    ImagePullSecretName `<slug>-registry`), every image goes through the proxy and every pod that
//    pulls one lists that pull secret.
// Both renders are direct `helm template` runs in this test; the images come from a small walk.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { writeGeneratedFiles } from '../../src/output.js';
import { type PipelineResult, runPipeline } from '../../src/pipeline.js';
import { renderKots } from '../../src/template/kots.js';
import { containerImages, requireHelm } from '../helm-render/helm-bins.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'charts');
const helm = requireHelm(4);

/** `templateImages`: images the chart's templates write literally (read from the fixture's template
 *  files): no value reaches them, so each must be a helm-v2-image-not-proxied finding at its template
 *  line, and the second render leaves them alone. `noPullSecretValue`: the chart's values declare no
 *  imagePullSecrets / pullSecrets list, so no values file can pass the secret; that is a
 *  helm-v2-missing-pull-secret finding instead. */
const cases: Array<{
  fixture: string;
  chartName: string;
  templateImages?: string[];
  noPullSecretValue?: boolean;
}> = [
  {
    fixture: 'istio',
    // global.imagePullSecrets takes plain strings in Istio 1.5 (`- name: {{ . }}`) while its default
    // is an empty list: the shape comes from the templates.
    chartName: 'istio',
  },
  {
    fixture: 'onlineboutique',
    chartName: 'onlineboutique',
    // templates/cartservice.yaml (redis-cart) and templates/loadgenerator.yaml (its init container).
    templateImages: [
      'busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d',
      'redis:alpine@sha256:8096655e437712b07503796fb64d81359256cfcff0ab29d95a7da72863786efb',
    ],
    noPullSecretValue: true,
  },
  { fixture: 'gitea', chartName: 'gitea' },
  { fixture: 'bitnami-nginx', chartName: 'nginx' },
  { fixture: 'prometheus', chartName: 'prometheus' },
];

const root = tempDir('kots-proxy-v2-');
const release = join(root, 'release');
const archives = new Map<string, string>();
const hosts = new Set<string>();
let result: PipelineResult;

type Obj = Record<string, unknown>;

function template(fixture: string, chartName: string, valuesFile?: string): Obj[] {
  const args = ['template', chartName, join(release, 'manifests', archives.get(fixture) ?? ''), '-n', 'app'];
  if (valuesFile) args.push('-f', valuesFile);
  const out = execFileSync(helm.path, args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: root },
    maxBuffer: 64 << 20,
  });
  return parseAllDocuments(out)
    .map((d) => d.toJS() as Obj)
    .filter((o) => o !== null);
}

const hostOf = (image: string): string => {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
};

beforeAll(async () => {
  for (const c of cases) {
    const out = execFileSync('bash', [join(fixtures, 'pack.sh'), join(release, 'manifests'), c.fixture], {
      encoding: 'utf8',
    }).trim();
    const archive = out.split('\n')[0]?.split('/').pop() ?? '';
    archives.set(c.fixture, archive);
    const version = /-(\d[^/]*)\.tgz$/.exec(archive)?.[1] ?? '';
    writeTree(join(release, 'manifests'), {
      [`${c.fixture}.yaml`]: `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: ${c.fixture}\nspec:\n  chart:\n    name: ${c.chartName}\n    chartVersion: ${version}\n`,
    });
    for (const i of containerImages(template(c.fixture, c.chartName))) hosts.add(hostOf(i.image));
  }
  result = await runPipeline(
    ['manifests'],
    offlineOptions({ outDir: 'out', privateRegistries: [...hosts] }),
    {
      logger: SILENT,
      cwd: release,
      findHelm: async () => ({ path: helm.path, version: helm.version, major: helm.major }),
    },
  );
  await writeGeneratedFiles(release, 'out', result.files);
}, 300_000);

describe.each(cases)('HelmChart v2 $fixture', (c) => {
  it('first render: every private image is a helm-v2-image-not-proxied finding', () => {
    const want = new Set(containerImages(template(c.fixture, c.chartName)).map((i) => i.image));
    const crFile = `manifests/${c.fixture}.yaml`;
    const archive = `manifests/${archives.get(c.fixture)}`;
    const findings = result.report.findings.filter(
      (f) =>
        f.rule === 'helm-v2-image-not-proxied' && (f.file === crFile || f.file.startsWith(`${archive}!`)),
    );
    const named = new Set(findings.map((f) => /"([^"]+)"(?: directly|;)/.exec(f.message)?.[1] ?? f.message));
    expect([...named].sort()).toEqual([...want].sort());
  });

  it('a literal template image is a finding at its template line; no value reaches it', () => {
    const archive = `manifests/${archives.get(c.fixture)}`;
    const literal = result.report.findings.filter(
      (f) =>
        f.rule === 'helm-v2-image-not-proxied' &&
        f.file.startsWith(`${archive}!`) &&
        f.message.includes('no value reaches it'),
    );
    for (const f of literal) {
      // The finding points at the template line that writes the image.
      const inArchive = f.file.slice(archive.length + 1);
      const text = readFileSync(join(fixtures, c.fixture, inArchive), 'utf8');
      const image = /writes "([^"]+)"/.exec(f.message)?.[1] ?? '';
      expect(text.split('\n')[f.line - 1]).toContain(`image: ${image}`);
    }
    const named = [...new Set(literal.map((f) => /writes "([^"]+)"/.exec(f.message)?.[1] ?? ''))];
    const rendered = new Set(containerImages(template(c.fixture, c.chartName)).map((i) => i.image));
    expect(named.filter((i) => rendered.has(i)).sort()).toEqual(c.templateImages ?? []);
  });

  it("the product's own verification render finds no image left outside the proxy", () => {
    const crFile = `manifests/${c.fixture}.yaml`;
    const incomplete = result.report.findings.filter(
      (f) => f.rule === 'helm-v2-values-incomplete' && f.file === crFile,
    );
    expect(incomplete.map((f) => f.message)).toEqual([]);
  });

  it('a chart that declares no pull-secret value gets a finding and no guessed key', () => {
    const crFile = `manifests/${c.fixture}.yaml`;
    const missing = result.report.findings.filter(
      (f) => f.rule === 'helm-v2-missing-pull-secret' && f.file === crFile,
    );
    expect(missing.some((f) => f.message.includes('exposes no pull-secret value'))).toBe(
      c.noPullSecretValue === true,
    );
    const generated = join(release, 'out', `helmchart-${c.fixture}.values.yaml`);
    const text = existsSync(generated) ? readFileSync(generated, 'utf8') : '';
    if (c.noPullSecretValue) expect(text).not.toMatch(/pullSecrets|imagePullSecrets/i);
    else expect(text).toMatch(/PullSecrets:/);
  });

  it('second render: every image a value reaches through the proxy, every pod pulling one with the pull secret', () => {
    const generated = join(release, 'out', `helmchart-${c.fixture}.values.yaml`);
    const path = join(root, `${c.fixture}.rendered-values.yaml`);
    const text = existsSync(generated) ? readFileSync(generated, 'utf8') : '';
    // The file's text is rendered by KOTS before it is parsed (its values are KOTS templates).
    const rendered = renderKots(text, { namespace: 'app', appSlug: 'acme' }).output;
    // The file holds `values:` to merge into the CR's spec.values; the CR sets none here.
    const values = (parseYaml(rendered) as { values?: unknown } | null)?.values ?? {};
    writeTree(root, { [`${c.fixture}.rendered-values.yaml`]: JSON.stringify(values) });
    // KOTS installs a v2 chart with `helm install`, which never creates `helm.sh/hook: test` objects
    // (only `helm test` does).
    const objects = template(c.fixture, c.chartName, path).filter(
      (o) =>
        !/\btest\b/.test(
          String(((o.metadata as Obj | undefined)?.annotations as Obj | undefined)?.['helm.sh/hook'] ?? ''),
        ),
    );
    const images = containerImages(objects);
    expect(images.length).toBeGreaterThan(0);
    const notProxied = images.filter((i) => !i.image.startsWith('proxy.replicated.com/proxy/acme/'));
    expect([...new Set(notProxied.map((i) => i.image))].sort()).toEqual(c.templateImages ?? []);
    if (c.noPullSecretValue) return;
    const secretsIn = (root: unknown): string[] => {
      const found: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'imagePullSecrets' && Array.isArray(x))
              for (const s of x) found.push(typeof s === 'string' ? s : String((s as Obj).name));
            else walk(x);
          }
        }
      };
      walk(root);
      return found;
    };
    // The ServiceAccount admission controller adds a service account's imagePullSecrets to each pod
    // that runs as it (Kubernetes docs, "Add ImagePullSecrets to a service account"); Istio passes
    // its pull secrets that way.
    const accountSecrets = new Map(
      objects
        .filter((o) => o.kind === 'ServiceAccount')
        .map((o) => [String((o.metadata as Obj)?.name), secretsIn({ imagePullSecrets: o.imagePullSecrets })]),
    );
    const accountOf = (o: Obj): string => {
      let found = 'default';
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            if (k === 'serviceAccountName' && typeof x === 'string') found = x;
            else walk(x);
          }
      };
      walk(o.spec);
      return found;
    };
    const withoutSecret = [...new Set(images.map((i) => i.index))].filter((index) => {
      const o = objects[index] as Obj;
      const found = [...secretsIn(o.spec), ...(accountSecrets.get(accountOf(o)) ?? [])];
      return !found.includes('acme-registry');
    });
    expect(
      withoutSecret.map((i) => `${String(objects[i]?.kind)}/${String((objects[i]?.metadata as Obj)?.name)}`),
    ).toEqual([]);
  });
});

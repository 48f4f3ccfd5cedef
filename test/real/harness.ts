// The corpus harness: one real release under test/fixtures/real/<fixture>/ → the CLI (in process,
// offline, registry statuses fixed by --public-registry / --private-registry) → the real
// `kubectl kustomize --load-restrictor LoadRestrictionsNone OUT` → a compact view of each rendered
// object: what KOTS decides per object (present or not, image per container, imagePullSecrets).
// No test runner here: the case tables import these types and builders as plain data.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { runCli, runCliWith } from '../helpers/cli.js';

const REAL = fileURLToPath(new URL('../fixtures/real', import.meta.url));

/** The app slug every case uses; KOTS's own pull test cases were generated with it. */
const SLUG = 'my-app';
/** `SecretNameFromPrefix(slug)` (pkg/docker/registry/registry.go). */
const PULL_SECRET = `${SLUG}-registry`;

export interface Container {
  name: string;
  image: string;
}

/** One rendered object as KOTS's decisions show in it. `namespace` absent = the app namespace. */
export interface ObjectView {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  /** Only for objects with a pod spec where pkg/base/base.go FindImages looks for one. */
  containers?: Container[];
  initContainers?: Container[];
  /** Names, in order; absent when the pod spec has none (or there is no pod spec). */
  imagePullSecrets?: string[];
  /** Extra dotted paths a case asks about (e.g. `spec.type` of one of two same-named Services). */
  fields?: Record<string, unknown>;
}

export interface CorpusCase {
  fixture: string;
  /** Arguments after `scan manifests --app-slug my-app --out out --offline`. */
  args: string[];
  /** Why this listing of registries, and what KOTS code decides the objects. */
  why: string;
  /** Every object the rendered preview must hold, in any order, and nothing else. */
  objects: ObjectView[];
  /** Exactly the error-level rule ids the report must hold (each once), when the case says. */
  errors?: string[];
  /** Rule ids the report must not hold at any level. */
  notRaised?: string[];
  /** KOTS fails the install on this release: only `mustReport` is checked, not the objects. */
  installFails?: boolean;
  /** The finding (level and text) the report must hold, e.g. where KOTS fails. */
  mustReport?: { level: 'error' | 'warning' | 'notice'; contains: string }[];
  /** Known product gaps: objects as KOTS deploys them that the preview leaves out or shows
   *  otherwise. They stay out of `objects` (the main comparison ignores their identities) and each
   *  gap is a test named after `what` that fails once the preview shows them as KOTS does. */
  gaps?: { what: string; objects: ObjectView[] }[];
}

type Raw = Record<string, unknown>;

function at(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Raw)[key];
  }
  return cur;
}

function containers(list: unknown): Container[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((c: Raw) => ({ name: String(c.name), image: String(c.image) }));
}

/** Where pkg/base/base.go FindImages (via pkg/k8sdoc/types.go) reads a pod spec: `spec` of a Pod,
 *  else `spec.template.spec` or `spec.jobTemplate.spec.template.spec`, whatever the kind. */
function podSpecOf(o: Raw): Raw | undefined {
  const paths = o.kind === 'Pod' ? ['spec'] : ['spec.template.spec', 'spec.jobTemplate.spec.template.spec'];
  for (const p of paths) {
    const spec = at(o, p);
    if (typeof spec === 'object' && spec !== null && ('containers' in spec || 'initContainers' in spec)) {
      return spec as Raw;
    }
  }
  return undefined;
}

function view(o: Raw, fieldPaths: string[] = []): ObjectView {
  const meta = (o.metadata ?? {}) as Raw;
  const v: ObjectView = { apiVersion: String(o.apiVersion), kind: String(o.kind), name: String(meta.name) };
  if (typeof meta.namespace === 'string') v.namespace = meta.namespace;
  const spec = podSpecOf(o);
  if (spec) {
    const main = containers(spec.containers);
    const init = containers(spec.initContainers);
    if (main) v.containers = main;
    if (init) v.initContainers = init;
    if (Array.isArray(spec.imagePullSecrets)) {
      v.imagePullSecrets = spec.imagePullSecrets.map((s: Raw) => String(s.name));
    }
  }
  if (fieldPaths.length > 0) v.fields = Object.fromEntries(fieldPaths.map((p) => [p, at(o, p)]));
  return v;
}

export const identity = (v: Pick<ObjectView, 'apiVersion' | 'kind' | 'name' | 'namespace'>): string =>
  `${v.apiVersion} ${v.kind} ${v.namespace ?? '(app namespace)'}/${v.name}`;

export interface Preview {
  root: string;
  code: number;
  stderr: string;
  /** Rule ids of the report's error-level findings, each once, sorted. */
  errorRules: string[];
  findings: { rule: string; level: string; message: string }[];
  /** The rendered objects, in kustomize's order; undefined when kustomize failed. */
  rendered?: Raw[];
  kustomizeError?: string;
}

/** The release as a vendor ships it: KOTS's pull cases keep it in `upstream/`, next to `userdata/`
 *  (license, ConfigValues, Installation), which is not part of the release. */
function copyRelease(fixture: string, root: string): void {
  const src = fixture.startsWith('kots-pull-') ? join(REAL, fixture, 'upstream') : join(REAL, fixture);
  cpSync(src, join(root, 'manifests'), {
    recursive: true,
    filter: (p) => !p.startsWith(join(src, 'userdata')),
  });
}

function kustomize(root: string): Promise<{ out?: string; error?: string }> {
  return new Promise((done) =>
    execFile(
      'kubectl',
      ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', 'out'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => done(err ? { error: `${err.message}\n${stderr}` } : { out: stdout }),
    ),
  );
}

/** How a case renders charts: `null` keeps the approximation (no Helm lookup, as runCli does);
 *  a path renders with that Helm binary, given as the CLI's `--helm`. */
export type ChartRendering = { helm: string } | null;

/** Runs one case: the caller removes `root` when done. */
export async function preview(
  fixture: string,
  args: string[],
  charts: ChartRendering = null,
): Promise<Preview> {
  const root = mkdtempSync(join(tmpdir(), `kots-proxy-real-${fixture}-`));
  copyRelease(fixture, root);
  const cli = charts === null ? runCli.bind(null, root) : runCliWith.bind(null, {}, root);
  const run = await cli(
    'scan',
    'manifests',
    '--app-slug',
    SLUG,
    '--out',
    'out',
    '--offline',
    '--fail-on',
    'never',
    '--quiet',
    '--report',
    'report.json',
    ...(charts === null ? [] : ['--helm', charts.helm]),
    ...args,
  );
  const p: Preview = { root, code: run.code, stderr: run.stderr, errorRules: [], findings: [] };
  if (run.code !== 0) return p;
  const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as {
    findings: { rule: string; level: string; message: string }[];
  };
  p.findings = report.findings;
  p.errorRules = [...new Set(report.findings.filter((f) => f.level === 'error').map((f) => f.rule))].sort();
  const k = await kustomize(root);
  if (k.error !== undefined) p.kustomizeError = k.error;
  else p.rendered = parseAllDocuments(k.out ?? '').map((d) => d.toJS() as Raw);
  return p;
}

/** Views of the rendered objects, each with the extra fields its expected counterpart asks about. */
export function views(rendered: Raw[], expected: ObjectView[]): ObjectView[] {
  const asked = new Map(expected.map((e) => [identity(e), Object.keys(e.fields ?? {})]));
  return rendered.map((o) => {
    const plain = view(o);
    return view(o, asked.get(identity(plain)) ?? []);
  });
}

export const byIdentity = (a: ObjectView, b: ObjectView): number =>
  identity(a) < identity(b) ? -1 : identity(a) > identity(b) ? 1 : 0;

/** Runs `fn` over `items` with at most `limit` in flight (kubectl is a child process, the CLI is not). */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The fixture directories under test/fixtures/real/ (SOURCES.md and the chart packer are files). */
export function fixtureNames(): string[] {
  return readdirSync(REAL, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

// ---- builders for expected objects -----------------------------------------------------------------

export const c = (name: string, image: string): Container => ({ name, image });

/** An object with a pod spec that KOTS patches with `<slug>-registry`
 *  (pkg/midstream/write.go writeObjectsWithPullSecret, pkg/k8sdoc/types.go PatchWithPullSecret). */
export function workload(
  apiVersion: string,
  kind: string,
  name: string,
  spec: { containers: Container[]; initContainers?: Container[]; namespace?: string; pullSecrets?: string[] },
): ObjectView {
  return {
    apiVersion,
    kind,
    name,
    ...(spec.namespace ? { namespace: spec.namespace } : {}),
    containers: spec.containers,
    ...(spec.initContainers ? { initContainers: spec.initContainers } : {}),
    imagePullSecrets: spec.pullSecrets ?? [PULL_SECRET],
  };
}

/** An object without a pod spec. */
export const plain = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
  fields?: Record<string, unknown>,
): ObjectView => ({
  apiVersion,
  kind,
  name,
  ...(namespace ? { namespace } : {}),
  ...(fields ? { fields } : {}),
});

/** `AdminConsoleSecret` of pkg/docker/registry/registry.go PullSecretForRegistries. */
const ADMIN_CONSOLE_SECRET = 'kotsadm-replicated-registry';

/** The secrets of a midstream's secret.yaml (pkg/midstream/write.go WriteMidstream →
 *  registry.PullSecretForRegistries: AppSecret `<prefix>-registry` and AdminConsoleSecret, same data),
 *  in the app namespace (`undefined`) and, copied at deploy time by
 *  pkg/operator/client/namespaces.go ApplyNamespacesInformer, in each listed additional namespace. */
export function kotsSecrets(
  namespaces: (string | undefined)[] = [undefined],
  name = PULL_SECRET,
): ObjectView[] {
  return namespaces.flatMap((ns) => [
    plain('v1', 'Secret', name, ns),
    plain('v1', 'Secret', ADMIN_CONSOLE_SECRET, ns),
  ]);
}

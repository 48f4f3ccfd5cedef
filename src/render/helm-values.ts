// Plan → `helmchart-<name>.values.yaml` for each HelmChart v2 that needs it: the values to merge into the
// CR's `spec.values` so that its images go through the proxy (or the local registry) and its pods get
// the license pull secret. KOTS does neither for v2 charts (domain.md §2). The pattern is Replicated's
// documented one (docs/vendor/helm-native-v2-using.md, "Rewrite Image Names" / "Inject Image Pull
// Secrets"):
//   registry:   '{{repl HasLocalRegistry | ternary LocalRegistryHost "<proxy domain>" }}'
//   repository: '{{repl HasLocalRegistry | ternary LocalRegistryNamespace "proxy/<slug>/<registry>/<path>" }}/<name>'
//   imagePullSecrets: [{name: '{{repl ImagePullSecretName }}'}]
// Strings are YAML single-quoted: KOTS renders templates over the file's text before parsing it, and a
// `\"` inside `{{ }}` would break the template. Pure and deterministic.
import { posix } from 'node:path';
import type { HelmChartInfo, ImageUse, ScanResult } from '../model.js';
import type { GeneratedFile, ReportImage } from '../pipeline.js';
import { needsPullSecret } from '../plan/findings.js';
import type { Effective } from '../plan/images.js';
import type { Plan } from '../plan/index.js';
import { parseReference, proxyImageName } from '../reference.js';
import { GENERATED_HEADER } from './kustomize.js';
import { singleQuoted } from './yaml-scalar.js';

type Tree = Map<string, Tree | string | Array<string | { name: string }>>;

const PULL_SECRET = '{{repl ImagePullSecretName }}';

export function helmValuesFileName(chartName: string): string {
  return `helmchart-${chartName.replace(/[^A-Za-z0-9._-]/g, '_')}.values.yaml`;
}

export function renderHelmValues(plan: Plan, scan: ScanResult, outDir: string): GeneratedFile[] {
  const byImage = new Map(plan.images.map((i) => [i.image, i]));
  const files: GeneratedFile[] = [];
  const names = new Set<string>();
  scan.helmCharts.forEach((chart, index) => {
    if (chart.apiVersion !== 'kots.io/v1beta2') return;
    const uses = scan.uses.filter((u) => u.helmChart === index);
    const content = chartValues(chart, uses, byImage, plan.effective);
    if (content === undefined) return;
    let name = helmValuesFileName(chart.name);
    for (let n = 2; names.has(name); n++) name = helmValuesFileName(`${chart.name}-${n}`);
    names.add(name);
    files.push({ path: posix.join(outDir, name), content });
  });
  return files;
}

/** The file for one chart, or undefined when the chart needs nothing. */
function chartValues(
  chart: HelmChartInfo,
  uses: ImageUse[],
  byImage: ReadonlyMap<string, ReportImage>,
  eff: Effective,
): string | undefined {
  const values: Tree = new Map();
  const notes: string[] = [];
  const host = `{{repl HasLocalRegistry | ternary LocalRegistryHost "${eff.proxyDomain}" }}`;
  /** `{{… LocalRegistryNamespace "proxy/<slug>/<registry>/<path>" }}/<name>` for a reference. */
  const proxied = (raw: string): { ns: string; name: string; suffix: string } | undefined => {
    const parsed = parseReference(raw);
    if (!parsed.ok) return undefined;
    const full = proxyImageName(parsed.ref, eff.proxyDomain, eff.appSlug).slice(eff.proxyDomain.length + 1);
    const cut = full.lastIndexOf('/');
    const { tag, digest } = parsed.ref;
    return {
      ns: `{{repl HasLocalRegistry | ternary LocalRegistryNamespace "${full.slice(0, cut)}" }}`,
      name: full.slice(cut + 1),
      suffix: `${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`,
    };
  };
  const valueUses = uses.filter((u) => u.context === 'helm-value' && u.helmValue);
  const rewrite = (u: ImageUse): void => {
    const hv = u.helmValue;
    const p = proxied(u.raw);
    if (!hv || !p) return;
    if (hv.inList) {
      notes.push(`${at(u)}: "${u.raw}" sits in a list (${hv.path.join('.')}): set the whole list`);
      return;
    }
    if (hv.repoKey === 'image') {
      setPath(values, hv.path, `${host}/${p.ns}/${p.name}${p.suffix}`);
    } else if (hv.registryPath) {
      setPath(values, hv.registryPath, host);
      setPath(values, [...hv.path, hv.repoKey], `${p.ns}/${p.name}`);
    } else {
      setPath(values, [...hv.path, hv.repoKey], `${host}/${p.ns}/${p.name}`);
    }
  };
  const todo = valueUses.filter((u) => needsRewrite(u, byImage.get(u.raw), eff));
  // Images sharing a rewritten registry value (a global or enclosing imageRegistry) move with it.
  const movedRegistries = new Set(
    todo.flatMap((u) => (u.helmValue?.registryPath ? [key(u.helmValue.registryPath)] : [])),
  );
  const followers = valueUses.filter(
    (u) =>
      !todo.includes(u) &&
      u.templating.kind === 'none' &&
      movedRegistries.has(key(u.helmValue?.registryPath ?? [])),
  );
  for (const u of [...todo, ...followers]) rewrite(u);
  for (const u of uses) {
    if (u.context === 'helm-template' && needsRewrite(u, byImage.get(u.raw), eff))
      notes.push(`${at(u)}: "${u.raw}" is written in a chart template; no value can change it`);
  }
  const secretNeeded =
    !chart.passesPullSecret &&
    uses.some((u) => {
      const image = byImage.get(u.raw);
      return image !== undefined && needsPullSecret(u, image, eff);
    });
  if (secretNeeded) {
    const known = chart.pullSecretValues ?? [];
    if (known.length === 0)
      notes.push(
        'the chart declares no imagePullSecrets value: check which value its pods read pull secrets from',
      );
    const targets = known.length
      ? known
      : [
          { path: ['global', 'imagePullSecrets'], names: [], strings: false },
          { path: ['imagePullSecrets'], names: [], strings: false },
        ];
    for (const t of targets) {
      const list = t.strings
        ? [...t.names.filter((n) => n !== PULL_SECRET), PULL_SECRET]
        : [...t.names.filter((n) => n !== PULL_SECRET).map((name) => ({ name })), { name: PULL_SECRET }];
      setPath(values, t.path, list);
    }
  }
  if (values.size === 0) return undefined;
  const lines = [
    GENERATED_HEADER,
    `# HelmChart v2 "${chart.name}" (${chart.file}:${chart.pos.line}): merge \`values\` below into its spec.values.`,
    '# KOTS does not rewrite images or inject pull secrets for v2 charts; these values route the images',
    `# through ${eff.proxyDomain} (or the customer's local registry) and pass the license pull secret.`,
    ...notes.map((n) => `# NOTE ${n}`),
    'values:',
    ...renderTree(values, 1),
  ];
  return `${lines.join('\n')}\n`;
}

/** A v2 chart image that no value points through the proxy yet. */
function needsRewrite(u: ImageUse, image: ReportImage | undefined, eff: Effective): boolean {
  if (!image || u.templating.kind !== 'none' || image.status === 'public' || image.status === 'dynamic')
    return false;
  if (eff.excluded.has(u.raw)) return false;
  const parsed = parseReference(u.raw);
  if (!parsed.ok) return false;
  const { domain, path } = parsed.ref;
  return !(
    domain?.toLowerCase() === eff.proxyDomain.toLowerCase() && path.startsWith(`proxy/${eff.appSlug}/`)
  );
}

function at(u: ImageUse): string {
  return `${u.pos.file}:${u.pos.line}`;
}

function key(path: string[]): string {
  return path.join('\0');
}

function setPath(tree: Tree, path: string[], value: Tree | string | Array<string | { name: string }>): void {
  let node = tree;
  path.slice(0, -1).forEach((k) => {
    const next = node.get(k);
    if (next instanceof Map) {
      node = next;
    } else {
      const m: Tree = new Map();
      node.set(k, m);
      node = m;
    }
  });
  const last = path[path.length - 1];
  if (last !== undefined) node.set(last, value);
}

/** YAML single-quoted scalar: no escapes, so `{{ … "x" }}` reaches KOTS's template engine intact. */
const sq = singleQuoted;

function yamlKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : sq(k);
}

function renderTree(tree: Tree, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  for (const [k, v] of tree) {
    if (v instanceof Map) {
      out.push(`${pad}${yamlKey(k)}:`, ...renderTree(v, depth + 1));
    } else if (Array.isArray(v)) {
      out.push(`${pad}${yamlKey(k)}:`);
      for (const item of v)
        out.push(`${pad}  - ${typeof item === 'string' ? sq(item) : `name: ${sq(item.name)}`}`);
    } else {
      out.push(`${pad}${yamlKey(k)}: ${sq(v)}`);
    }
  }
  return out;
}

// Which values each HelmChart v2 needs so that its images go through the proxy (or the local registry)
// and its pods get the license pull secret: KOTS does neither for v2 charts, which it installs with the
// chart's own values. The values follow Replicated's documented pattern (docs/vendor/
// helm-native-v2-using.md, "Rewrite Image Names" / "Inject Image Pull Secrets"):
//   registry:   '{{repl HasLocalRegistry | ternary LocalRegistryHost "<proxy domain>" }}'
//   repository: '{{repl HasLocalRegistry | ternary LocalRegistryNamespace "proxy/<slug>/<registry>/<path>" }}/<name>'
//   imagePullSecrets: [{name: '{{repl ImagePullSecretName }}'}]
// render/helm-values.ts writes the result as YAML. Pure.
import type { ReportImage } from '../model.js';
import type { Effective, HelmValue, HelmValuesPlan } from '../model-plan.js';
import { type HelmChartInfo, type ImageUse, KOTS_API_V2, type ScanResult } from '../model-scan.js';
import { parseReference, proxyImageName } from '../reference.js';
import { needsPullSecret } from './findings.js';
import { isOnProxyHost } from './images.js';

const PULL_SECRET = '{{repl ImagePullSecretName }}';

function helmValuesFileName(chartName: string): string {
  return `helmchart-${chartName.replace(/[^A-Za-z0-9._-]/g, '_')}.values.yaml`;
}

/** The values files of the run, in chart order, each with a file name no other chart takes. */
export function planHelmValues(scan: ScanResult, images: ReportImage[], eff: Effective): HelmValuesPlan[] {
  const byImage = new Map(images.map((i) => [i.image, i]));
  const out: HelmValuesPlan[] = [];
  const names = new Set<string>();
  scan.helmCharts.forEach((chart, index) => {
    if (chart.apiVersion !== KOTS_API_V2) return;
    const uses = scan.uses.filter((u) => u.helmChart === index);
    const planned = chartValues(chart, uses, byImage, eff);
    if (planned === undefined) return;
    let name = helmValuesFileName(chart.name);
    for (let n = 2; names.has(name); n++) name = helmValuesFileName(`${chart.name}-${n}`);
    names.add(name);
    out.push({ chart, fileName: name, ...planned });
  });
  return out;
}

/** The values for one chart, or undefined when the chart needs none. */
function chartValues(
  chart: HelmChartInfo,
  uses: ImageUse[],
  byImage: ReadonlyMap<string, ReportImage>,
  eff: Effective,
): Pick<HelmValuesPlan, 'sets' | 'notes'> | undefined {
  const sets: HelmValuesPlan['sets'] = [];
  const setPath = (path: string[], value: HelmValue): void => {
    if (path.length) sets.push({ path, value });
  };
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
    if (hv.prefixLength !== undefined) {
      // The value is the name up to its last `/`; the template appends `/<last component>` and the tag.
      setPath(hv.path, `${host}/${p.ns}`);
    } else if (hv.repoKey === 'image') {
      setPath(hv.path, `${host}/${p.ns}/${p.name}${p.suffix}`);
    } else if (hv.registryPath) {
      setPath(hv.registryPath, host);
      setPath([...hv.path, hv.repoKey], `${p.ns}/${p.name}`);
    } else {
      setPath([...hv.path, hv.repoKey], `${host}/${p.ns}/${p.name}`);
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
  // Bitnami charts refuse images other than their own unless this switch is on (common.errors.insecureImages).
  if (sets.length > 0 && chart.insecureImagesSwitch)
    setPath(['global', 'security', 'allowInsecureImages'], 'true');
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
  // Only a key the chart's values declare is written: a guessed key would be a value the chart never
  // reads (helm-v2-missing-pull-secret then says the chart exposes none).
  if (secretNeeded) {
    for (const t of chart.pullSecretValues ?? []) {
      const list = t.strings
        ? [...t.names.filter((n) => n !== PULL_SECRET), PULL_SECRET]
        : [...t.names.filter((n) => n !== PULL_SECRET).map((name) => ({ name })), { name: PULL_SECRET }];
      setPath(t.path, list);
    }
  }
  return sets.length ? { sets, notes } : undefined;
}

/** A v2 chart image that no value points through the proxy yet. */
function needsRewrite(u: ImageUse, image: ReportImage | undefined, eff: Effective): boolean {
  if (!image || u.templating.kind !== 'none' || image.status === 'public' || image.status === 'dynamic')
    return false;
  if (eff.excluded.has(u.raw)) return false;
  const parsed = parseReference(u.raw);
  return parsed.ok && !isOnProxyHost(parsed.ref, eff);
}

function at(u: ImageUse): string {
  return `${u.pos.file}:${u.pos.line}`;
}

function key(path: string[]): string {
  return path.join('\0');
}

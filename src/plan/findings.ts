// The finding rules (src/rules.ts), applied to resolved images and the scanned release. Pure.

import { finding, shown } from '../finding.js';
import { proxyMismatchOf } from '../kots/proxy-name.js';
import type { Finding, ReportImage, RuleId, SourcePos } from '../model.js';
import type { Effective } from '../model-plan.js';
import {
  type ApplicationSettings,
  type HelmChartInfo,
  type ImageUse,
  KOTS_API_V2,
  type Workload,
} from '../model-scan.js';
import { canonicalRegistryHost } from '../reference.js';
import { hasTemplate } from '../templates.js';
import { compareText } from '../util.js';
import type { ImageGroup } from './images.js';
import { isOnProxyHost } from './images.js';

/** Findings that follow from an image's status, at every place the image occurs. */
export function statusFindings(
  g: ImageGroup,
  image: ReportImage,
  isRewritten: (use: ImageUse) => boolean,
  proxyDomain: string,
): Finding[] {
  const out: Finding[] = [];
  const why = image.reason ? ` (${image.reason})` : '';
  const each = (rule: RuleId, message: string, uses: ImageUse[] = g.uses) => {
    for (const u of uses) out.push(finding(rule, u.pos, message));
  };
  if (g.invalidReason !== undefined) {
    each('invalid-image-reference', `"${shown(g.image)}" is not a valid image reference: ${g.invalidReason}`);
    return out;
  }
  if (image.status === 'dynamic') {
    each(
      'dynamic-image',
      `image "${shown(g.image)}" is a KOTS template; only KOTS can resolve it at install time`,
    );
    return out;
  }
  // A rewrite to the custom registry domain (registry.replicated.com images) is not the proxy service.
  if (image.proxy?.startsWith(`${proxyDomain}/proxy/`)) {
    each(
      'image-needs-proxy',
      `KOTS will pull "${shown(g.image)}" through ${image.proxy} (status ${image.status})`,
      // KOTS itself never rewrites ephemeralContainers: image-not-rewritten-by-kots covers those uses.
      g.uses.filter((u) => isRewritten(u) && u.context !== 'ephemeralContainer'),
    );
  }
  switch (image.status) {
    case 'not-found':
      each('image-not-found', `"${shown(g.image)}" does not exist${why}`);
      break;
    case 'unreachable':
      each(
        'image-unreachable',
        `the registry of "${shown(g.image)}" could not be reached${why}; KOTS would proxy it`,
      );
      break;
    case 'rate-limited':
      each('rate-limited', `the registry of "${shown(g.image)}" kept answering 429${why}`);
      break;
    case 'private':
      // credentials-missing is raised once per registry (kots-findings.ts credentialsMissingOnce).
      if (image.credentials === 'rejected') {
        each('credentials-rejected', `the credentials given for "${shown(g.image)}" cannot pull it${why}`);
      }
      break;
    default:
      break;
  }
  return out;
}

/** Findings that depend on where a non-public image is used rather than on its status. */
export function placementFindings(
  g: ImageGroup,
  image: ReportImage,
  eff: Effective,
  charts: HelmChartInfo[],
): Finding[] {
  if (!g.ref || image.status === 'public' || image.status === 'dynamic') return [];
  const out: Finding[] = [];
  for (const u of g.uses) {
    if (u.context === 'ephemeralContainer' && image.proxy !== null) {
      out.push(
        finding(
          'image-not-rewritten-by-kots',
          u.pos,
          `KOTS does not rewrite ephemeralContainers, so "${shown(g.image)}" will not go through the proxy at install time; the generated overlay rewrites it`,
        ),
      );
    }
    if (u.context === 'operator' && u.templating.kind !== 'wrapped') {
      out.push(
        finding(
          'operator-image-reference',
          u.pos,
          `"${shown(g.image)}" is passed to an operator outside any PodSpec, where KOTS cannot rewrite it: write it as '{{repl LocalImageName "${shown(g.image)}" }}' and list it in the Application's additionalImages`,
        ),
      );
    }
    const chart = u.helmChart === undefined ? undefined : charts[u.helmChart];
    if (
      chart?.apiVersion === KOTS_API_V2 &&
      u.templating.kind === 'none' &&
      !u.switchedOff &&
      !(g.ref && isOnProxyHost(g.ref, eff))
    ) {
      const message =
        u.context === 'helm-template'
          ? `chart template ${shown(u.pos.file)}:${u.pos.line} of HelmChart v2 "${shown(chart.name)}" writes "${shown(g.image)}"; no value reaches it, so neither KOTS nor the generated values can route it through the proxy: add a value for it to the chart (then point it at ${eff.proxyDomain}/proxy/${eff.appSlug}/…)`
          : `HelmChart v2 "${shown(chart.name)}" sets "${shown(g.image)}" directly (${valueOrigin(u)}); KOTS does not rewrite v2 charts, so point it at ${eff.proxyDomain}/proxy/${eff.appSlug}/… or use HasLocalRegistry / LocalRegistryHost (see the generated helmchart-${chart.name}.values.yaml)`;
      out.push(finding('helm-v2-image-not-proxied', u.pos, message));
    }
  }
  return out;
}

/** Where a v2 chart's image value comes from: a position inside the chart archive (`archive!path`)
 *  is the chart's own default; anything else is written in the HelmChart CR. */
function valueOrigin(u: ImageUse): string {
  return u.pos.file.includes('!') ? "the chart's default value" : 'a value set by the HelmChart CR';
}

/** Whether a use in a HelmChart needs the license pull secret: a non-public image, or a template that
 *  routes through the proxy domain or a local registry (both authenticate with KOTS's pull secret). */
export function needsPullSecret(use: ImageUse, image: ReportImage, eff: Effective): boolean {
  if (image.status === 'public') return false;
  if (image.status !== 'dynamic') return true;
  return use.raw.includes(eff.proxyDomain) || /\b(LocalRegistry\w*|ReplicatedImage\w*)\b/.test(use.raw);
}

/** An image already on a proxy path for another app slug or another proxy domain. Anything else on
 *  the proxy host is left alone by KOTS (MakeProxiedImageURL) and is fine: the Replicated SDK's
 *  `proxy.replicated.com/library/replicated-sdk-image`. */
export function proxyMismatch(g: ImageGroup, eff: Effective): Finding[] {
  const ref = g.ref;
  if (!ref?.domain) return [];
  const m = proxyMismatchOf(
    canonicalRegistryHost(ref.domain),
    ref.path,
    canonicalRegistryHost(eff.proxyDomain),
    eff.appSlug,
  );
  if (!m) return [];
  const problem =
    m.kind === 'other-slug'
      ? `points at the proxy path of app "${m.slug}", not "${eff.appSlug}"`
      : `points at proxy host ${m.host}, but this app's proxy domain is ${eff.proxyDomain}`;
  return g.uses.map((u) => finding('proxy-reference-mismatch', u.pos, `"${shown(g.image)}" ${problem}`));
}

/** Workloads and HelmCharts that run proxied images in a namespace KOTS will not copy the pull secret to. */
export function namespaceFindings(
  workloads: Workload[],
  charts: HelmChartInfo[],
  proxiedWorkloads: ReadonlySet<number>,
  proxiedCharts: ReadonlySet<number>,
  app: ApplicationSettings | undefined,
): Finding[] {
  const listed = new Set(app?.additionalNamespaces ?? []);
  if (listed.has('*')) return [];
  const out: Finding[] = [];
  const check = (what: string, namespace: string | undefined, pos: SourcePos | undefined) => {
    if (namespace === undefined || pos === undefined || listed.has(namespace)) return;
    if (hasTemplate(namespace)) {
      if (!/^\s*(repl\{\{|\{\{repl)\s*Namespace\s*}}\s*$/.test(namespace)) {
        out.push(
          finding(
            'dynamic-namespace',
            pos,
            `${what} runs proxied images in templated namespace "${shown(namespace)}"; make sure the Application's additionalNamespaces covers what it renders to`,
          ),
        );
      }
      return;
    }
    out.push(
      finding(
        'namespace-not-in-additional-namespaces',
        pos,
        `${what} runs proxied images in namespace "${shown(namespace)}", which the Application's additionalNamespaces does not list, so KOTS will not create the pull secret there (unless it is the namespace the app is installed into)`,
      ),
    );
  };
  for (const i of proxiedWorkloads) {
    const w = workloads[i];
    if (w) check(`${shown(w.kind)} "${shown(w.name)}"`, w.namespace, w.namespacePos);
  }
  for (const i of proxiedCharts) {
    const c = charts[i];
    if (c) check(`HelmChart "${shown(c.name)}"`, c.namespace, c.namespacePos);
  }
  return out;
}

/** The pull-secret namespaces plus those of HelmCharts in `charts` that the Application lists (KOTS
 *  copies the secret only into listed namespaces; `"*"` lists every one). Sorted, deduplicated. */
export function withChartNamespaces(
  namespaces: string[],
  scan: { helmCharts: HelmChartInfo[]; application?: ApplicationSettings },
  charts: ReadonlySet<number>,
): string[] {
  const listed = new Set(scan.application?.additionalNamespaces ?? []);
  const out = new Set(namespaces);
  for (const i of charts) {
    const ns = scan.helmCharts[i]?.namespace;
    if (ns && !hasTemplate(ns) && (listed.has(ns) || listed.has('*'))) out.add(ns);
  }
  return [...out].sort(compareText);
}

/** v2 charts with non-public images that pass no ImagePullSecretName. */
export function pullSecretFindings(charts: HelmChartInfo[], privateCharts: ReadonlySet<number>): Finding[] {
  const out: Finding[] = [];
  for (const i of privateCharts) {
    const c = charts[i];
    if (c?.apiVersion !== KOTS_API_V2 || c.passesPullSecret) continue;
    const message = c.pullSecretValues?.length
      ? `HelmChart v2 "${shown(c.name)}" runs private images but passes no '{{repl ImagePullSecretName }}' to the chart's imagePullSecrets value`
      : `HelmChart v2 "${shown(c.name)}" runs private images but the chart exposes no pull-secret value (no imagePullSecrets or pullSecrets list in its values or a subchart's), so no values file can give its pods '{{repl ImagePullSecretName }}': the vendor must add such a value to the chart or pass the secret another way`;
    out.push(finding('helm-v2-missing-pull-secret', c.pos, message));
  }
  return out;
}

// uses + verdicts + settings → Plan: the report's images and findings, and what the overlay must do.
// Pure: no I/O, deterministic ordering everywhere.

import { finding } from '../finding.js';
import { literalExclude } from '../kots/chart-archive.js';
import { literalOnly, type Render } from '../kots/exclude.js';
import type { AccessVerdict, Finding, ReportImage, RunOptions } from '../model.js';
import type { Effective, ImageRewrite, Plan } from '../model-plan.js';
import { type ImageUse, KOTS_API_V1, KOTS_API_V2, type ScanResult } from '../model-scan.js';
import { canonicalRegistryHost, dockerHubSpellings, nameAsWritten } from '../reference.js';
import { append, compareText } from '../util.js';
import {
  namespaceFindings,
  needsPullSecret,
  placementFindings,
  proxyMismatch,
  pullSecretFindings,
  statusFindings,
  withChartNamespaces,
} from './findings.js';
import { planHelmValues } from './helm-values.js';
import {
  effectiveSettings,
  groupUses,
  type ImageGroup,
  OVERLAY_REWRITES,
  REPLICATED_REGISTRY,
  resolveImages,
} from './images.js';
import {
  chartArchiveFindings,
  collectorFindings,
  credentialsMissingOnce,
  excludedImageNotices,
} from './kots-findings.js';
import { planOverlay } from './overlay.js';

/** Images pulled with the license under their own name. */
function licensePulled(g: ImageGroup, eff: Effective): boolean {
  const host = g.ref?.domain ? canonicalRegistryHost(g.ref.domain) : undefined;
  if (!host) return false;
  return (
    host === REPLICATED_REGISTRY ||
    host === canonicalRegistryHost(eff.proxyDomain) ||
    (eff.registryDomain !== undefined && host === canonicalRegistryHost(eff.registryDomain))
  );
}

export interface PlanInputs {
  scan: ScanResult;
  verdicts: ReadonlyMap<string, AccessVerdict>;
  options: RunOptions;
  hasCredentials: (host: string) => boolean;
  /** KOTS template rendering with Config defaults (for kots.io/exclude and kots.io/when); without
   *  it, any template is undecided. */
  render?: Render;
}

export function buildPlan({
  scan,
  verdicts,
  options,
  hasCredentials,
  render = literalOnly,
}: PlanInputs): Plan {
  const eff = effectiveSettings(options, scan.application);
  const isRewritten = (u: ImageUse): boolean => {
    if (OVERLAY_REWRITES.has(u.context)) return true;
    if (u.context !== 'helm-value' && u.context !== 'helm-template') return false;
    return u.helmChart !== undefined && scan.helmCharts[u.helmChart]?.apiVersion === KOTS_API_V1;
  };
  // Objects the overlay holds: release manifests, and the rendered objects of v1 charts.
  const inOverlay = (u: ImageUse): boolean =>
    OVERLAY_REWRITES.has(u.context) || (u.rendered === true && isRewritten(u));
  const groups = groupUses(scan.uses);
  // `proxy` here is the name the overlay rewrites to, which includes ephemeralContainers; the report's
  // `proxy` below keeps only what KOTS itself rewrites.
  const images = resolveImages(groups, verdicts, eff, options, hasCredentials, isRewritten);

  const findings: Finding[] = [...scan.findings];
  const proxiedWorkloads = new Set<number>();
  const proxiedCharts = new Set<number>();
  const privateCharts = new Set<number>();
  const rewrites = new Map<string, string>();
  const alternates: ImageRewrite[] = [];
  const licenseWorkloads = new Set<number>();
  const credentialEntries: Array<{ g: ImageGroup; image: ReportImage }> = [];

  groups.forEach((g, i) => {
    const image = images[i];
    if (!image) return;
    append(findings, statusFindings(g, image, isRewritten, eff.proxyDomain));
    append(findings, placementFindings(g, image, eff, scan.helmCharts));
    append(findings, proxyMismatch(g, eff));
    append(findings, excludedImageNotices(g, eff));
    append(findings, collectorFindings(g, image, eff));
    credentialEntries.push({ g, image });
    for (const u of g.uses) {
      if (u.helmChart !== undefined && !u.switchedOff && needsPullSecret(u, image, eff)) {
        privateCharts.add(u.helmChart);
      }
      // Images KOTS leaves named as they are but that pull with the license (registry.replicated.com,
      // the custom registry domain, the proxy host): their workloads need the pull secret as well.
      if (
        u.workload !== undefined &&
        OVERLAY_REWRITES.has(u.context) &&
        image.proxy === null &&
        licensePulled(g, eff)
      ) {
        licenseWorkloads.add(u.workload);
      }
      if (image.proxy === null || !isRewritten(u)) continue;
      if (u.workload !== undefined) proxiedWorkloads.add(u.workload);
      if (u.helmChart !== undefined) proxiedCharts.add(u.helmChart);
    }
    // A wrapped template (`LocalImageName "x"`) is resolved by KOTS itself; kustomize never sees "x".
    // A templated tag under a written repository is matched by name, as the overlay's rewrite is.
    if (
      image.proxy !== null &&
      g.ref &&
      g.uses.some((u) => inOverlay(u) && (u.templating.kind === 'none' || u.templating.kind === 'tag-only'))
    ) {
      if (g.ref?.domain?.startsWith('[')) {
        // kustomize matches `images[].name` as a regular expression, where `[::1]` is a character class.
        for (const u of g.uses.filter(inOverlay)) {
          findings.push(
            finding(
              'overlay-cannot-rewrite',
              u.pos,
              `kustomize cannot match the IPv6 registry name of "${g.image}", so the overlay (and KOTS's own kustomize patch) leaves it unchanged; use a DNS name for the registry`,
            ),
          );
        }
      } else {
        addRewrites(g, image.proxy, rewrites, alternates);
      }
    }
  });
  for (const alt of alternates) if (!rewrites.has(alt.name)) rewrites.set(alt.name, alt.newName);
  append(findings, credentialsMissingOnce(credentialEntries));
  append(findings, chartArchiveFindings(scan));

  // Charts whose pods pull through the proxy: v1 charts KOTS rewrites, v2 charts that need the pull secret.
  // A chart whose `spec.exclude` is true (as written, or as the Config defaults render it) is not
  // installed (pkg/pull/pull.go skips it), so it needs no pull secret in its namespace.
  const installed = (i: number) => literalExclude(scan.helmCharts[i]?.exclude) !== true;
  const secretCharts = new Set(
    [
      ...proxiedCharts,
      ...[...privateCharts].filter((i) => scan.helmCharts[i]?.apiVersion === KOTS_API_V2),
    ].filter(installed),
  );
  append(
    findings,
    namespaceFindings(
      scan.workloads,
      scan.helmCharts,
      new Set([...proxiedWorkloads, ...licenseWorkloads]),
      // A v1 chart with useHelmInstall gets its own midstream, which writes a pull secret in the
      // chart's namespace (pkg/pull/pull.go, pkg/midstream/write.go).
      new Set([...secretCharts].filter((i) => !scan.helmCharts[i]?.useHelmInstall)),
      scan.application,
    ),
  );
  append(findings, pullSecretFindings(scan.helmCharts, privateCharts));

  const overlay = planOverlay(scan, proxiedWorkloads, eff.appSlug, options.outDir, render);
  overlay.secretNamespaces = withChartNamespaces(overlay.secretNamespaces, scan, secretCharts);
  append(findings, overlay.findings);

  const kotsRewrites = (u: ImageUse) => isRewritten(u) && u.context !== 'ephemeralContainer';
  const reported = images.map((image, i) =>
    groups[i]?.uses.some(kotsRewrites) ? image : { ...image, proxy: null },
  );
  return {
    effective: eff,
    images: reported,
    // KOTS always writes the pull secret (pkg/midstream/write.go WriteMidstream); the license decides
    // what it holds.
    needsPullSecret: true,
    findings: sortFindings(findings),
    rewrites: [...rewrites]
      .map(([name, newName]) => ({ name, newName }))
      .sort((a, b) => compareText(a.name, b.name)),
    overlay,
    // HelmChart v2 charts KOTS leaves alone: the values that route them through the proxy.
    helmValues: planHelmValues(scan, reported, eff),
  };
}

/** The written spelling maps to the proxy name; KOTS's other Docker Hub spellings follow, unless another
 *  image writes that spelling itself (its own entry wins). */
function addRewrites(
  g: ImageGroup,
  proxy: string,
  rewrites: Map<string, string>,
  alternates: ImageRewrite[],
): void {
  if (!g.ref) return;
  const written = nameAsWritten(g.ref);
  if (!rewrites.has(written)) rewrites.set(written, proxy);
  for (const name of dockerHubSpellings(g.ref)) {
    if (name !== written) alternates.push({ name, newName: proxy });
  }
}

const LEVEL_ORDER = { error: 0, warning: 1, notice: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.rule}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      compareText(a.rule, b.rule) ||
      compareText(a.message, b.message),
  );
}

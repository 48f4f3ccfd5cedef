// Findings that follow from KOTS's own rules (src/kots/): excludedImages, chart archives, collector
// images, and one credentials-missing per registry. Pure.
import { finding, shown } from '../finding.js';
import { findHelmChartArchive, literalExclude, missingArchiveMessage } from '../kots/chart-archive.js';
import { collectorProxyRewrite, intendedProxyRewrite } from '../kots/collectors.js';
import type { Finding, ReportImage, SourcePos } from '../model.js';
import type { Effective } from '../model-plan.js';
import type { ImageUse, ScanResult } from '../model-scan.js';
import { canonicalRegistryHost, normalizeReference } from '../reference.js';
import { hasTemplate } from '../templates.js';
import { append, compareText } from '../util.js';
import { type ImageGroup, REPLICATED_REGISTRY } from './images.js';

/** excludedImages is read only by the air-gap bundle builder; at install KOTS checks, rewrites and
 *  patches these images like any other (no install-path code reads the field). */
export function excludedImageNotices(g: ImageGroup, eff: Effective): Finding[] {
  if (!eff.excluded.has(g.image)) return [];
  return g.uses.map((u) =>
    finding(
      'excluded-image-still-deployed',
      u.pos,
      `"${shown(g.image)}" is listed in the Application's excludedImages, which only leaves it out of air-gap bundles; at install KOTS treats it as a normal image (checked, proxied if private, given the pull secret)`,
    ),
  );
}

/** HelmChart CRs whose archive KOTS cannot find (only when a release was walked). */
export function chartArchiveFindings(scan: ScanResult): Finding[] {
  const archives = scan.chartArchives;
  if (!archives) return [];
  const out: Finding[] = [];
  for (const c of scan.helmCharts) {
    // An excluded chart (v1: renderReplicatedHelmChart, v2: WriteV1Beta2HelmCharts) is not looked
    // up; a templated exclude only the install decides.
    if (c.exclude !== undefined) {
      if (literalExclude(c.exclude) === true || hasTemplate(c.exclude)) continue;
    }
    if (findHelmChartArchive(archives, c.chartName, c.chartVersion)) continue;
    const near = archives.filter((a) => a.name === c.chartName).map((a) => a.version);
    const hint = near.length
      ? `; the release has ${shown(c.chartName)} ${near.map(shown).join(', ')}: chartVersion must match Chart.yaml's version exactly`
      : '; add the chart archive (.tgz) to the release';
    out.push(
      finding(
        'helm-chart-archive-missing',
        c.pos,
        `KOTS fails the install here: ${missingArchiveMessage(shown(c.chartName), c.chartVersion === undefined ? undefined : shown(c.chartVersion))}${hint}`,
      ),
    );
  }
  return out;
}

/** Collector images: KOTS rewrites a private literal one when it runs the preflight or support bundle
 *  (pkg/registry/troubleshoot.go), with a broken reference for digests and registry ports. */
export function collectorFindings(g: ImageGroup, image: ReportImage, eff: Effective): Finding[] {
  const uses = g.uses.filter((u) => u.context === 'collector' && u.templating.kind === 'none');
  if (uses.length === 0 || !g.ref || image.status === 'public' || image.status === 'dynamic') return [];
  const registryHost = eff.registryDomain ?? REPLICATED_REGISTRY;
  const got = collectorProxyRewrite(g.image, eff.proxyDomain, registryHost, eff.appSlug);
  const intended =
    g.image.split('/')[0] === registryHost
      ? g.image
      : intendedProxyRewrite(g.image, eff.proxyDomain, eff.appSlug);
  if (got === intended) {
    return uses.map((u) =>
      finding(
        'image-needs-proxy',
        u.pos,
        `collector image "${shown(g.image)}" (status ${image.status}): KOTS rewrites it to ${shown(got)} and adds the license pull secret when it runs the preflight or support bundle`,
      ),
    );
  }
  return uses.map((u) =>
    finding(
      'collector-image-rewrite-broken',
      u.pos,
      `KOTS rewrites collector image "${shown(g.image)}" to "${shown(got)}" when it runs the preflight or support bundle (it re-appends the text after the last ':' as a tag), which cannot be pulled; write '{{repl LocalImageName "${shown(g.image)}" }}' and set the collector's imagePullSecret to '{{repl ImagePullSecretName }}'`,
    ),
  );
}

/** One credentials-missing per registry, at its first use, counting images and places. */
export function credentialsMissingOnce(entries: Array<{ g: ImageGroup; image: ReportImage }>): Finding[] {
  const byHost = new Map<string, { images: Set<string>; uses: ImageUse[] }>();
  for (const { g, image } of entries) {
    if (!g.ref || image.status !== 'private' || image.credentials !== 'none') continue;
    const host = canonicalRegistryHost(normalizeReference(g.ref).domain);
    const e = byHost.get(host) ?? { images: new Set(), uses: [] };
    e.images.add(g.image);
    append(e.uses, g.uses);
    byHost.set(host, e);
  }
  const out: Finding[] = [];
  for (const [host, e] of [...byHost].sort((a, b) => compareText(a[0], b[0]))) {
    const first = e.uses.map((u) => u.pos).sort(comparePos)[0];
    if (!first) continue;
    const n = e.images.size;
    const shownImage = [...e.images].sort(compareText)[0] ?? '';
    const what =
      n === 1
        ? `"${shown(shownImage)}" is private`
        : `${n} images on ${host} are private (first: "${shown(shownImage)}")`;
    out.push(
      finding(
        'credentials-missing',
        first,
        `${what} and no credentials were given for ${host} (${e.uses.length} place${e.uses.length === 1 ? '' : 's'}); the proxy service needs read-only credentials for it`,
      ),
    );
  }
  return out;
}

function comparePos(a: SourcePos, b: SourcePos): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

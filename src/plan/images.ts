// Groups image uses into report entries and decides, per image, what KOTS will do with it.
// Pure: scan result + registry verdicts in, data out.
import type { AccessVerdict, CheckTarget, ReportImage, RunOptions } from '../model.js';
import type { Effective } from '../model-plan.js';
import type { ApplicationSettings, ImageContext, ImageUse } from '../model-scan.js';
import {
  canonicalRegistryHost,
  type ImageReference,
  normalizedString,
  normalizeReference,
  parseReference,
  proxyImageName,
} from '../reference.js';
import { compareText } from '../util.js';

/** The Replicated registry: KOTS never proxies it, it is already behind the customer license. */
export const REPLICATED_REGISTRY = 'registry.replicated.com';

/** Where the generated kustomize overlay rewrites images. KOTS itself rewrites containers and
 *  initContainers, and the images of v1 charts; ephemeralContainers only the overlay rewrites. */
export const OVERLAY_REWRITES: ReadonlySet<ImageContext> = new Set([
  'container',
  'initContainer',
  'ephemeralContainer',
]);

export function effectiveSettings(options: RunOptions, app: ApplicationSettings | undefined): Effective {
  const proxyDomain =
    options.proxyDomainExplicit || !app?.proxyRegistryDomain ? options.proxyDomain : app.proxyRegistryDomain;
  const registryDomain = options.registryDomain ?? app?.replicatedRegistryDomain;
  return {
    appSlug: options.appSlug,
    proxyDomain,
    ...(registryDomain ? { registryDomain } : {}),
    proxyPublicImages: app?.proxyPublicImages ?? false,
    excluded: new Set(app?.excludedImages ?? []),
  };
}

/** The image string a use names for checking: the literal inside LocalImageName/ReplicatedImageName,
 *  the raw value otherwise; undefined for templates only KOTS can resolve. */
function checkedText(use: ImageUse): string | undefined {
  if (use.templating.kind === 'dynamic') return undefined;
  if (use.templating.kind === 'wrapped') return use.templating.literal;
  if (use.templating.kind === 'tag-only') return use.templating.repository;
  return use.raw;
}

/** An image string as written, with what parsing it told us. */
export interface ImageGroup {
  image: string;
  uses: ImageUse[];
  /** Undefined for dynamic values and invalid references. */
  ref?: ImageReference;
  invalidReason?: string;
  dynamic: boolean;
}

export function groupUses(uses: ImageUse[]): ImageGroup[] {
  const byImage = new Map<string, ImageGroup>();
  for (const use of uses) {
    let group = byImage.get(use.raw);
    if (!group) {
      group = { image: use.raw, uses: [], dynamic: use.templating.kind === 'dynamic' };
      const text = checkedText(use);
      if (text !== undefined) {
        const parsed = parseReference(text);
        if (parsed.ok) group.ref = parsed.ref;
        else group.invalidReason = parsed.reason;
      }
      byImage.set(use.raw, group);
    }
    group.uses.push(use);
  }
  return [...byImage.values()].sort((a, b) => compareText(a.image, b.image));
}

/** Images whose status follows from configuration alone: the proxy and Replicated registries (always
 *  behind license auth), and hosts the user listed. */
function presetStatus(
  domain: string,
  eff: Effective,
  options: RunOptions,
  hasCredentials: (host: string) => boolean,
): AccessVerdict | undefined {
  const host = canonicalRegistryHost(domain);
  if (host === canonicalRegistryHost(eff.proxyDomain) || host === REPLICATED_REGISTRY) {
    return {
      status: 'private',
      credentials: 'not-checked',
      reason: `${host} always requires the customer license`,
    };
  }
  if (eff.registryDomain && host === canonicalRegistryHost(eff.registryDomain)) {
    return {
      status: 'private',
      credentials: 'not-checked',
      reason: `${host} is the Replicated registry domain`,
    };
  }
  if (options.publicRegistries.some((h) => canonicalRegistryHost(h) === host)) {
    return { status: 'public', credentials: 'not-checked' };
  }
  if (options.privateRegistries.some((h) => canonicalRegistryHost(h) === host)) {
    return {
      status: 'private',
      credentials: hasCredentials(host) ? 'not-checked' : 'none',
      reason: `${host} is listed with --private-registry`,
    };
  }
  return undefined;
}

/** The registry requests the plan needs: one per distinct normalized reference not settled by configuration. */
export function checkTargets(
  groups: ImageGroup[],
  eff: Effective,
  options: RunOptions,
  hasCredentials: (host: string) => boolean,
): CheckTarget[] {
  const targets = new Map<string, CheckTarget>();
  for (const g of groups) {
    if (!g.ref) continue;
    const n = normalizeReference(g.ref);
    if (presetStatus(n.domain, eff, options, hasCredentials)) continue;
    const key = normalizedString(g.ref);
    if (!targets.has(key)) {
      targets.set(key, {
        key,
        domain: n.domain,
        repository: n.path,
        reference: n.digest ?? n.tag ?? 'latest',
      });
    }
  }
  return [...targets.values()].sort((a, b) => compareText(a.key, b.key));
}

/** What KOTS rewrites an image to, or null when it leaves it alone. */
function rewriteTarget(
  g: ImageGroup,
  verdict: AccessVerdict,
  eff: Effective,
  isRewritten: (use: ImageUse) => boolean,
): string | null {
  if (!g.ref || g.dynamic) return null;
  if (!g.uses.some(isRewritten)) return null;
  const domain = g.ref.domain ? canonicalRegistryHost(g.ref.domain) : undefined;
  if (domain === REPLICATED_REGISTRY) {
    return eff.registryDomain ? `${eff.registryDomain}/${g.ref.path}` : null;
  }
  if (domain === canonicalRegistryHost(eff.proxyDomain)) return null;
  if (eff.registryDomain && domain === canonicalRegistryHost(eff.registryDomain)) return null;
  if (verdict.status === 'public' && !eff.proxyPublicImages) return null;
  return proxyImageName(g.ref, eff.proxyDomain, eff.appSlug);
}

/** Resolves every group into a report entry. Offline or unchecked images are `unknown`, and KOTS,
 *  which proxies whatever it cannot prove public, is assumed to proxy them. */
export function resolveImages(
  groups: ImageGroup[],
  verdicts: ReadonlyMap<string, AccessVerdict>,
  eff: Effective,
  options: RunOptions,
  hasCredentials: (host: string) => boolean,
  isRewritten: (use: ImageUse) => boolean,
): ReportImage[] {
  return groups.map((g) => {
    const locations = g.uses.map((u) => u.pos);
    if (g.dynamic) {
      return { image: g.image, status: 'dynamic', credentials: 'not-checked', proxy: null, locations };
    }
    if (!g.ref) {
      const reason = g.invalidReason ?? 'not an image reference';
      return {
        image: g.image,
        status: 'unknown',
        credentials: 'not-checked',
        proxy: null,
        reason,
        locations,
      };
    }
    const normalized = normalizedString(g.ref);
    // excludedImages is not read at install time (only air-gap bundles skip them): a normal image.
    const verdict: AccessVerdict = presetStatus(
      normalizeReference(g.ref).domain,
      eff,
      options,
      hasCredentials,
    ) ??
      verdicts.get(normalized) ?? {
        status: 'unknown',
        credentials: 'not-checked',
        reason: options.offline ? 'offline: no request made' : 'not checked',
      };
    const entry: ReportImage = {
      image: g.image,
      normalized,
      status: verdict.status,
      credentials: verdict.credentials,
      proxy: rewriteTarget(g, verdict, eff, isRewritten),
      locations,
    };
    const reason = [configReason(g.uses), verdict.reason].filter((r) => r !== undefined).join('; ');
    if (reason !== '') entry.reason = reason;
    return entry;
  });
}

/** Says which template actions, rendered with the Config defaults, gave the image its value. */
function configReason(uses: ImageUse[]): string | undefined {
  const from = [...new Set(uses.flatMap((u) => u.resolvedFrom ?? []))];
  if (from.length === 0) return undefined;
  if (uses.some((u) => u.templating.kind === 'tag-only'))
    return `repository as written; the tag is decided at install by: ${from.join(', ')}`;
  return `from Config defaults: ${from.join(', ')}`;
}

/** Whether a reference already sits on the proxy host: this app's `proxy/<app slug>/…` path, or another
 *  path the proxy serves with the license, such as the Replicated SDK's `library/replicated-sdk-image`.
 *  pkg/docker/registry/images.go MakeProxiedImageURL leaves every such image alone; a `/proxy/` path of
 *  another app is a proxy-reference-mismatch error of its own. */
export function isOnProxyHost(ref: ImageReference, eff: Effective): boolean {
  return (
    ref.domain !== undefined && canonicalRegistryHost(ref.domain) === canonicalRegistryHost(eff.proxyDomain)
  );
}

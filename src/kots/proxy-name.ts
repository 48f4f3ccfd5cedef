// The proxied name KOTS writes for a private image. Mirrors replicatedhq/kots
// pkg/docker/registry/images.go `MakeProxiedImageURL` and pkg/imageutil/image.go
// `StripImageTagAndDigest`: the text as written, minus tag and digest; an image whose first path
// component is exactly the proxy host is "already proxied" and keeps its name.

/** `StripImageTagAndDigest`: cut `@…` and then `:…` from the last `/`-separated part only. */
export function stripTagAndDigest(image: string): string {
  const parts = image.split('/');
  const last = parts[parts.length - 1] ?? '';
  parts[parts.length - 1] = (last.split('@')[0] ?? '').split(':')[0] ?? '';
  return parts.join('/');
}

/** `MakeProxiedImageURL(proxyHost, appSlug, image)`. */
export function makeProxiedImageURL(proxyHost: string, appSlug: string, image: string): string {
  const untagged = stripTagAndDigest(image);
  if (untagged.split('/')[0] === proxyHost) return untagged;
  return `${proxyHost}/proxy/${appSlug}/${untagged}`;
}

export type ProxyMismatch =
  | { kind: 'other-slug'; slug: string }
  | { kind: 'other-proxy-domain'; host: string }
  | undefined;

/** A reference that names a proxy path that cannot be this app's: `<proxy>/proxy/<other-slug>/…`, or
 *  another Replicated proxy domain's `/proxy/` path. Anything else on the proxy host (the Replicated
 *  SDK's `proxy.replicated.com/library/…`) is left alone by KOTS and is fine. Hosts compare
 *  case-insensitively here: a host differing only in case is still the vendor's mistake to see. */
export function proxyMismatchOf(
  host: string,
  path: string,
  proxyDomain: string,
  appSlug: string,
): ProxyMismatch {
  const proxyPath = /^proxy\/([^/]+)\//.exec(path);
  if (!proxyPath) return undefined;
  const h = host.toLowerCase();
  if (h === proxyDomain.toLowerCase()) {
    return proxyPath[1] === appSlug ? undefined : { kind: 'other-slug', slug: proxyPath[1] ?? '' };
  }
  if (/(^|\.)proxy\.replicated\.com$/.test(h)) return { kind: 'other-proxy-domain', host: h };
  return undefined;
}

// Which token realms may receive a registry's Basic credential (credentials go only to the host they
// belong to; the token protocol sends them to the registry's realm). Sites come from the Public Suffix
// List (tldts, private section included), so tenants of a shared suffix (`github.io`, `co.uk`,
// `herokuapp.com`) are different sites.
import { getDomain } from 'tldts';

/** Registry platforms whose customers are subdomains of one registrable domain, yet which are not on
 *  the Public Suffix List. Their realms live on the tenant's own host, so only the exact host counts. */
const REGISTRY_PLATFORMS = new Set(['jfrog.io', 'azurecr.io', 'pkg.dev', 'amazonaws.com']);

function site(host: string): string | undefined {
  const domain = getDomain(host, { allowPrivateDomains: true });
  return domain === null || REGISTRY_PLATFORMS.has(domain) ? undefined : domain;
}

/** Whether a token realm may receive a registry's credentials: the same host, or, for DNS names, the
 *  same site (Docker Hub: registry-1.docker.io → auth.docker.io; GitLab: registry.gitlab.com →
 *  gitlab.com). IP addresses and single-label hosts must match exactly. */
export function sameSite(realmHostname: string, registryHost: string): boolean {
  const strip = (h: string) =>
    h
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '');
  const realm = strip(realmHostname);
  const registry = strip(registryHost.replace(/:\d+$/, ''));
  if (realm === registry) return true;
  const isIp = (h: string) => h.includes(':') || /^\d+(\.\d+){3}$/.test(h);
  if (isIp(realm) || isIp(registry)) return false;
  const a = site(realm);
  return a !== undefined && a === site(registry);
}

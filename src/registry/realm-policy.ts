// Which token realms may receive a registry's Basic credential (credentials go only to the host they
// belong to; the token protocol sends them to the registry's realm).

/** Whether a token realm may receive a registry's credentials: the same host, or, for DNS names, the
 *  same parent domain (Docker Hub: registry-1.docker.io → auth.docker.io; GitLab: registry.gitlab.com →
 *  gitlab.com). IP addresses and single-label hosts must match exactly. */
export function sameSite(realmHostname: string, registryHost: string): boolean {
  const strip = (h: string) => h.toLowerCase().replace(/^\[|\]$/g, '');
  const realm = strip(realmHostname);
  const registry = strip(registryHost.replace(/:\d+$/, ''));
  if (realm === registry) return true;
  const isIp = (h: string) => h.includes(':') || /^\d+(\.\d+){3}$/.test(h);
  if (isIp(realm) || isIp(registry)) return false;
  const parent = (h: string) => h.split('.').slice(-2).join('.');
  if (SHARED_PARENTS.has(parent(registry))) return false;
  return realm.includes('.') && registry.includes('.') && parent(realm) === parent(registry);
}

/** Parent domains whose subdomains belong to different tenants: there, only the exact host counts. */
const SHARED_PARENTS = new Set([
  'azurecr.io',
  'amazonaws.com',
  'pkg.dev',
  'cloudfront.net',
  'herokuapp.com',
  'github.io',
  'ngrok.io',
  'co.uk',
  'com.au',
  'co.jp',
]);

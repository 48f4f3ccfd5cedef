// Which addresses the registry client may connect to. Image hosts and token realms come from the
// pull request, and the runner often sits inside a company network: a host that resolves to a
// loopback, private, link-local, CGNAT, multicast, reserved or unspecified address (IPv4, IPv6 and
// IPv4-mapped/NAT64/6to4 forms) is not contacted unless the vendor allowed it (`--insecure-registry`,
// `--allow-registry`).
//
// The check runs on the connection itself: the connector's `lookup` filters the addresses the socket
// will use (no second lookup a DNS-rebinding answer could differ from), IP literals are checked before
// connecting, and the socket's remote address is checked again once connected. A refusal names only
// the host, never an address or a port state, so it reads the same whether anything listens there.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

const V4: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6: [string, number, AddressClass][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
  ['100::', 64, 'reserved'],
];

const lists = new Map<AddressClass, BlockList>();
for (const [table, family] of [
  [V4, 'ipv4'],
  [V6, 'ipv6'],
] as const) {
  for (const [net, prefix, cls] of table) {
    const list = lists.get(cls) ?? new BlockList();
    list.addSubnet(net, prefix, family);
    lists.set(cls, list);
  }
}

/** Expands an IPv6 address to its eight 16-bit groups; undefined when it is not one. */
function groups(ip: string): number[] | undefined {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  const all = [...h, ...fill, ...t].map((g) => Number.parseInt(g, 16));
  return all.length === 8 && all.every((g) => g >= 0 && g <= 0xffff) ? all : undefined;
}

/** The IPv4 address an IPv6 address embeds (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). */
function embeddedV4(ip: string): string | undefined {
  const g = groups(ip);
  if (!g) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zero = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zero(5) && (g[5] === 0xffff || g[5] === 0) && !(g[5] === 0 && g[6] === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return undefined;
}

export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 0) return 'reserved';
  if (family === 6) {
    const v4 = embeddedV4(ip);
    if (v4 !== undefined) return classifyAddress(v4);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const [cls, list] of lists) if (list.check(ip, type)) return cls;
  return 'public';
}

export interface NetPolicyOptions {
  /** `host[:port]` the vendor allowed on internal addresses (insecure and allowed registries).
   *  Without a port, every port of that host. */
  allowed: Iterable<string>;
  /** DNS resolver; tests inject one (no real DNS there). */
  lookup?: LookupFunction;
  /** Address classification; tests may inject one to stand a loopback address in for a public one. */
  classify?: (address: string) => AddressClass;
  /** Extra certificate authorities (PEM) to trust; tests use it for loopback TLS servers. */
  ca?: string;
}

/** The error a refused connection fails with; `code` lets the transport map it. */
class PolicyRefusal extends Error {
  override name = 'PolicyRefusal';
  readonly code = POLICY_REFUSED;
}
export const POLICY_REFUSED = 'E_KOTS_PROXY_NOT_CONTACTED';

export const NOT_CONTACTED = 'not contacted: ';

/** The reason text of a refusal: the same for open ports, closed ports and unknown hosts. */
function refusalReason(host: string): string {
  return `${NOT_CONTACTED}${host} is not a public address; allow it with --allow-registry ${host}`;
}

/** Why a token realm from `registry`'s challenge may not be asked, or undefined. Realms are https
 *  unless the registry itself is insecure. A realm on the same host name as an allowed registry
 *  (a token server next to it) is allowed too; any other internal realm stays refused. */
export function realmRefusal(
  realm: URL,
  registry: string,
  insecureRegistry: boolean,
  policy: NetPolicy,
): string | undefined {
  const plainOk = insecureRegistry && realm.protocol === 'http:';
  if (realm.protocol !== 'https:' && !plainOk) {
    return `${NOT_CONTACTED}token realm ${realm.host} of ${registry} is not https`;
  }
  const registryName = registry.replace(/:\d+$/, '');
  const registryPort = /:(\d+)$/.exec(registry)?.[1] ?? (insecureRegistry ? '80' : '443');
  if (realm.hostname === registryName && policy.isAllowed(registryName, registryPort)) {
    policy.allow(realm.host || realm.hostname);
  }
  return undefined;
}

export class NetPolicy {
  private readonly allowed = new Set<string>();
  private readonly classify: (address: string) => AddressClass;
  private readonly resolve: LookupFunction;
  private readonly ca: string | undefined;

  constructor(options: NetPolicyOptions) {
    for (const a of options.allowed) this.allow(a);
    this.classify = options.classify ?? classifyAddress;
    this.resolve = options.lookup ?? (dnsLookup as LookupFunction);
    this.ca = options.ca;
  }

  allow(hostPort: string): void {
    this.allowed.add(hostPort.toLowerCase().replace(/^\[|\](?=:|$)/g, ''));
  }

  /** Whether `host` (without brackets) on `port` may use internal addresses. */
  isAllowed(host: string, port: string | number): boolean {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    return this.allowed.has(h) || this.allowed.has(`${h}:${port}`);
  }

  /** An undici connector that enforces the policy on each new connection. */
  connector(timeoutMs: number): buildConnector.connector {
    const tls = this.ca === undefined ? {} : { ca: this.ca };
    const plain = buildConnector({ timeout: timeoutMs, lookup: this.resolve, ...tls });
    const filtered = buildConnector({
      timeout: timeoutMs,
      lookup: (h, o, d) => this.filteredLookup(h, o, d),
      ...tls,
    });
    return (opts, callback) => {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const port = opts.port || (opts.protocol === 'https:' ? '443' : '80');
      const shown = opts.host ?? (port ? `${opts.hostname}:${port}` : opts.hostname);
      const allowed = this.isAllowed(host, port);
      const refuse = () => callback(new PolicyRefusal(refusalReason(shown)), null);
      if (!allowed && isIP(host) && this.classify(host) !== 'public') return refuse();
      const connect = allowed ? plain : filtered;
      connect(opts, (err, socket) => {
        if (err instanceof PolicyRefusal) return refuse(); // one wording for every refusal
        if (err || !socket) return callback(err ?? new Error('no socket'), null);
        // The address actually connected to, whatever resolved it.
        const remote = socket.remoteAddress;
        if (!allowed && (remote === undefined || this.classify(remote) !== 'public')) {
          socket.destroy();
          return refuse();
        }
        callback(null, socket);
      });
    };
  }

  /** Resolves, then refuses the whole answer if any address is not public: the socket connects only
   *  to addresses this function returned, so what was checked is what is used. */
  private filteredLookup(hostname: string, options: object, done: LookupDone): void {
    const all = (options as LookupAllOptions).all === true;
    this.resolve(hostname, { ...options, all: true }, (err, result) => {
      if (err) return done(err, '', 0);
      const list = (Array.isArray(result) ? result : [{ address: result, family: 4 }]) as LookupAddress[];
      const first = list[0];
      if (!first || list.some((a) => this.classify(a.address) !== 'public')) {
        return done(new PolicyRefusal(refusalReason(hostname)), '', 0);
      }
      if (all) return (done as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      done(null, first.address, first.family);
    });
  }
}

type LookupDone = (err: NodeJS.ErrnoException | null, address: string, family: number) => void;

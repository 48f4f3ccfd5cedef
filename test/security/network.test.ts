// A pull request names image hosts, and a hostile registry names token realms. On a self-hosted runner
// inside a company network, neither may make the run reach internal addresses, and reasons must not
// tell an open internal port from a closed one. Hostile registries run on loopback; a resolver is
// injected where a DNS name is needed (no real DNS here), and, where a test needs a "public" address,
// the address classifier is told that one loopback address stands for one.
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AddressClass, classifyAddress } from '../../src/registry/net-policy.js';
import { tempDir } from '../helpers/tmp.js';
import { type FaultServer, startFaultServer } from '../registry/harness/fault-server.js';
import { opensslSelfSigned } from '../registry/harness/pki.js';
import { labChecker, target } from '../registry/helpers.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const servers: FaultServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function server(...args: Parameters<typeof startFaultServer>): Promise<FaultServer> {
  const s = await startFaultServer(...args);
  servers.push(s);
  return s;
}

/** A registry that answers every manifest with a digest: "public" if it is ever reached. */
const openRegistry: Parameters<typeof startFaultServer>[0] = (q, r) => {
  if (q.url === '/v2/') r.writeHead(200, { connection: 'close' }).end('{}');
  else r.writeHead(200, { 'docker-content-digest': DIGEST, connection: 'close' }).end('{}');
};

/** A port nothing listens on. */
function closedPort(address: string): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, address, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

describe('image hosts on internal addresses are not contacted unless allowed', () => {
  it('open and closed internal ports: no request, not-checked, reasons identical but for the host', async () => {
    const internal = await server(openRegistry, { address: '127.0.0.3' });
    const closed = `127.0.0.3:${await closedPort('127.0.0.3')}`;
    const checker = labChecker([]); // nothing allowed, nothing insecure
    const targets = [target(internal.host, 'x/y', '1'), target(closed, 'x/y', '1')];
    const verdicts = await checker.check(targets);
    await checker.close();
    expect(internal.requests).toEqual([]);
    const [open, shut] = targets.map((t) => verdicts.get(t.key)!);
    expect(open).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
    expect(shut).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
    expect(open!.reason).toMatch(/^not contacted: /);
    expect(open!.reason!.replaceAll(internal.host, 'H')).toBe(shut!.reason!.replaceAll(closed, 'H'));
  });

  it('--insecure-registry and --allow-registry let the vendor reach their own internal registry', async () => {
    const internal = await server(openRegistry, { address: '127.0.0.3' });
    const checker = labChecker([internal.host]);
    const t = target(internal.host, 'x/y', '1');
    const verdicts = await checker.check([t]);
    await checker.close();
    expect(verdicts.get(t.key)).toMatchObject({ status: 'public' });
  });
});

describe('token realms from a hostile registry', () => {
  it('a realm on an internal address is never asked, and nothing is relayed', async () => {
    const admin = await server((_q, r) => r.writeHead(200).end('{"token":"internal-admin-token"}'));
    const realm = `http://${admin.host}/internal/admin?action=delete`;
    const hostile = await server(
      (_q, r) => r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="x"` }).end(),
      { address: '127.0.0.2' },
    );
    // The vendor listed the hostile host (plain HTTP): that allows it, not the realm it names.
    const checker = labChecker([hostile.host]);
    const t = target(hostile.host, 'x/y', '1');
    const verdicts = await checker.check([t]);
    await checker.close();
    expect(admin.requests).toEqual([]);
    expect(hostile.requests.map((q) => q.authorization)).not.toContain('Bearer internal-admin-token');
    expect(verdicts.get(t.key)).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
    expect(verdicts.get(t.key)!.reason).toContain(`not contacted: ${admin.host}`);
  });
});

describe('DNS rebinding: the address checked is the address connected to', () => {
  let cert: { key: string; cert: string };
  beforeAll(() => {
    const dir = tempDir();
    const { keyPath, certPath } = opensslSelfSigned(dir, 'rebind', 'rebind.example', [
      '-addext',
      'subjectAltName=DNS:rebind.example',
    ]);
    cert = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  });

  it('public on the first lookup, 127.0.0.1 on the next: the internal server never sees a request', async () => {
    const outside = await server(openRegistry, { address: '127.0.0.2', tls: cert });
    const port = outside.host.split(':')[1]!;
    // The "internal" service on the same port of 127.0.0.1.
    const inside = await server(openRegistry, { address: '127.0.0.1', tls: cert, port: Number(port) });
    const answers: string[] = [];
    const lookup = ((_host: string, _opts: unknown, done: (e: null, a: LookupAddress[]) => void) => {
      const address = answers.length === 0 ? '127.0.0.2' : '127.0.0.1';
      answers.push(address);
      done(null, [{ address, family: 4 }]);
    }) as unknown as LookupFunction;
    const classify = (a: string): AddressClass => (a === '127.0.0.2' ? 'public' : classifyAddress(a));
    const checker = labChecker([], undefined, {
      insecureRegistries: [],
      network: { lookup, classify, ca: cert.cert },
    });
    const t = target(`rebind.example:${port}`, 'x/y', '1');
    const verdicts = await checker.check([t]);
    await checker.close();
    expect(outside.requests.map((q) => q.path)).toEqual(['/v2/']);
    expect(inside.requests).toEqual([]);
    expect(answers).toEqual(['127.0.0.2', '127.0.0.1']); // one lookup per connection, no second check
    expect(verdicts.get(t.key)).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
  });
});

describe('redirects and relays', () => {
  it('an allowed registry redirecting to an internal address: the target is never contacted', async () => {
    const internal = await server(openRegistry, { address: '127.0.0.3' });
    const redirector = await server(
      (q, r) => {
        if (q.url === '/v2/') return r.writeHead(200).end('{}');
        r.writeHead(307, { location: `http://${internal.host}/admin${q.url}` }).end();
      },
      { address: '127.0.0.2' },
    );
    const checker = labChecker([redirector.host]);
    const t = target(redirector.host, 'x/y', '1');
    const verdicts = await checker.check([t]);
    await checker.close();
    expect(internal.requests).toEqual([]);
    expect(verdicts.get(t.key)).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
  });

  it("one realm shared by two registries: neither registry ever receives the other's token", async () => {
    let issued = 0;
    const realm = await server((_q, r) => {
      issued++;
      r.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ token: `tok-${issued}` }),
      );
    });
    const registry = () =>
      server((q, r) => {
        const challenge = `Bearer realm="http://${realm.host}/token",service="shared"`;
        if (q.url === '/v2/') return r.writeHead(401, { 'www-authenticate': challenge }).end();
        if (q.headers.authorization?.startsWith('Bearer ')) {
          return r.writeHead(200, { 'docker-content-digest': DIGEST }).end('{}');
        }
        r.writeHead(401, { 'www-authenticate': challenge }).end();
      });
    const honest = await registry();
    const hostile = await registry();
    const checker = labChecker([honest.host, hostile.host]);
    await checker.check([target(honest.host, 'x/y', '1')]);
    await checker.check([target(hostile.host, 'x/y', '1')]);
    await checker.close();
    const tokens = (s: FaultServer) => new Set(s.requests.map((q) => q.authorization).filter(Boolean));
    const shared = [...tokens(hostile)].filter((t) => tokens(honest).has(t));
    expect(tokens(honest).size).toBeGreaterThan(0);
    expect(shared).toEqual([]);
  });
});

describe('address classes', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'private'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['8.8.8.8', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700::1111', 'public'],
  ])('%s is %s', (address, want) => {
    expect(classifyAddress(address)).toBe(want);
  });
});

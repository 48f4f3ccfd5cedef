// Fault campaign, transport faults: slow-loris headers and bodies, bodies that never end, and redirect
// loops. Each run uses small injected timeouts and must end within a stated bound with every image
// in a defined status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryCredentials } from '../../src/registry/auth.js';
import type { RegistryCheckerOptions } from '../../src/registry/checker.js';
import { Transport } from '../../src/registry/http.js';
import { runChecked } from './harness/campaign.js';
import { type FaultServer, startFaultServer } from './harness/fault-server.js';
import { endless, trickle } from './harness/faults.js';
import { credentials, labChecker, target } from './helpers.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const TIMEOUTS = { connectMs: 500, headersMs: 300, bodyMs: 300, perImageMs: 1_500 };
const RETRY = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 };
const FAST: Partial<RegistryCheckerOptions> = { timeouts: TIMEOUTS, retry: RETRY };
/** A complete answer whose header block (≈ 440 bytes, ≈ 9 s at 20 ms a byte) is trickled byte by byte. */
const SLOW_HEAD = `HTTP/1.1 200 OK\r\nX-Pad: ${'p'.repeat(300)}\r\nDocker-Content-Digest: ${DIGEST}\r\nContent-Length: 0\r\n\r\n`;
/**
 * undici's headers timeout is one timer for the whole header block (not reset per byte), but it runs on
 * undici's coarse "fast timers" (≈ 0.5 s ticks), so a 1 s limit fires after 1–1.5 s.
 */
const SLOW: Partial<RegistryCheckerOptions> = {
  timeouts: { ...TIMEOUTS, headersMs: 1_000, perImageMs: 5_000 },
  retry: RETRY,
};

type Route = (q: IncomingMessage, r: ServerResponse) => void;
let server: FaultServer;
let other: FaultServer;
const open: Route = (_q, r) => r.writeHead(200).end('{}');

function serve(manifest: Route, ping: Route = open, extra: Record<string, Route> = {}): void {
  server.requests.length = 0;
  server.handler = (q, r) => {
    const path = q.url ?? '';
    if (path === '/v2/') return ping(q, r);
    for (const [prefix, route] of Object.entries(extra)) if (path.startsWith(prefix)) return route(q, r);
    if (path.includes('/manifests/')) return manifest(q, r);
    r.writeHead(404).end();
  };
}

async function checkMany(
  n: number,
  overrides: Partial<RegistryCheckerOptions> = FAST,
  creds: RegistryCredentials = new Map(),
) {
  const targets = Array.from({ length: n }, (_, i) => target(server.host, `x/app${i}`, '1'));
  const run = await runChecked(labChecker([server.host, other.host], creds, overrides), targets);
  return { ...run, list: targets.map((t) => run.verdicts.get(t.key)!) };
}

beforeAll(async () => {
  server = await startFaultServer();
  other = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});

describe('slow loris', () => {
  it('manifest headers trickled a byte every 20 ms → unreachable at the headers timeout, per attempt', async () => {
    serve((q) => void trickle(q.socket, SLOW_HEAD, 20));
    const { list, elapsed } = await checkMany(3, SLOW);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `timed out waiting for ${server.host}`,
      });
    }
    // 2 attempts × (1 s + timer slack) + backoff; never the 9 s trickle nor the 5 s per-image limit.
    expect(elapsed).toBeLessThan(4_500);
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(3 * RETRY.attempts);
  });

  it('a trickled /v2/ ping makes every image of the host unreachable, with one shared ping', async () => {
    serve(
      (_q, r) => r.writeHead(200, { 'docker-content-digest': DIGEST }).end(),
      (q) => void trickle(q.socket, SLOW_HEAD, 20),
    );
    const { list, elapsed } = await checkMany(20, SLOW);
    expect(new Set(list.map((v) => v.reason))).toEqual(new Set([`timed out waiting for ${server.host}`]));
    expect(list.every((v) => v.status === 'unreachable')).toBe(true);
    expect(elapsed).toBeLessThan(4_500);
    expect(server.requests.filter((r) => r.path === '/v2/')).toHaveLength(RETRY.attempts);
    expect(server.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(0);
  });

  it('an error body trickled a byte every 20 ms (never idle) is cut at the per-image limit', async () => {
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(404).end();
      r.writeHead(404, { 'content-type': 'application/json' });
      r.flushHeaders();
      void trickle(r, `{"errors":[{"code":"MANIFEST_UNKNOWN"}]}${' '.repeat(10_000)}`, 20);
    });
    const { list, elapsed } = await checkMany(2);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `time limit reached talking to ${server.host}`,
      });
    }
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUTS.perImageMs - 50);
    expect(elapsed).toBeLessThan(TIMEOUTS.perImageMs + 700);
  });

  it('a trickled token response is cut at the per-image limit too', async () => {
    const realm = `${server.url}/token`;
    serve(
      (_q, r) => r.writeHead(200, { 'docker-content-digest': DIGEST }).end(),
      (_q, r) => r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end(),
      {
        '/token': (_q, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.flushHeaders();
          void trickle(r, `{"token":"${'t'.repeat(5_000)}"}`, 20);
        },
      },
    );
    const { list, elapsed } = await checkMany(4);
    for (const v of list) expect(v).toMatchObject({ status: 'unreachable', credentials: 'none' });
    expect(list[0]!.reason).toBe(`time limit reached talking to ${server.host}`);
    expect(elapsed).toBeLessThan(TIMEOUTS.perImageMs + 700);
    // The four scopes were asked for in one batched token request.
    expect(server.requests.filter((r) => r.path.startsWith('/token'))).toHaveLength(1);
  });
});

describe('endless bodies', () => {
  // Without a cap the client would read until the 10 s per-image limit (gigabytes over loopback).
  const PATIENT = { ...FAST, timeouts: { ...TIMEOUTS, bodyMs: 5_000, perImageMs: 10_000 } };

  it('an endless 404 error body is abandoned at the read cap → not-found, connection closed', async () => {
    const bodies: ReturnType<typeof endless>[] = [];
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(404).end();
      bodies.push(endless(r, 404, { 'content-type': 'application/json' }));
    });
    const { list, elapsed } = await checkMany(2, PATIENT);
    for (const v of list)
      expect(v).toEqual({ status: 'not-found', credentials: 'none', reason: `404 from ${server.host}` });
    await Promise.all(bodies.map((b) => b.closed));
    expect(bodies).toHaveLength(2);
    // Bytes the server got rid of: the client's 1 MiB read cap plus loopback socket buffers. Measured
    // ≈ 3.9 MiB per body with the 1 MiB cap (≈ 8.1–9.0 MiB with the former 4 MiB cap).
    for (const b of bodies) expect(b.written).toBeLessThan(6 * 1024 * 1024);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('an endless 200 manifest (HEAD without digest, then GET) → public, bounded', async () => {
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(200).end();
      endless(r, 200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
    });
    const { list, elapsed } = await checkMany(2, PATIENT);
    for (const v of list) expect(v).toEqual({ status: 'public', credentials: 'not-checked' });
    expect(elapsed).toBeLessThan(2_000);
  });

  it('an endless /v2/ body and an endless token response end bounded: open ping, invalid token', async () => {
    const realm = `${server.url}/token`;
    serve(
      (q, r) =>
        q.headers.authorization
          ? r.writeHead(200, { 'docker-content-digest': DIGEST }).end()
          : r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}"` }).end(),
      (_q, r) => void endless(r, 200, { 'content-type': 'application/json' }),
      {
        '/token': (_q, r) =>
          void endless(r, 200, { 'content-type': 'application/json' }, Buffer.alloc(65_536, ' ')),
      },
    );
    const { list, elapsed } = await checkMany(2, PATIENT);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `invalid token response from ${server.host}`,
      });
    }
    expect(elapsed).toBeLessThan(2_000);
  });

  it('keeps at most keepBody bytes of an endless body (transport level)', async () => {
    serve(open, (_q, r) => void endless(r, 200, {}, Buffer.alloc(16_384, 'x')));
    const transport = new Transport(2, TIMEOUTS, RETRY);
    try {
      const url = `${server.url}/v2/`;
      const base = { kind: 'get', method: 'GET', url, headers: {}, deadline: Date.now() + 5_000 } as const;
      for (const keepBody of [0, 1, 65_536, 1024 * 1024]) {
        const response = await transport.send({ ...base, keepBody });
        expect(response.status).toBe(200);
        expect(response.body.length).toBe(keepBody);
      }
    } finally {
      await transport.close();
    }
  });
});

describe('redirect loops', () => {
  it('10,000 self-redirects: stops after 5 hops → unreachable; at most 6 requests per image', async () => {
    serve((q, r) => {
      const hop = Number(new URL(q.url ?? '', server.url).searchParams.get('hop') ?? '0');
      if (hop >= 10_000) return r.writeHead(200, { 'docker-content-digest': DIGEST }).end();
      const path = (q.url ?? '').split('?')[0];
      r.writeHead(302, { location: `${path}?hop=${hop + 1}` }).end();
    });
    const { list, stats, elapsed } = await checkMany(5);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `more than 5 redirects from ${server.host}`,
      });
    }
    expect(server.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(5 * 6);
    expect(stats.redirects).toBe(5 * 5);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('ping-pong between two hosts with credentials: bounded, Authorization only ever to its own host', async () => {
    const bounce = (to: () => FaultServer) => (q: IncomingMessage, r: ServerResponse) =>
      r.writeHead(307, { location: `${to().url}${q.url}` }).end();
    other.requests.length = 0;
    other.handler = bounce(() => server);
    serve(
      (q, r) =>
        q.headers.authorization || q.url?.includes('anon')
          ? bounce(() => other)(q, r)
          : r.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end(),
      (_q, r) => r.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end(),
    );
    const creds = credentials({ [server.host]: ['robot', 'pong-secret-1'] });
    const { list } = await checkMany(2, FAST, creds);
    for (const v of list) {
      expect(v).toMatchObject({ status: 'unreachable', credentials: 'not-checked' });
      expect(v.reason).toBe(`more than 5 redirects from ${server.host}`);
    }
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  it('a redirect to a non-http scheme is refused without following it', async () => {
    serve((_q, r) => r.writeHead(301, { location: 'file:///etc/passwd' }).end());
    const { list } = await checkMany(1);
    expect(list[0]).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: `redirect from ${server.host} to unsupported scheme file:`,
    });
    expect(server.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(1);
  });
});

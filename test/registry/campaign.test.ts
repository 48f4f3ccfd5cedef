// Fault campaign, transport faults: slow-loris headers and bodies, bodies that never end, and redirect
// loops. Each case proves which mechanism ended the exchange (the verdict's reason, the number of
// requests, the server seeing the client hang up), never how fast: the injected timeouts are small
// next to "no timeout at all" (a trickle of many seconds, a body without end) but generous for a
// loaded machine, so the verdicts do not depend on load.
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
const TIMEOUTS = { connectMs: 5_000, headersMs: 5_000, bodyMs: 5_000, perImageMs: 20_000 };
const RETRY = { attempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 };
const FAST: Partial<RegistryCheckerOptions> = { timeouts: TIMEOUTS, retry: RETRY };
/**
 * A complete answer whose header block (≈ 1,040 bytes, ≥ 20 s at 20 ms a byte; load only slows the
 * trickle) is trickled byte by byte: it never idles, so only a timer for the whole block can cut it.
 */
const SLOW_HEAD = `HTTP/1.1 200 OK\r\nX-Pad: ${'p'.repeat(900)}\r\nDocker-Content-Digest: ${DIGEST}\r\nContent-Length: 0\r\n\r\n`;
/**
 * undici's headers timeout is one timer for the whole header block (not reset per byte). 2 s per
 * attempt × 2 attempts stays far below both the trickle and the per-image limit (60 s), so each
 * attempt must end with the headers timeout's own reason; without that timer the trickle would
 * complete and the image would be `public`.
 */
const SLOW: Partial<RegistryCheckerOptions> = {
  timeouts: { ...TIMEOUTS, headersMs: 2_000, perImageMs: 60_000 },
  retry: RETRY,
};
/**
 * For cuts by the per-image limit: a never-idle body (so the 60 s body timeout, reset per chunk,
 * cannot fire first) lasting ≥ 100 s, against a 4 s per-image limit.
 */
const PER_IMAGE: Partial<RegistryCheckerOptions> = {
  timeouts: { connectMs: 5_000, headersMs: 60_000, bodyMs: 60_000, perImageMs: 4_000 },
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
    const trickles: Promise<'done' | 'closed'>[] = [];
    serve((q) => void trickles.push(trickle(q.socket, SLOW_HEAD, 20)));
    const { list } = await checkMany(3, SLOW);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `timed out waiting for ${server.host}`,
      });
    }
    // Every attempt was cut by the headers timeout (the per-image limit would leave no second attempt
    // and say "time limit reached"), and the client hung up on every trickle before it was complete.
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(3 * RETRY.attempts);
    expect(await Promise.all(trickles)).toEqual(Array(3 * RETRY.attempts).fill('closed'));
  });

  it('a trickled /v2/ ping makes every image of the host unreachable, with one shared ping', async () => {
    const trickles: Promise<'done' | 'closed'>[] = [];
    serve(
      (_q, r) => r.writeHead(200, { 'docker-content-digest': DIGEST }).end(),
      (q) => void trickles.push(trickle(q.socket, SLOW_HEAD, 20)),
    );
    const { list } = await checkMany(20, SLOW);
    expect(new Set(list.map((v) => v.reason))).toEqual(new Set([`timed out waiting for ${server.host}`]));
    expect(list.every((v) => v.status === 'unreachable')).toBe(true);
    expect(server.requests.filter((r) => r.path === '/v2/')).toHaveLength(RETRY.attempts);
    expect(await Promise.all(trickles)).toEqual(Array(RETRY.attempts).fill('closed'));
    expect(server.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(0);
  });

  it('an error body trickled a byte every 20 ms (never idle) is cut at the per-image limit', async () => {
    const trickles: Promise<'done' | 'closed'>[] = [];
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(404).end();
      r.writeHead(404, { 'content-type': 'application/json' });
      r.flushHeaders();
      trickles.push(trickle(r, `{"errors":[{"code":"MANIFEST_UNKNOWN"}]}${' '.repeat(5_000)}`, 20));
    });
    const { list } = await checkMany(2, PER_IMAGE);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `time limit reached talking to ${server.host}`,
      });
    }
    // "time limit reached" is the per-image abort's own reason; the client hung up mid-body.
    expect(await Promise.all(trickles)).toEqual(['closed', 'closed']);
  });

  it('a trickled token response is cut at the per-image limit too', async () => {
    const trickles: Promise<'done' | 'closed'>[] = [];
    const realm = `${server.url}/token`;
    serve(
      (_q, r) => r.writeHead(200, { 'docker-content-digest': DIGEST }).end(),
      (_q, r) => r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end(),
      {
        '/token': (_q, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.flushHeaders();
          trickles.push(trickle(r, `{"token":"${'t'.repeat(5_000)}"}`, 20));
        },
      },
    );
    const { list } = await checkMany(4, PER_IMAGE);
    for (const v of list) expect(v).toMatchObject({ status: 'unreachable', credentials: 'none' });
    expect(list[0]!.reason).toBe(`time limit reached talking to ${server.host}`);
    expect(await Promise.all(trickles)).toEqual(['closed']);
    // The four scopes were asked for in one batched token request.
    expect(server.requests.filter((r) => r.path.startsWith('/token'))).toHaveLength(1);
  });
});

describe('endless bodies', () => {
  // Without a cap the client would read until the 30 s per-image limit (gigabytes over loopback) and
  // the verdict would say "time limit reached"; the cap is what gives the verdicts below.
  const PATIENT = { ...FAST, timeouts: { ...TIMEOUTS, bodyMs: 10_000, perImageMs: 30_000 } };

  it('an endless 404 error body is abandoned at the read cap → not-found, connection closed', async () => {
    const bodies: ReturnType<typeof endless>[] = [];
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(404).end();
      bodies.push(endless(r, 404, { 'content-type': 'application/json' }));
    });
    const { list } = await checkMany(2, PATIENT);
    for (const v of list)
      expect(v).toEqual({ status: 'not-found', credentials: 'none', reason: `404 from ${server.host}` });
    await Promise.all(bodies.map((b) => b.closed));
    expect(bodies).toHaveLength(2);
    // Bytes the server got rid of: the client's 1 MiB read cap plus loopback socket buffers. Measured
    // ≈ 3.9 MiB per body with the 1 MiB cap (≈ 8.1–9.0 MiB with the former 4 MiB cap).
    for (const b of bodies) expect(b.written).toBeLessThan(6 * 1024 * 1024);
  });

  it('an endless 200 manifest (HEAD without digest, then GET) → public, bounded', async () => {
    const bodies: ReturnType<typeof endless>[] = [];
    serve((q, r) => {
      if (q.method === 'HEAD') return r.writeHead(200).end();
      bodies.push(endless(r, 200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }));
    });
    const { list } = await checkMany(2, PATIENT);
    for (const v of list) expect(v).toEqual({ status: 'public', credentials: 'not-checked' });
    await Promise.all(bodies.map((b) => b.closed));
    for (const b of bodies) expect(b.written).toBeLessThan(6 * 1024 * 1024);
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
    const { list } = await checkMany(2, PATIENT);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `invalid token response from ${server.host}`,
      });
    }
  });

  it('keeps at most keepBody bytes of an endless body (transport level)', async () => {
    serve(open, (_q, r) => void endless(r, 200, {}, Buffer.alloc(16_384, 'x')));
    const transport = new Transport(2, TIMEOUTS, RETRY);
    try {
      const url = `${server.url}/v2/`;
      const base = { kind: 'get', method: 'GET', url, headers: {}, deadline: Date.now() + 30_000 } as const;
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
    const { list, stats } = await checkMany(5);
    for (const v of list) {
      expect(v).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `more than 5 redirects from ${server.host}`,
      });
    }
    expect(server.requests.filter((r) => r.path.includes('/manifests/'))).toHaveLength(5 * 6);
    expect(stats.redirects).toBe(5 * 5);
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

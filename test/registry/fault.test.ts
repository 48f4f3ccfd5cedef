// Faults a real registry will not produce on demand, against a loopback node:http server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryCredentials } from '../../src/registry/auth.js';
import { type FaultServer, startFaultServer } from './harness/fault-server.js';
import { credentials, labChecker, target } from './helpers.js';

const DIGEST = {
  'docker-content-digest': `sha256:${'a'.repeat(64)}`,
  'content-type': 'application/vnd.oci.image.manifest.v1+json',
};
const ok = (response: ServerResponse): void => {
  response.writeHead(200, DIGEST).end();
};
type Route = (request: IncomingMessage, response: ServerResponse, manifestHits: number) => void;

let server: FaultServer;
let other: FaultServer;

/** Serves `/v2/` as an open registry and hands manifest requests to `route` with a per-test counter. */
function serve(route: Route, ping: Route = (_q, r) => r.writeHead(200).end('{}')): void {
  let hits = 0;
  server.requests.length = 0;
  server.handler = (request, response) => {
    if (request.url === '/v2/') return ping(request, response, 0);
    if (request.url?.includes('/manifests/')) return route(request, response, ++hits);
    response.writeHead(404).end();
  };
}

async function checkOne(
  repository = 'x/app',
  overrides: Parameters<typeof labChecker>[2] = {},
  creds: RegistryCredentials = new Map(),
) {
  const checker = labChecker([server.host, other.host], creds, overrides);
  try {
    const t = target(server.host, repository, '1');
    const started = Date.now();
    const verdict = (await checker.check([t])).get(t.key);
    return { verdict, elapsed: Date.now() - started, stats: checker.stats(), checker };
  } finally {
    await checker.close();
  }
}

beforeAll(async () => {
  server = await startFaultServer();
  other = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
afterEach(() => {
  other.requests.length = 0;
});

describe('retries', () => {
  it('honours Retry-After on 429, then succeeds', async () => {
    serve((_q, r, n) => (n === 1 ? r.writeHead(429, { 'retry-after': '1' }).end() : ok(r)));
    const { verdict, elapsed, stats } = await checkOne();
    expect(verdict).toEqual({ status: 'public', credentials: 'not-checked' });
    // A lower bound only (the 20–100 ms backoff would retry far sooner): load can only lengthen it.
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(stats.retries).toBe(1);
  });

  it('429 after every retry → rate-limited, without waiting for a Retry-After beyond the cap', async () => {
    serve((_q, r) => r.writeHead(429, { 'retry-after': '3600' }).end());
    // Deadlines beyond the hour asked for: only the Retry-After cap (2 s here) stops the client from
    // waiting it out (the test would then run into its own timeout).
    const HOURS = 2 * 3_600_000;
    const { verdict, stats } = await checkOne('x/app', {
      timeouts: { connectMs: 5_000, headersMs: 5_000, bodyMs: 5_000, perImageMs: HOURS },
      budget: { timeoutMs: HOURS },
    });
    expect(verdict).toMatchObject({ status: 'rate-limited', credentials: 'none' });
    expect(verdict?.reason).toBe(`429 from ${server.host} after retries`);
    expect(stats.retries).toBe(0);
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(1);
  });

  it('429 without Retry-After is retried with backoff up to the attempt limit', async () => {
    serve((_q, r) => r.writeHead(429).end());
    const { verdict } = await checkOne();
    expect(verdict?.status).toBe('rate-limited');
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(3);
  });

  it('503 then success → public; 503 always → unreachable', async () => {
    serve((_q, r, n) => (n === 1 ? r.writeHead(503).end() : ok(r)));
    expect((await checkOne()).verdict?.status).toBe('public');
    serve((_q, r) => r.writeHead(503).end());
    const { verdict } = await checkOne();
    expect(verdict).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: `503 from ${server.host}`,
    });
  });

  it('a connection reset is retried; resets every time → unreachable', async () => {
    serve((q, r, n) => (n === 1 ? q.socket.destroy() : ok(r)));
    expect((await checkOne()).verdict?.status).toBe('public');
    serve((q) => q.socket.destroy());
    const { verdict } = await checkOne();
    expect(verdict).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: `connection reset by ${server.host}`,
    });
  });

  it('a server that hangs past the headers timeout → unreachable by that timeout, per attempt', async () => {
    serve(() => {});
    // 2 s per attempt against a 40 s per-image limit: the reason and the two attempts can only come
    // from the headers timeout (the per-image abort says "time limit reached" and is not retried).
    const { verdict } = await checkOne('x/app', {
      timeouts: { connectMs: 5_000, headersMs: 2_000, bodyMs: 2_000, perImageMs: 40_000 },
      retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 },
    });
    expect(verdict).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: `timed out waiting for ${server.host}`,
    });
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(2);
  });

  it('the per-image time limit bounds everything, retries included', async () => {
    serve(() => {});
    // 1,000 attempts of ≥ 1 s each (a headers timeout is retried) would take over 16 minutes; the
    // 8 s per-image limit leaves room for at most 8 attempt starts, since none starts past the
    // deadline and each lasts at least its 1 s timeout, however busy the machine.
    const { verdict } = await checkOne('x/app', {
      timeouts: { connectMs: 5_000, headersMs: 1_000, bodyMs: 1_000, perImageMs: 8_000 },
      retry: { attempts: 1_000, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 100 },
    });
    expect(verdict?.status).toBe('unreachable');
    // Cut mid-attempt by the per-image abort, or refused a retry that would end past the deadline.
    expect([
      `time limit reached talking to ${server.host}`,
      `timed out waiting for ${server.host}`,
    ]).toContain(verdict?.reason);
    const heads = server.requests.filter((r) => r.method === 'HEAD').length;
    expect(heads).toBeGreaterThanOrEqual(2);
    expect(heads).toBeLessThanOrEqual(9);
  });
});

describe('misbehaving registries', () => {
  it('connection refused → unreachable naming the host', async () => {
    const checker = labChecker(['127.0.0.1:9']);
    const t = target('127.0.0.1:9', 'x/app', '1');
    const verdict = (await checker.check([t])).get(t.key);
    await checker.close();
    expect(verdict).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: 'connection refused to 127.0.0.1:9',
    });
  });

  it('a malformed challenge → unreachable, without quoting the header', async () => {
    serve(
      (_q, r) => ok(r),
      (_q, r) => r.writeHead(401, { 'www-authenticate': 'Bearer realm="http://x/token' }).end(),
    );
    const { verdict } = await checkOne();
    expect(verdict?.status).toBe('unreachable');
    expect(verdict?.reason).toContain('malformed WWW-Authenticate header: ');
    expect(verdict?.reason).not.toContain('http://x/token'); // header values are never quoted
  });

  it('a garbage token response → unreachable', async () => {
    const realm = `${server.url}/token`;
    serve(
      (_q, r) => ok(r),
      (_q, r) => r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end(),
    );
    const route = server.handler;
    server.handler = (q, r, n) =>
      q.url?.startsWith('/token') ? r.writeHead(200).end('{"token": nope') : route(q, r, n);
    const { verdict } = await checkOne();
    expect(verdict).toEqual({
      status: 'unreachable',
      credentials: 'none',
      reason: `invalid token response from ${server.host}`,
    });
  });

  it('a garbage error body on 404 → not-found without a code', async () => {
    serve((_q, r) => r.writeHead(404, { 'content-type': 'application/json' }).end('{{{not json'));
    const { verdict } = await checkOne();
    expect(verdict).toEqual({ status: 'not-found', credentials: 'none', reason: `404 from ${server.host}` });
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'HEAD', 'GET']);
  });

  it('HEAD without a digest is confirmed with GET; never public on an unexplained HEAD', async () => {
    serve((q, r) => (q.method === 'HEAD' ? r.writeHead(200).end() : r.writeHead(401).end()));
    const { verdict } = await checkOne();
    expect(verdict).toMatchObject({ status: 'private', credentials: 'none' });
  });

  it('an open /v2/ with a protected repository: the repository challenge is answered', async () => {
    const realm = `${server.url}/token`;
    serve((q, r) =>
      q.headers.authorization === 'Bearer T'
        ? ok(r)
        : r
            .writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",scope="repository:x/app:pull"` })
            .end(),
    );
    const route = server.handler;
    server.handler = (q, r, n) =>
      q.url?.startsWith('/token') ? r.writeHead(200).end('{"access_token":"T"}') : route(q, r, n);
    const { verdict, checker } = await checkOne();
    expect(verdict).toEqual({ status: 'public', credentials: 'not-checked' });
    expect(server.requests.find((r) => r.path.startsWith('/token'))?.path).toContain(
      'scope=repository%3Ax%2Fapp%3Apull',
    );
    expect(checker.secrets()).toContain('T');
  });
});

describe('credentials', () => {
  it('follows a redirect to another host without forwarding Authorization', async () => {
    other.handler = (_q, r) => ok(r);
    serve(
      (q, r) =>
        q.headers.authorization
          ? r.writeHead(307, { location: `${other.url}/blobs/manifest` }).end()
          : r.writeHead(401, { 'www-authenticate': 'Basic realm="fault"' }).end(),
      (_q, r) => r.writeHead(401, { 'www-authenticate': 'Basic realm="fault"' }).end(),
    );
    const creds = credentials({ [server.host]: ['user', 'hunter22'] });
    const { verdict, checker } = await checkOne('x/app', {}, creds);
    expect(verdict).toMatchObject({ status: 'private', credentials: 'ok' });
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.requests.every((r) => r.authorization === undefined)).toBe(true);
    expect(server.requests.some((r) => r.authorization?.startsWith('Basic '))).toBe(true);
    // Reasons and logs never carry a secret.
    const text = `${JSON.stringify(verdict)}\n${checker.logger.lines.join('\n')}`;
    for (const secret of checker.secrets()) expect(text).not.toContain(secret);
    expect(checker.secrets()).toEqual(expect.arrayContaining(['hunter22', 'user:hunter22']));
  });
});

describe('scheduling', () => {
  it('deduplicates identical references and keeps requests in flight within the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    serve((_q, r) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        ok(r);
      }, 30);
    });
    const checker = labChecker([server.host], new Map(), { concurrency: 3 });
    const targets = Array.from({ length: 12 }, (_, i) => target(server.host, `x/app${i}`, '1'));
    const duplicate = { ...targets[0]!, key: 'another spelling of app0' };
    const verdicts = await checker.check([...targets, ...targets, duplicate]);
    await checker.close();
    expect(verdicts.size).toBe(13);
    expect([...verdicts.values()].every((v) => v.status === 'public')).toBe(true);
    expect(server.requests.filter((r) => r.method === 'HEAD')).toHaveLength(12);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(1);
  });
});

// Fault campaign, rate limits: 1,000 images on a registry (or a token realm) that answers 429 to
// everything. Every image must end `rate-limited`, requests in flight must stay within the
// concurrency, and the total number of requests has an exact bound, stated below. The exact counts
// are the bound (no clock): a client that waited, looped or retried more would show in them. The
// transport timeouts are generous so a busy machine cannot turn a slow 429 into a timeout + retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecked } from './harness/campaign.js';
import { type FaultServer, startFaultServer } from './harness/fault-server.js';
import { InFlightMeter } from './harness/faults.js';
import { credentials, labChecker, target } from './helpers.js';

const IMAGES = 1_000;
const CONCURRENCY = 16;
const OPTIONS = {
  concurrency: CONCURRENCY,
  timeouts: { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000, perImageMs: 60_000 },
  retry: { attempts: 3, baseDelayMs: 2, maxDelayMs: 8, maxRetryAfterMs: 20 },
};

let server: FaultServer;
let meter: InFlightMeter;
const targets = () => Array.from({ length: IMAGES }, (_, i) => target(server.host, `rl/img${i}`, 'v1'));
/** 429 after a short delay (so requests overlap), counted by the meter. */
const slow429 =
  (headers: Record<string, string>) => (done: () => void, respond: (h: Record<string, string>) => void) =>
    setTimeout(() => {
      done();
      respond(headers);
    }, 2);

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

describe('1,000 images hitting 429', () => {
  it('manifest 429s: all rate-limited, ≤ concurrency in flight, exactly 2,333 requests', {
    timeout: 180_000,
  }, async () => {
    meter = new InFlightMeter();
    server.requests.length = 0;
    // A third of the images get a Retry-After beyond the 20 ms cap (no retry), a third "0" and a
    // third none (both retried up to the 3-attempt limit).
    const kinds: Record<string, string>[] = [{ 'retry-after': '3600' }, { 'retry-after': '0' }, {}];
    server.handler = (q, r) => {
      if (q.url === '/v2/') return void r.writeHead(200).end('{}');
      const n = Number(/img(\d+)/.exec(q.url ?? '')?.[1]);
      const leave = meter.enter();
      slow429(kinds[n % 3]!)(leave, (h) =>
        r.writeHead(429, h).end('{"errors":[{"code":"TOOMANYREQUESTS"}]}'),
      );
    };
    const list = targets();
    const run = await runChecked(labChecker([server.host], new Map(), OPTIONS), list);
    for (const t of list) {
      expect(run.verdicts.get(t.key)).toEqual({
        status: 'rate-limited',
        credentials: 'none',
        reason: `429 from ${server.host} after retries`,
      });
    }
    // Bound: 1 ping + Σ per image (1 if Retry-After > cap, else `attempts` = 3) HEADs; no GET, no pass 2.
    const noRetry = list.filter((_, i) => i % 3 === 0).length; // 334
    const expected = 1 + noRetry + (IMAGES - noRetry) * OPTIONS.retry.attempts; // 2,333
    expect(server.requests).toHaveLength(expected);
    expect(server.requests.filter((r) => r.method === 'GET' && r.path !== '/v2/')).toHaveLength(0);
    expect(run.stats.retries).toBe((IMAGES - noRetry) * (OPTIONS.retry.attempts - 1));
    expect(meter.peak).toBeLessThanOrEqual(CONCURRENCY);
    expect(meter.peak).toBeGreaterThan(1);
  });

  it('token realm 429s, with credentials: both passes rate-limited, only batched token requests', {
    timeout: 180_000,
  }, async () => {
    meter = new InFlightMeter();
    server.requests.length = 0;
    const realm = `${server.url}/token`;
    server.handler = (q, r) => {
      if (q.url === '/v2/')
        return void r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="s"` }).end();
      const leave = meter.enter();
      slow429({})(leave, (h) => r.writeHead(429, h).end());
    };
    const creds = credentials({ [server.host]: ['robot', 'rl-secret-42'] });
    const list = targets();
    const run = await runChecked(labChecker([server.host], creds, OPTIONS), list);
    for (const t of list) {
      expect(run.verdicts.get(t.key)).toEqual({
        status: 'rate-limited',
        credentials: 'not-checked',
        reason: `429 from ${server.host} token endpoint after retries with credentials`,
      });
    }
    const tokenRequests = server.requests.filter((r) => r.path.startsWith('/token'));
    // 1,000 scopes of ~30 characters fit the 6,000-character URL limit in 6 batches (same URLs for
    // both identities).
    const batches = new Set(tokenRequests.map((r) => r.path)).size;
    expect(batches).toBe(6);
    // Bound: 1 ping + 2 identities × 6 batches × 3 attempts = 37; no manifest request at all. A failed
    // batch is cached, so the other 999 images of a batch ask nothing.
    expect(tokenRequests).toHaveLength(2 * batches * OPTIONS.retry.attempts);
    expect(server.requests).toHaveLength(1 + 2 * batches * OPTIONS.retry.attempts);
    expect(tokenRequests.filter((r) => r.authorization === undefined)).toHaveLength(18);
    expect(tokenRequests.filter((r) => r.authorization?.startsWith('Basic '))).toHaveLength(18);
    expect(meter.peak).toBeLessThanOrEqual(CONCURRENCY);
  });
});

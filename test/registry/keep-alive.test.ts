// Connections and scheduling of the registry transport, against loopback registries that count TCP
// connections: every request (HEAD included) reuses its connection, so a 600-image run opens at most
// the per-host limit per registry; a server dropping its idle keep-alive sockets costs retries, never
// a verdict; each registry has its own queue, so one that is slow or answers 429 never holds up
// another; and a Retry-After pauses its whole host. Assertions are on counts and on the order of
// events the servers see, never on durations.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckTarget } from '../../src/model.js';

const DEFAULT_PER_HOST_CONCURRENCY = 16;

import { credentials, labChecker, target } from './helpers.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const PUBLIC = { status: 'public', credentials: 'not-checked' };

interface Registry {
  host: string;
  connections: number;
  /** Sockets that take one more request and then drop it unanswered (an idle close crossing it). */
  stale: Set<Socket>;
  sockets: Set<Socket>;
  dropped: number;
  handle: (q: IncomingMessage, r: ServerResponse) => void;
  close(): Promise<void>;
}

/** An open registry: `/v2/` 200, every manifest HEAD 200 with a digest, unless `handle` is replaced. */
async function startRegistry(): Promise<Registry> {
  const registry: Registry = {
    host: '',
    connections: 0,
    stale: new Set(),
    sockets: new Set(),
    dropped: 0,
    handle: (_q, r) => found(r),
    close: async () => {},
  };
  const server: Server = createServer((q, r) => {
    if (registry.stale.delete(q.socket)) {
      registry.dropped++;
      q.socket.destroy();
      return;
    }
    if (q.url === '/v2/') return void r.writeHead(200).end('{}');
    registry.handle(q, r);
  });
  server.on('connection', (socket: Socket) => {
    registry.connections++;
    registry.sockets.add(socket);
    socket.once('close', () => registry.sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  registry.host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  registry.close = () =>
    new Promise((done) => {
      for (const socket of registry.sockets) socket.destroy();
      server.close(() => done());
    });
  return registry;
}

const found = (r: ServerResponse): void =>
  void r.writeHead(200, { 'docker-content-digest': DIGEST, 'content-length': '0' }).end();

const images = (host: string, prefix: string, n: number): CheckTarget[] =>
  Array.from({ length: n }, (_, i) => target(host, `${prefix}/img${i}`, '1'));

const started: Registry[] = [];
const registry = async (): Promise<Registry> => {
  const r = await startRegistry();
  started.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.close()));
});

describe('keep-alive', () => {
  it('600 images on two registries: at most the per-host limit of connections each', async () => {
    const [a, b] = [await registry(), await registry()];
    const checker = labChecker([a.host, b.host], new Map(), { concurrency: 64 });
    const list = [...images(a.host, 'a', 300), ...images(b.host, 'b', 300)];
    const verdicts = await checker.check(list);
    const stats = checker.stats();
    await checker.close();
    for (const t of list) expect(verdicts.get(t.key)).toEqual(PUBLIC);
    // 2 pings + 600 HEADs, over no more connections than the per-host limit per registry.
    expect(stats.requests).toBe(602);
    expect(a.connections).toBeGreaterThan(0);
    expect(a.connections).toBeLessThanOrEqual(DEFAULT_PER_HOST_CONCURRENCY);
    expect(b.connections).toBeLessThanOrEqual(DEFAULT_PER_HOST_CONCURRENCY);
    expect(stats.peakByHost[a.host]).toBeLessThanOrEqual(DEFAULT_PER_HOST_CONCURRENCY);
    expect(stats.peak).toBeLessThanOrEqual(64);
  });

  it('a registry dropping its idle keep-alive sockets costs retries, not verdicts', async () => {
    const a = await registry();
    const checker = labChecker([a.host], new Map(), {
      concurrency: 8,
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 40, maxRetryAfterMs: 100 },
    });
    const first = images(a.host, 'first', 40);
    const before = await checker.check(first);
    // Every open connection is now idle; the server drops each one as the next request arrives on it.
    for (const socket of a.sockets) a.stale.add(socket);
    const idle = a.stale.size;
    const second = images(a.host, 'second', 40);
    const after = await checker.check(second);
    const stats = checker.stats();
    await checker.close();
    expect(idle).toBeGreaterThan(0);
    expect(a.dropped).toBe(idle);
    for (const t of first) expect(before.get(t.key)).toEqual(PUBLIC);
    for (const t of second) expect(after.get(t.key)).toEqual(PUBLIC);
    expect(stats.retries).toBe(idle);
  });
});

describe('per-host queues', () => {
  it('a registry that holds every answer does not delay another', async () => {
    const [slow, fast] = [await registry(), await registry()];
    const events: string[] = [];
    const held: (() => void)[] = [];
    let fastAnswered = 0;
    const FAST = 30;
    let released = false;
    const release = (why: string): void => {
      if (released) return;
      released = true;
      events.push(`release: ${why}`);
      for (const answer of held.splice(0)) answer();
    };
    slow.handle = (_q, r) => {
      if (released) return found(r);
      held.push(() => found(r));
    };
    fast.handle = (_q, r) => {
      found(r);
      if (++fastAnswered === FAST) release('fast registry done');
    };
    // A liveness fallback only: without per-host queues the fast registry never gets its turn.
    const fallback = setTimeout(() => release('fallback'), 10_000);
    const checker = labChecker([slow.host, fast.host], new Map(), {
      concurrency: 16,
      perHostConcurrency: 8,
    });
    // The slow registry's images come first: a single shared queue would fill with them.
    const list = [...images(slow.host, 'slow', 100), ...images(fast.host, 'fast', FAST)];
    const verdicts = await checker.check(list);
    clearTimeout(fallback);
    const stats = checker.stats();
    await checker.close();
    expect(events).toEqual(['release: fast registry done']);
    for (const t of list) expect(verdicts.get(t.key)).toEqual(PUBLIC);
    expect(stats.peakByHost[slow.host]).toBeLessThanOrEqual(8);
    expect(stats.peak).toBeLessThanOrEqual(16);
  });

  it('a 429 with Retry-After pauses that registry only, and only once for all its requests', async () => {
    const [limited, other] = [await registry(), await registry()];
    const PER_HOST = 4;
    // Answers 429 (Retry-After: 3) to its first manifest request and 200 to all others. Requests that
    // arrive within 2.9 s of that 429 can only be those already in flight when it came back: the
    // pause holds every later one past the window (load only delays them further). Without the pause,
    // the other probes would go on at once and dozens of requests would land in the window.
    let firstLimit: number | undefined;
    let inWindow = 0;
    let otherDoneBeforeResume: boolean | undefined;
    let otherAnswered = 0;
    limited.handle = (_q, r) => {
      const now = Date.now();
      if (firstLimit === undefined) {
        firstLimit = now;
        return void r.writeHead(429, { 'retry-after': '3' }).end();
      }
      if (now - firstLimit < 2_900) inWindow++;
      else otherDoneBeforeResume ??= otherAnswered === 20;
      found(r);
    };
    other.handle = (_q, r) => {
      otherAnswered++;
      found(r);
    };
    const checker = labChecker([limited.host, other.host], new Map(), {
      concurrency: 8,
      perHostConcurrency: PER_HOST,
      retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 40, maxRetryAfterMs: 5_000 },
    });
    const list = [...images(limited.host, 'limited', 40), ...images(other.host, 'other', 20)];
    const verdicts = await checker.check(list);
    await checker.close();
    for (const t of list) expect(verdicts.get(t.key)).toEqual(PUBLIC);
    // Only requests already admitted when the 429 came back were answered during the pause.
    expect(firstLimit).toBeDefined();
    expect(inWindow).toBeLessThanOrEqual(PER_HOST - 1);
    // The other registry was served in full while the limited one was paused.
    expect(otherDoneBeforeResume).toBe(true);
  });
});

describe('the two passes', () => {
  it("a private image's credentialed probe follows its anonymous one, not the run's last", async () => {
    const a = await registry();
    const events: string[] = [];
    // Images under priv/ need credentials (a Basic challenge to the anonymous HEAD); pub/ ones do not.
    a.handle = (q, r) => {
      const path = (q.url ?? '').replace(/^\/v2\/|\/manifests\/1$/g, '');
      events.push(`${q.headers.authorization ? 'credentials' : 'anonymous'} ${path}`);
      if (path.startsWith('priv/') && !q.headers.authorization) {
        return void r.writeHead(401, { 'www-authenticate': 'Basic realm="lab"' }).end();
      }
      found(r);
    };
    // One request at a time makes the order of events the schedule itself.
    const checker = labChecker([a.host], credentials({ [a.host]: ['reader', 'secret'] }), {
      concurrency: 1,
      perHostConcurrency: 1,
    });
    const list = [...images(a.host, 'priv', 1), ...images(a.host, 'pub', 3)];
    const verdicts = await checker.check(list);
    await checker.close();
    expect(verdicts.get(list[0]!.key)).toMatchObject({ status: 'private', credentials: 'ok' });
    for (const t of list.slice(1)) expect(verdicts.get(t.key)).toEqual(PUBLIC);
    expect(events).toEqual([
      'anonymous priv/img0',
      'credentials priv/img0',
      'anonymous pub/img0',
      'anonymous pub/img1',
      'anonymous pub/img2',
    ]);
  });
});

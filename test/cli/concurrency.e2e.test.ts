// --concurrency-per-registry end to end: the CLI passes the limit to the registry checker, so two
// loopback registries each see at most that many manifest requests in flight and that many TCP
// connections, while the two together go above it (the global cap is a separate, larger number).
// The servers hold every manifest answer until the client has shown how many requests it keeps in
// flight (or a generous fallback fires at the end of a run), so the counts do not depend on timing.
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGES_PER_REGISTRY = 20;
/** Held answers are released when one registry has this many manifest requests in flight, or both
 *  together have the lab's `totalRelease`, or FALLBACK_MS after the last arrival (only the tail of
 *  a run ever waits for that). */
const HOST_RELEASE = 3;
const FALLBACK_MS = 1_500;

interface Registry {
  host: string;
  connections: number;
  inFlight: number;
  peak: number;
}

interface Lab {
  registries: Registry[];
  /** Most manifest requests in flight at once across both registries. */
  peakTotal: number;
  close(): Promise<void>;
}

async function startLab(count: number, totalRelease: number): Promise<Lab> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const held: (() => void)[] = [];
  let fallback: NodeJS.Timeout | undefined;
  let total = 0;
  const lab: Lab = { registries: [], peakTotal: 0, close: async () => {} };
  const releaseAll = (): void => {
    clearTimeout(fallback);
    for (const answer of held.splice(0)) answer();
  };
  for (let i = 0; i < count; i++) {
    const registry: Registry = { host: '', connections: 0, inFlight: 0, peak: 0 };
    const server = createServer((q, r) => {
      if (q.url === '/v2/') return void r.writeHead(200).end('{}');
      registry.inFlight++;
      total++;
      registry.peak = Math.max(registry.peak, registry.inFlight);
      lab.peakTotal = Math.max(lab.peakTotal, total);
      held.push(() => {
        registry.inFlight--;
        total--;
        r.writeHead(200, { 'docker-content-digest': DIGEST, 'content-length': '0' }).end();
      });
      if (registry.inFlight >= HOST_RELEASE || total >= totalRelease) releaseAll();
      else {
        clearTimeout(fallback);
        fallback = setTimeout(releaseAll, FALLBACK_MS);
      }
    });
    server.on('connection', (socket: Socket) => {
      registry.connections++;
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    registry.host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    servers.push(server);
    lab.registries.push(registry);
  }
  lab.close = async () => {
    releaseAll();
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done()))));
  };
  return lab;
}

/** One Deployment whose named containers run IMAGES_PER_REGISTRY images from each registry. */
function release(hosts: string[]): string {
  const containers = hosts.flatMap((host, h) =>
    Array.from(
      { length: IMAGES_PER_REGISTRY },
      (_, i) => `        - name: c${h}-${i}\n          image: "${host}/team/app${i}:1"\n`,
    ),
  );
  const root = tempDir();
  writeTree(root, {
    'manifests/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
${containers.join('')}`,
  });
  return root;
}

const labs: Lab[] = [];
afterEach(async () => {
  await Promise.all(labs.splice(0).map((l) => l.close()));
});

async function scan(perRegistry: string, totalRelease: number): Promise<Lab> {
  const lab = await startLab(2, totalRelease);
  labs.push(lab);
  const hosts = lab.registries.map((r) => r.host);
  const root = release(hosts);
  const run = await runCli(
    root,
    'scan',
    '--app-slug',
    'acme',
    '--report',
    '-',
    '--concurrency-per-registry',
    perRegistry,
    ...hosts.flatMap((h) => ['--insecure-registry', h]),
  );
  expect(run.stderr).not.toMatch(/error:/i);
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { images: Array<{ status: string }> };
  expect(report.images).toHaveLength(2 * IMAGES_PER_REGISTRY);
  for (const image of report.images) expect(image.status).toBe('public');
  return lab;
}

describe('--concurrency-per-registry reaches the registry checker', () => {
  it('with 2, each registry sees at most 2 requests in flight and 2 connections', async () => {
    const lab = await scan('2', 4);
    for (const registry of lab.registries) {
      expect(registry.peak).toBe(2);
      expect(registry.connections).toBeGreaterThan(0);
      expect(registry.connections).toBeLessThanOrEqual(2);
    }
    // The global cap (16 by default) is not the per-registry one: both registries are served at once.
    expect(lab.peakTotal).toBe(4);
  }, 60_000);

  it('with 8, a registry gets more than 2 at once (the servers above would notice)', async () => {
    // Released only by one registry's count: two registries at 2 each would not release it.
    const lab = await scan('8', Number.POSITIVE_INFINITY);
    for (const registry of lab.registries) expect(registry.peak).toBeGreaterThanOrEqual(HOST_RELEASE);
  }, 60_000);
});

// The latency benchmark's network emulation (TLS terminator behind a delay proxy) must pass bytes
// through unchanged and in order, in both directions, propagate a half-close, verify as the
// certificate's IP, and count every connection a client opens (the benchmark reports that count).
// Delays are not asserted: timing under a loaded machine is not a test.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DelayProxy, startDelayProxy } from '../../bench/lib/delay-proxy.mjs';
import { startTlsTerminator, type TlsTerminator } from '../../bench/lib/tls-terminator.mjs';
import { opensslSelfSigned } from '../registry/harness/pki.js';

let dir: string;
let echo: Server;
let terminator: TlsTerminator;
let proxy: DelayProxy;
let ca: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kots-proxy-front-'));
  const tls = opensslSelfSigned(dir, 'tls', '127.0.0.1', ['-addext', 'subjectAltName=IP:127.0.0.1']);
  ca = readFileSync(tls.certPath);
  // Echoes every byte back and answers the half-close with "END".
  echo = createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
    socket.on('end', () => socket.end('END'));
  });
  await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
  const address = echo.address();
  const echoPort = typeof address === 'object' && address ? address.port : 0;
  terminator = await startTlsTerminator({ ...tls, targetPort: echoPort });
  proxy = await startDelayProxy({ targetPort: terminator.port, delayMs: 5 });
});

afterAll(async () => {
  await proxy?.close();
  await terminator?.close();
  await new Promise((done) => echo?.close(done));
  rmSync(dir, { recursive: true, force: true });
});

/** Sends `chunks` over one TLS connection through the proxy, half-closes, returns all it read. */
function exchange(chunks: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: proxy.port, ca }, () => {
      for (const chunk of chunks) socket.write(chunk);
      socket.end();
    });
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => {
      received += data;
    });
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('latency benchmark front', () => {
  it.each([
    { name: 'one chunk', chunks: ['GET /v2/ HTTP/1.1\r\n\r\n'] },
    { name: 'many small chunks, order kept', chunks: Array.from({ length: 50 }, (_, i) => `${i},`) },
    { name: 'a large chunk', chunks: ['x'.repeat(200_000)] },
  ])('passes $name through TLS and back intact, then the half-close', async ({ chunks }) => {
    expect(await exchange(chunks)).toBe(`${chunks.join('')}END`);
  });

  it('counts one connection per client connection', async () => {
    const before = proxy.connections();
    await Promise.all([exchange(['a']), exchange(['b']), exchange(['c'])]);
    expect(proxy.connections() - before).toBe(3);
  });

  it('refuses a client that does not trust the certificate', async () => {
    const failure = new Promise<Error>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: proxy.port }, () => resolve(new Error('trusted')));
      socket.on('error', resolve);
    });
    expect((await failure).message).toMatch(/self[- ]signed/i);
  });
});

// A TCP proxy on 127.0.0.1 that holds every chunk for `delayMs` in each direction, so a round trip
// through it costs 2 × delayMs, as on a real network. A userspace proxy cannot delay the kernel's
// TCP handshake (connect() completes at once on loopback), so the first bytes from the client are
// held for one extra round trip: a TLS ClientHello sent right after connect then arrives 1.5 RTT
// after the SYN, exactly when it would over a real link. Order within a direction is kept.
import { createConnection, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** Forwards `from` to `to`, each chunk (and the end) no earlier than `delayMs` after it arrived. */
function delayedPipe(from, to, delayMs, notBefore) {
  const queue = [];
  let timer = null;
  const pump = () => {
    timer = null;
    const now = performance.now();
    while (queue.length > 0 && queue[0].due <= now) {
      const { chunk } = queue.shift();
      if (to.destroyed) return;
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    if (queue.length > 0) timer = setTimeout(pump, queue[0].due - now);
  };
  const push = (chunk) => {
    queue.push({ due: Math.max(performance.now() + delayMs, notBefore), chunk });
    if (timer === null) timer = setTimeout(pump, Math.max(0, queue[0].due - performance.now()));
  };
  from.on('data', push);
  from.on('end', () => push(null));
  // A reset travels as slowly as data does.
  from.on('close', (hadError) => {
    if (hadError) setTimeout(() => to.destroy(), delayMs);
  });
}

/**
 * Starts the proxy in front of 127.0.0.1:`targetPort`. `connections()` counts the TCP connections
 * clients opened through it (how well a client reuses its sockets).
 */
export function startDelayProxy({ targetPort, delayMs = 40 }) {
  let opened = 0;
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => {
    opened++;
    const acceptedAt = performance.now();
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort, allowHalfOpen: true });
    upstream.setNoDelay(true);
    track(client);
    track(upstream);
    // The SYN/SYN-ACK round trip the kernel skipped, then the one-way delay of the data itself.
    delayedPipe(client, upstream, delayMs, acceptedAt + 3 * delayMs);
    delayedPipe(upstream, client, delayMs, 0);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        connections: () => opened,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

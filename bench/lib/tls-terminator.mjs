// A TLS terminator on 127.0.0.1: accepts TLS with the given key and certificate and forwards the
// plain bytes to 127.0.0.1:`targetPort` (a registry or token server that speaks plain HTTP/1.1).
// No ALPN is offered, so clients speak HTTP/1.1 as they would to a TLS-fronted docker-registry.
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { createServer } from 'node:tls';

export function startTlsTerminator({ keyPath, certPath, targetPort }) {
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = createServer(
    { key: readFileSync(keyPath), cert: readFileSync(certPath), allowHalfOpen: true },
    (secure) => {
      const plain = createConnection({ host: '127.0.0.1', port: targetPort, allowHalfOpen: true });
      plain.setNoDelay(true);
      track(secure);
      track(plain);
      secure.pipe(plain);
      plain.pipe(secure);
      const drop = () => {
        secure.destroy();
        plain.destroy();
      };
      secure.on('error', drop);
      plain.on('error', drop);
    },
  );
  // Raw sockets are tracked too, so close() also ends connections still in (or failed at) the handshake.
  server.on('connection', track);
  // A failed handshake (a client that does not trust the certificate) is the client's error to
  // report; with this listener Node leaves the socket open, so it is dropped here.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

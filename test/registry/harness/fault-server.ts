// A loopback HTTP server for what a real registry will not do on demand (429, 503, resets, hangs,
// garbage, malformed challenges, cross-host redirects). Tests swap `handler`; every request's method,
// path and headers are recorded so tests can assert what was (not) sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';

/** @public */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  accept?: string;
}

export type FaultHandler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

export interface FaultServer {
  host: string;
  url: string;
  requests: RecordedRequest[];
  handler: FaultHandler;
  close(): Promise<void>;
}

export interface FaultServerOptions {
  /** Loopback address to listen on (default 127.0.0.1; 127.0.0.2 makes "another host"). */
  address?: string;
  /** Serve HTTPS with this PEM key and certificate. */
  tls?: { key: string; cert: string };
  /** Port to listen on (default: any free one). */
  port?: number;
}

export function startFaultServer(
  handler: FaultHandler = (_q, r) => r.writeHead(404).end(),
  options: FaultServerOptions = {},
): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const state: FaultServer = { host: '', url: '', requests: [], handler, close: async () => {} };
  const address = options.address ?? '127.0.0.1';
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    state.requests.push({
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization,
      accept: request.headers.accept,
    });
    state.handler(request, response, state.requests.length);
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(options.port ?? 0, address, () => {
      const bound = server.address();
      const port = typeof bound === 'object' && bound ? bound.port : 0;
      state.host = `${address}:${port}`;
      state.url = `${options.tls ? 'https' : 'http'}://${state.host}`;
      state.close = () =>
        new Promise((done) => {
          for (const socket of sockets) socket.destroy();
          server.close(() => done());
        });
      resolve(state);
    });
  });
}

/** A handler that forwards everything to `target` (a real registry), for recording what is sent. */
export function forwardTo(target: string): FaultHandler {
  return (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
      }
      const upstream = await fetch(`${target}${request.url}`, {
        method: request.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
        redirect: 'manual',
      });
      const out: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection')
          out[name] = value;
      });
      response.writeHead(upstream.status, out);
      response.end(Buffer.from(await upstream.arrayBuffer()));
    });
  };
}

// Scripted misbehaviour for the fault campaign: bytes trickled onto a socket (slow loris), bodies that
// never end, self-signed certificates (openssl) for HTTPS on 127.0.0.1, and an in-flight meter.

import { mkdtempSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslSelfSigned } from './pki.js';
import { requireTool } from './tools.js';

/** A raw socket or a response: anything bytes can be dribbled onto. */
export interface Drip {
  destroyed: boolean;
  write(chunk: Buffer): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/** Writes `text` one byte every `intervalMs` (raw socket: header bytes; response: body chunks). */
export function trickle(socket: Drip, text: string, intervalMs: number): Promise<'done' | 'closed'> {
  const bytes = Buffer.from(text);
  return new Promise((resolve) => {
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed) {
        clearInterval(timer);
        resolve('closed');
      } else if (i >= bytes.length) {
        clearInterval(timer);
        resolve('done');
      } else {
        socket.write(bytes.subarray(i, ++i));
      }
    }, intervalMs);
    socket.once('close', () => {
      clearInterval(timer);
      resolve('closed');
    });
  });
}

export interface EndlessBody {
  /** Bytes handed to the socket (accepted by the kernel or buffered) before the client hung up. */
  written: number;
  /** Resolves when the client closed the connection. */
  closed: Promise<void>;
}

/** Starts a chunked 200/404/… answer whose body never ends; stops only when the client disconnects. */
export function endless(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  chunk = Buffer.alloc(64 * 1024, '{'),
): EndlessBody {
  const state: EndlessBody = { written: 0, closed: Promise.resolve() };
  state.closed = new Promise((resolve) => {
    response.socket?.once('close', () => resolve());
    response.once('close', () => resolve());
  });
  let open = true;
  void state.closed.then(() => {
    open = false;
  });
  response.writeHead(status, headers);
  const pump = (): void => {
    while (open && !response.destroyed) {
      state.written += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
  };
  pump();
  return state;
}

export interface Certificate {
  dir: string;
  keyPath: string;
  certPath: string;
  key: string;
  cert: string;
}

/** A self-signed certificate for 127.0.0.1 (and 127.0.0.2), valid two days. */
export function selfSignedCertificate(cn = 'kots-proxy-campaign'): Certificate {
  requireTool('openssl');
  const dir = mkdtempSync(join(tmpdir(), 'kots-proxy-tls-'));
  const { keyPath, certPath } = opensslSelfSigned(dir, 'tls', cn, [
    '-addext',
    'subjectAltName=IP:127.0.0.1,IP:127.0.0.2',
  ]);
  return { dir, keyPath, certPath, key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

/** Counts requests being served at once; `peak` is the most seen. */
export class InFlightMeter {
  current = 0;
  peak = 0;
  total = 0;

  enter(): () => void {
    this.current++;
    this.total++;
    this.peak = Math.max(this.peak, this.current);
    let left = false;
    return () => {
      if (!left) {
        left = true;
        this.current--;
      }
    };
  }
}

// Types for tls-terminator.mjs (the benchmark runs as plain JavaScript; tests import it from TypeScript).
export interface TlsTerminator {
  port: number;
  close(): Promise<void>;
}
export function startTlsTerminator(options: {
  keyPath: string;
  certPath: string;
  targetPort: number;
}): Promise<TlsTerminator>;

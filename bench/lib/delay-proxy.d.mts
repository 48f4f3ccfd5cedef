// Types for delay-proxy.mjs (the benchmark runs as plain JavaScript; tests import it from TypeScript).
export interface DelayProxy {
  port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}
export function startDelayProxy(options: { targetPort: number; delayMs?: number }): Promise<DelayProxy>;

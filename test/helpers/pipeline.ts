// Shared inputs for tests that run the pipeline or the planner directly.
import type { Logger, RunOptions } from '../../src/model.js';

export const SILENT: Logger = { info: () => {}, debug: () => {}, warning: () => {} };

/** Offline options for app `acme` with no registry lists; `extra` overrides any field. */
export function offlineOptions(extra: Partial<RunOptions> = {}): RunOptions {
  return {
    appSlug: 'acme',
    proxyDomain: 'proxy.replicated.com',
    proxyDomainExplicit: false,
    privateRegistries: [],
    publicRegistries: [],
    insecureRegistries: [],
    allowRegistries: [],
    offline: true,
    concurrency: 4,
    timeoutS: 120,
    root: '.',
    outDir: 'kots-proxy',
    ...extra,
  };
}

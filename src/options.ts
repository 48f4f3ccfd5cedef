// The settings the CLI flags and the action inputs share: their defaults, the shapes of user-given
// values, and the one builder of RunOptions. Each shell names its own option in error messages.
import { type RunOptions, UsageError } from './model.js';

export const DEFAULT_PROXY_DOMAIN = 'proxy.replicated.com';
export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_OUT_DIR = 'kots-proxy';
/** Seconds the registry phase may take in all; images not reached by then are not checked. */
export const DEFAULT_TIMEOUT_S = 120;
const MAX_TIMEOUT_S = 86_400;

/** The lowest finding level that fails the run, or `never`. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value);
}

/** `HOST[:PORT]`: a DNS name or bracketed IPv6 address, no scheme or path. */
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?$/;

/** A KOTS application slug: lowercase letters, digits and inner dashes. */
const APP_SLUG = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** `value` when it is a HOST[:PORT]; else a UsageError naming `what` (e.g. `--proxy-domain`), with
 *  `hint` appended to the message. */
export function parseHost(what: string, value: string, hint = ''): string {
  if (!HOST_PORT.test(value))
    throw new UsageError(`${what} ${JSON.stringify(value)} is not a HOST[:PORT]${hint}`);
  return value;
}

/** `value` when it is an application slug; else a UsageError naming `what`. */
export function parseAppSlug(what: string, value: string): string {
  if (!APP_SLUG.test(value)) {
    throw new UsageError(`${what} ${JSON.stringify(value)} must be lowercase letters, digits and dashes`);
  }
  return value;
}

/** `value` when it is a whole number of seconds from 1 to 86400; else a UsageError naming `what`. */
export function parseTimeoutSeconds(what: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TIMEOUT_S) {
    throw new UsageError(
      `${what} must be a whole number of seconds from 1 to ${MAX_TIMEOUT_S}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** What a shell has read from its user; absent values take the defaults above. */
export interface RunSettings {
  appSlug: string;
  proxyDomain?: string;
  registryDomain?: string;
  privateRegistries: string[];
  publicRegistries: string[];
  insecureRegistries: string[];
  /** Hosts that may resolve to internal addresses (loopback, private, link-local). */
  allowRegistries?: string[];
  offline?: boolean;
  concurrency?: number;
  /** Seconds for the whole registry phase (default DEFAULT_TIMEOUT_S). */
  timeoutS?: number;
  /** Release paths must resolve inside this directory, relative to the working directory (default `.`). */
  root?: string;
  /** Relative to the working directory, `/` separators. */
  outDir: string;
}

export function buildRunOptions(s: RunSettings): RunOptions {
  return {
    appSlug: s.appSlug,
    proxyDomain: s.proxyDomain ?? DEFAULT_PROXY_DOMAIN,
    proxyDomainExplicit: s.proxyDomain !== undefined,
    ...(s.registryDomain ? { registryDomain: s.registryDomain } : {}),
    privateRegistries: s.privateRegistries,
    publicRegistries: s.publicRegistries,
    insecureRegistries: s.insecureRegistries,
    allowRegistries: s.allowRegistries ?? [],
    offline: s.offline ?? false,
    concurrency: s.concurrency ?? DEFAULT_CONCURRENCY,
    timeoutS: s.timeoutS ?? DEFAULT_TIMEOUT_S,
    root: s.root ?? '.',
    outDir: s.outDir,
  };
}

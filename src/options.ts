// The settings the CLI flags and the action inputs share: their defaults, the shapes of user-given
// values, and the one builder of RunOptions. Each shell names its own option in error messages.
import { type RunOptions, UsageError } from './model.js';

export const DEFAULT_PROXY_DOMAIN = 'proxy.replicated.com';
/** Registry requests in flight at once, across all registries (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 64;
/** Registry requests in flight at once to one registry, when the global cap is not lower. */
export const DEFAULT_PER_REGISTRY_CONCURRENCY = 16;
const MAX_CONCURRENCY = 256;
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

/** `value` when it is a whole number from 1 to 256; else a UsageError naming `what`. */
function parseConcurrency(what: string, value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new UsageError(
      `${what} must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** The per-registry limit that applies when the user names none: never above the global cap. */
export function defaultPerRegistryConcurrency(concurrency: number): number {
  return Math.min(DEFAULT_PER_REGISTRY_CONCURRENCY, concurrency);
}

export interface ConcurrencyOptionNames {
  /** How the shell names the global cap in messages (`--concurrency`, `input concurrency`). */
  global: string;
  perRegistry: string;
}

export interface Concurrency {
  concurrency: number;
  perRegistryConcurrency: number;
}

/** The global cap and the per-registry limit from the user's values (undefined: the default).
 *  A per-registry limit given above the global cap is a UsageError rather than quietly lowered: the
 *  user asked for more requests to one registry than the whole run may send, and should pick which
 *  of the two numbers they meant. */
export function parseConcurrencies(
  names: ConcurrencyOptionNames,
  global: string | undefined,
  perRegistry: string | undefined,
): Concurrency {
  const concurrency = global === undefined ? DEFAULT_CONCURRENCY : parseConcurrency(names.global, global);
  if (perRegistry === undefined) {
    return { concurrency, perRegistryConcurrency: defaultPerRegistryConcurrency(concurrency) };
  }
  const perRegistryConcurrency = parseConcurrency(names.perRegistry, perRegistry);
  if (perRegistryConcurrency > concurrency) {
    const source = global === undefined ? ', its default' : '';
    throw new UsageError(
      `${names.perRegistry} ${perRegistryConcurrency} is above ${names.global} (${concurrency}${source}): ` +
        `one registry cannot have more requests in flight than all of them together`,
    );
  }
  return { concurrency, perRegistryConcurrency };
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
  /** Registry requests in flight in total (default DEFAULT_CONCURRENCY). */
  concurrency?: number;
  /** Registry requests in flight to one registry (default: defaultPerRegistryConcurrency). */
  perRegistryConcurrency?: number;
  /** Seconds for the whole registry phase (default DEFAULT_TIMEOUT_S). */
  timeoutS?: number;
  /** Release paths must resolve inside this directory, relative to the working directory (default `.`). */
  root?: string;
  /** Relative to the working directory, `/` separators. */
  outDir: string;
  /** The helm binary to render charts with; absent: `helm` on PATH. */
  helmPath?: string;
  charts?: RunOptions['charts'];
}

export function buildRunOptions(s: RunSettings): RunOptions {
  const concurrency = s.concurrency ?? DEFAULT_CONCURRENCY;
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
    concurrency,
    perRegistryConcurrency: s.perRegistryConcurrency ?? defaultPerRegistryConcurrency(concurrency),
    timeoutS: s.timeoutS ?? DEFAULT_TIMEOUT_S,
    root: s.root ?? '.',
    outDir: s.outDir,
    ...(s.helmPath ? { helmPath: s.helmPath } : {}),
    ...(s.charts?.length ? { charts: s.charts } : {}),
  };
}

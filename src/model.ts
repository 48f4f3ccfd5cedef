// The data that flows between the pipeline's stages (see architecture: walk → parse → extract → check →
// plan → render → publish): positions and findings, registry verdicts, the report, run options and
// the adapters' interfaces. What the scanner produces is in model-scan.ts, what the planner decides
// in model-plan.ts. Every type here is plain data: no methods, no I/O handles, so each stage can be
// tested with literals and the report can be serialised deterministically.

import type { Level, RuleId } from './rules.js';

export type { Level, RuleId };

/** 1-based line and column of the first character of a value (its opening quote if quoted). */
export interface SourcePos {
  /** Relative to the working directory, `/` separators. For a file inside a chart archive:
   *  `<archive>!<path in archive>`. */
  file: string;
  line: number;
  column: number;
}

export interface Finding extends SourcePos {
  rule: RuleId;
  level: Level;
  message: string;
}

/** @public */
export type ImageStatus =
  | 'public'
  | 'private'
  | 'not-found'
  | 'unreachable'
  | 'rate-limited'
  | 'unknown'
  | 'dynamic';

/** @public */
export type CredentialsVerdict = 'ok' | 'rejected' | 'none' | 'not-checked';

/** What the registry check concluded for one normalized reference. */
export interface AccessVerdict {
  status: Exclude<ImageStatus, 'dynamic'>;
  credentials: CredentialsVerdict;
  /** One line explaining a non-public verdict, e.g. `401 from 127.0.0.1:5002 (insufficient_scope)`.
   *  Never contains a credential. */
  reason?: string;
}

/** One image of the JSON report. */
export interface ReportImage {
  image: string;
  normalized?: string;
  status: ImageStatus;
  credentials: CredentialsVerdict;
  proxy: string | null;
  /** Why the image got a non-public status, one line (a documented addition to the report). */
  reason?: string;
  locations: SourcePos[];
}

export interface Report {
  version: 1;
  appSlug: string;
  proxyDomain: string;
  images: ReportImage[];
  findings: Finding[];
  /** Paths of generated files, relative to the working directory, `/` separators. */
  generated: string[];
}

/** A file to write under the output directory; `path` is relative to the working directory. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Settings every stage after the scan needs; built once from CLI flags or action inputs. */
export interface RunOptions {
  appSlug: string;
  proxyDomain: string;
  /** Set when the user gave --proxy-domain; otherwise the Application's proxyRegistryDomain may apply. */
  proxyDomainExplicit: boolean;
  registryDomain?: string;
  privateRegistries: string[];
  publicRegistries: string[];
  insecureRegistries: string[];
  /** Hosts that may resolve to internal addresses; every other host must resolve to a public one. */
  allowRegistries: string[];
  offline: boolean;
  /** Registry requests in flight at once, across all registries. */
  concurrency: number;
  /** Registry requests in flight at once to any one registry (at most `concurrency`). */
  perRegistryConcurrency: number;
  /** Seconds the registry phase may take in all. */
  timeoutS: number;
  /** Release paths whose real path lies outside this directory (relative to the working directory)
   *  are skipped, never read. */
  root: string;
  outDir: string;
  /** `--helm PATH` / input `helm`: the helm binary to render charts with (else `helm` on PATH). */
  helmPath?: string;
  /** `.replicated` `charts:`: chart directories (paths relative to the working directory, globs
   *  allowed) packaged as KOTS receives them and scanned as chart archives. */
  charts?: Array<{ path: string; chartVersion?: string; appVersion?: string }>;
}

/** Structured progress and diagnostics; the CLI writes to stderr, the action to the job log. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}

/** A user mistake (bad flag, unreadable file): exit 2 / setFailed with this message. Bugs are other errors. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One image the registry check must classify, keyed by its normalized reference string. */
export interface CheckTarget {
  /** Normalized reference, e.g. `docker.io/library/nginx:1.25` or `quay.io/a/b@sha256:…`. */
  key: string;
  /** Registry host as normalized (`docker.io`, `127.0.0.1:5000`); the client maps docker.io to its API host. */
  domain: string;
  /** Repository path on that registry, e.g. `library/nginx`. */
  repository: string;
  /** Digest when the reference has one (it decides what is pulled), else the tag. */
  reference: string;
}

/** The registry adapter: the only stage that talks to the network. */
export interface RegistryChecker {
  check(targets: CheckTarget[]): Promise<Map<string, AccessVerdict>>;
}

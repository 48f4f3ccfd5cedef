// Image references by the rules of distribution/reference v0.6 (domain.md §3), which KOTS uses.
// Pure: text in, data out.

/** A parsed reference, keeping what was written: no normalization is applied here. */
export interface ImageReference {
  /** Domain (with port) as written; undefined when the reference names none. */
  domain?: string;
  /** Repository path as written, e.g. `nginx`, `library/nginx`, `org/api`. */
  path: string;
  tag?: string;
  /** `alg:hex`. */
  digest?: string;
}

export type ParseResult = { ok: true; ref: ImageReference } | { ok: false; reason: string };

/** Parses and validates; `reason` says what is wrong in one sentence (e.g. "repository path must be lowercase"). */
export function parseReference(_text: string): ParseResult {
  throw new Error('not implemented');
}

/** Inverse of parseReference: `[domain/]path[:tag][@digest]`. */
export function formatReference(_ref: ImageReference): string {
  throw new Error('not implemented');
}

/** docker.io default domain, `library/` for single-component Docker Hub paths, index.docker.io → docker.io.
 *  Does not add a tag. Idempotent. */
export function normalizeReference(_ref: ImageReference): Required<Pick<ImageReference, 'domain'>> & ImageReference {
  throw new Error('not implemented');
}

/** The fully qualified string for the report: normalized, with `:latest` when neither tag nor digest. */
export function normalizedString(_ref: ImageReference): string {
  throw new Error('not implemented');
}

/** `[domain/]path` exactly as written: what kustomize's `images[].name` must match and what KOTS proxies. */
export function nameAsWritten(_ref: ImageReference): string {
  throw new Error('not implemented');
}

/** KOTS's MakeProxiedImageURL: `<proxyDomain>/proxy/<appSlug>/<name as written>` (no tag, no digest). */
export function proxyImageName(_ref: ImageReference, _proxyDomain: string, _appSlug: string): string {
  throw new Error('not implemented');
}

/** For a Docker Hub image, every spelling KOTS writes a kustomize entry for (domain.md §1); [] otherwise. */
export function dockerHubSpellings(_ref: ImageReference): string[] {
  throw new Error('not implemented');
}

/** The host that serves the distribution API for a normalized domain (docker.io → registry-1.docker.io). */
export function registryApiHost(_domain: string): string {
  throw new Error('not implemented');
}

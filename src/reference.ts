// Image references by the rules of distribution/reference v0.6 (github.com/distribution/reference), which KOTS uses.
// Pure: text in, data out.
//
// Acceptance follows `reference.ParseNormalizedNamed` (what KOTS calls), including go-digest's check of
// the digest, with one deliberate difference: Go accepts a first component such as `a_b.c/x` (it has a
// `.` so it is not a Docker Hub path, yet it is no valid host either) as a reference with an empty
// domain; we reject it, since no client can pull it.

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

const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const LIBRARY = 'library/';
/** RepositoryNameTotalLengthMax: applies to the path after normalization (`library/` included). */
const MAX_PATH_LENGTH = 255;
const MAX_TAG_LENGTH = 128;

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_LABEL = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const TAG = /^\w[\w.-]*$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** The algorithms go-digest knows, with the exact hex length each requires. Others are "unsupported". */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
/** A bare image ID; ParseNormalizedNamed refuses it as a name. */
const IMAGE_ID = /^[a-f0-9]{64}$/;

/** Quotes a value for a reason sentence, shortened so a huge input cannot flood a report. */
function show(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value);
}

function fail(reason: string): ParseResult {
  return { ok: false, reason };
}

/** The first component names a registry when it has `.` or `:`, is `localhost`, or has an uppercase
 *  letter (distribution v0.6 splitDockerDomain). Otherwise the reference is a Docker Hub path. */
function isDomainComponent(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first;
}

function checkPath(path: string): string | undefined {
  if (path === '') return 'repository name is empty';
  if (/[A-Z]/.test(path)) return 'repository name must be lowercase';
  for (const component of path.split('/')) {
    if (component === '') return `repository name ${show(path)} has an empty path component`;
    if (!PATH_COMPONENT.test(component)) {
      return `path component ${show(component)} is invalid: use lowercase letters and digits, separated by ".", "_", "__" or dashes`;
    }
  }
  return undefined;
}

function checkTag(tag: string): string | undefined {
  if (tag === '') return 'tag is empty';
  if (!TAG.test(tag)) {
    return `tag ${show(tag)} is invalid: it must start with a letter, digit or "_" and contain only those, "." and "-"`;
  }
  if (tag.length > MAX_TAG_LENGTH) return `tag ${show(tag)} is longer than ${MAX_TAG_LENGTH} characters`;
  return undefined;
}

function checkDigest(digest: string): string | undefined {
  if (digest === '') return 'digest is empty';
  if (!DIGEST.test(digest)) return `invalid digest ${show(digest)}: expected <algorithm>:<hex>`;
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) ? DIGEST_HEX_LENGTH[algorithm] : undefined;
  if (length === undefined)
    return `unsupported digest algorithm ${show(algorithm)}: use sha256, sha384 or sha512`;
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    return `invalid digest: ${algorithm} needs exactly ${length} lowercase hexadecimal characters`;
  }
  return undefined;
}

/** Why a host that matches the grammar still cannot be contacted: a port above 65535 (or 0), or a
 *  name the WHATWG URL parser (which the HTTP client uses) refuses. Pure: URL parsing does no I/O. */
function unusableHost(domain: string): string | undefined {
  const port = /:(\d+)$/.exec(domain)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return `registry host ${show(domain)} has port ${show(port)}: ports run from 1 to 65535`;
  }
  try {
    const url = new URL(`https://${domain}/`);
    if (url.username || url.password || url.pathname !== '/') throw new Error('not a bare host');
  } catch {
    return `registry host ${show(domain)} is not a usable host name or address`;
  }
  return undefined;
}

/** Parses and validates; `reason` says what is wrong in one sentence (e.g. "repository path must be lowercase").
 *  Never throws. */
export function parseReference(text: string): ParseResult {
  if (typeof text !== 'string' || text === '') return fail('image reference is empty');
  if (/\s/.test(text)) return fail('image reference contains whitespace');
  if (text.includes('://')) return fail('image reference must not contain a URL scheme ("://")');
  if (IMAGE_ID.test(text))
    return fail('a 64-character hexadecimal string is an image ID, not a repository name');

  // '@' appears nowhere but before the digest; ':' after the last '/' can only start the tag (a port is
  // always followed by '/').
  const at = text.indexOf('@');
  if (at !== -1 && text.indexOf('@', at + 1) !== -1)
    return fail('image reference contains more than one "@"');
  const beforeDigest = at === -1 ? text : text.slice(0, at);
  const digest = at === -1 ? undefined : text.slice(at + 1);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag = colon > beforeDigest.lastIndexOf('/');
  const name = hasTag ? beforeDigest.slice(0, colon) : beforeDigest;
  const tag = hasTag ? beforeDigest.slice(colon + 1) : undefined;

  if (name === '') return fail('repository name is empty');
  const slash = name.indexOf('/');
  const first = slash === -1 ? name : name.slice(0, slash);
  const domain = slash !== -1 && isDomainComponent(first) ? first : undefined;
  const path = domain === undefined ? name : name.slice(slash + 1);

  if (domain !== undefined && !DOMAIN.test(domain)) {
    return fail(
      `registry host ${show(domain)} is not a valid host name, IPv4 or [IPv6] address with optional :port`,
    );
  }
  const hostProblem = domain === undefined ? undefined : unusableHost(domain);
  if (hostProblem !== undefined) return fail(hostProblem);
  const pathProblem = checkPath(path);
  if (pathProblem !== undefined) return fail(pathProblem);
  const ref: ImageReference = domain === undefined ? { path } : { domain, path };
  if (normalizeReference(ref).path.length > MAX_PATH_LENGTH) {
    return fail(`repository name is longer than ${MAX_PATH_LENGTH} characters`);
  }
  if (tag !== undefined) {
    const tagProblem = checkTag(tag);
    if (tagProblem !== undefined) return fail(tagProblem);
    ref.tag = tag;
  }
  if (digest !== undefined) {
    const digestProblem = checkDigest(digest);
    if (digestProblem !== undefined) return fail(digestProblem);
    ref.digest = digest;
  }
  return { ok: true, ref };
}

/** Inverse of parseReference: `[domain/]path[:tag][@digest]`. */
export function formatReference(ref: ImageReference): string {
  return (
    nameAsWritten(ref) +
    (ref.tag !== undefined ? `:${ref.tag}` : '') +
    (ref.digest !== undefined ? `@${ref.digest}` : '')
  );
}

/** docker.io default domain, `library/` for single-component Docker Hub paths, index.docker.io → docker.io.
 *  Does not add a tag. Idempotent. */
export function normalizeReference(
  ref: ImageReference,
): Required<Pick<ImageReference, 'domain'>> & ImageReference {
  const domain = ref.domain === undefined || ref.domain === LEGACY_DOCKER_HUB ? DOCKER_HUB : ref.domain;
  const path = domain === DOCKER_HUB && !ref.path.includes('/') ? LIBRARY + ref.path : ref.path;
  const out: Required<Pick<ImageReference, 'domain'>> & ImageReference = { domain, path };
  if (ref.tag !== undefined) out.tag = ref.tag;
  if (ref.digest !== undefined) out.digest = ref.digest;
  return out;
}

/** The fully qualified string for the report: normalized, with `:latest` when neither tag nor digest. */
export function normalizedString(ref: ImageReference): string {
  const n = normalizeReference(ref);
  const tag = n.tag === undefined && n.digest === undefined ? 'latest' : n.tag;
  return formatReference({ ...n, tag });
}

/** `[domain/]path` exactly as written: what kustomize's `images[].name` must match and what KOTS proxies. */
export function nameAsWritten(ref: ImageReference): string {
  return ref.domain === undefined ? ref.path : `${ref.domain}/${ref.path}`;
}

/** KOTS's MakeProxiedImageURL: `<proxyDomain>/proxy/<appSlug>/<name as written>` (no tag, no digest). */
export function proxyImageName(ref: ImageReference, proxyDomain: string, appSlug: string): string {
  return `${proxyDomain}/proxy/${appSlug}/${nameAsWritten(ref)}`;
}

/** True when the image lives on Docker Hub (no domain, `docker.io` or `index.docker.io`). */
export function isDockerHub(ref: ImageReference): boolean {
  return normalizeReference(ref).domain === DOCKER_HUB;
}

/** For a Docker Hub image, every spelling KOTS writes a kustomize entry for (replicatedhq/kots pkg/image); [] otherwise.
 *  Official images (`library/x`): `docker.io/library/x`, `library/x`, `x`, `docker.io/x`; other images:
 *  `docker.io/org/x`, `org/x`. The name as written comes last when it is none of these (e.g.
 *  `index.docker.io/...`). No duplicates, fixed order. */
export function dockerHubSpellings(ref: ImageReference): string[] {
  if (!isDockerHub(ref)) return [];
  const { path } = normalizeReference(ref);
  const official = path.startsWith(LIBRARY) && !path.slice(LIBRARY.length).includes('/');
  const spellings = official
    ? [
        `${DOCKER_HUB}/${path}`,
        path,
        path.slice(LIBRARY.length),
        `${DOCKER_HUB}/${path.slice(LIBRARY.length)}`,
      ]
    : [`${DOCKER_HUB}/${path}`, path];
  const written = nameAsWritten(ref);
  if (!spellings.includes(written)) spellings.push(written);
  return spellings;
}

/** The host that serves the distribution API for a normalized domain (docker.io → registry-1.docker.io).
 *  `index.docker.io` is accepted as well; every other domain is returned unchanged. */
export function registryApiHost(domain: string): string {
  return domain === DOCKER_HUB || domain === LEGACY_DOCKER_HUB ? DOCKER_HUB_API : domain;
}

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * The key a registry host is known by, in credentials files, host lists and verdicts: lowercase
 * `host[:port]` without scheme or path, every Docker Hub spelling folded into `docker.io`.
 * `https://index.docker.io/v1/` → `docker.io`.
 */
export function canonicalRegistryHost(value: string): string {
  let host = value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = host.indexOf('/');
  if (slash >= 0) host = host.slice(0, slash);
  host = host.toLowerCase();
  return HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}

// Credentials from the `--registry-auth` file / `registry-auth` input (docs/interface.md): every form a
// Docker `config.json` entry can take, parsed in this one place. Pure: text in, data out. Nothing here
// ever puts a secret into an error message.

import { UsageError } from '../../model.js';
import { canonicalRegistryHost } from '../../reference.js';
import { invalidJsonOffset, lineColumn } from '../json-position.js';

/**
 * One read-only credential. `rawAuth` is the `auth` string as written, kept only so it can be masked.
 * - `basic`: `auth` (base64 of user:password) or `username`/`password`.
 * - `identity-token`: `identitytoken`, an OAuth2 refresh token that `docker login` stores next to an
 *   `auth` of `user:` (identity-token.ts trades it at the token realm for an access token).
 * - `registry-token`: `registrytoken`, a bearer token sent to the registry as it is.
 */
export type RegistryCredential =
  | { kind: 'basic'; username: string; password: string; rawAuth?: string }
  | { kind: 'identity-token'; username: string; identityToken: string; rawAuth?: string }
  | { kind: 'registry-token'; registryToken: string; rawAuth?: string };

/** Credentials keyed by canonical registry host (see canonicalRegistryHost). */
export type RegistryCredentials = ReadonlyMap<string, RegistryCredential>;

function usage(source: string, message: string): UsageError {
  return new UsageError(`${source}: ${message}`);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the input, which may hold secrets: report only a position.
    const offset = invalidJsonOffset(text) ?? text.length;
    const { line, column } = lineColumn(text, offset);
    throw usage(source, `invalid JSON at line ${line} column ${column} (position ${offset})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeAuth(auth: string, source: string, host: string): { username: string; password: string } {
  const compact = auth.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length === 0) {
    throw usage(source, `"auths.${host}.auth" is not base64 of "user:password"`);
  }
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) throw usage(source, `"auths.${host}.auth" does not decode to "user:password"`);
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function parseEntry(entry: unknown, source: string, host: string): RegistryCredential {
  if (!isObject(entry))
    throw usage(source, `"auths.${host}" must be an object with "auth" or "username"/"password"`);
  const { auth, username, password, identitytoken, registrytoken } = entry;
  const rawAuth = nonEmpty(auth) ? auth : undefined;
  // The same order as go-containerregistry's bearer transport: a registry token is used as it is, an
  // identity token before any password.
  if (nonEmpty(registrytoken)) {
    return { kind: 'registry-token', registryToken: registrytoken, ...(rawAuth ? { rawAuth } : {}) };
  }
  if (nonEmpty(identitytoken)) {
    const user = rawAuth !== undefined ? decodeAuth(rawAuth, source, host).username : username;
    if (!nonEmpty(user)) {
      throw usage(
        source,
        `"auths.${host}" has an "identitytoken" but no user: it needs "auth" (base64 of user:) or "username" next to it`,
      );
    }
    return {
      kind: 'identity-token',
      username: user,
      identityToken: identitytoken,
      ...(rawAuth ? { rawAuth } : {}),
    };
  }
  if (rawAuth !== undefined) return { kind: 'basic', ...decodeAuth(rawAuth, source, host), rawAuth };
  if (typeof username === 'string' && username !== '' && typeof password === 'string') {
    return { kind: 'basic', username, password };
  }
  throw usage(
    source,
    `"auths.${host}" needs "auth" (base64 of user:password), "username" and "password", "identitytoken" or "registrytoken"`,
  );
}

/** Two spellings of one registry may repeat a credential, never disagree (`rawAuth` aside). */
function sameCredential(a: RegistryCredential, b: RegistryCredential): boolean {
  const { rawAuth: _a, ...left } = a;
  const { rawAuth: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Parses `{"auths":{"HOST":{…}}}` with any entry form of RegistryCredential; the top-level map
 * `{"HOST":{...}}` is accepted too. `source` names the file or input in errors.
 * Empty text means no credentials. Throws UsageError on anything malformed.
 */
/** A Docker config that keeps its secrets in a credential helper (`credsStore`, `credHelpers`) has
 *  empty `auths` entries; say so rather than complain about the entries. */
function rejectCredentialHelpers(document: Record<string, unknown>, auths: unknown, source: string): void {
  const helpers = ['credsStore', 'credHelpers'].filter((k) => k in document);
  if (helpers.length === 0) return;
  const entries = isObject(auths) ? Object.values(auths) : [];
  const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const usable =
    entries.length > 0 &&
    entries.every(
      (e) =>
        isObject(e) &&
        (filled(e.auth) || filled(e.username) || filled(e.identitytoken) || filled(e.registrytoken)),
    );
  if (usable) return;
  throw usage(
    source,
    `${helpers.map((h) => `"${h}"`).join(' and ')} (Docker credential helpers) are not supported: the secrets live in the helper, not in this file. ` +
      'Put "auths" entries with "auth" (base64 of user:password) or "username" and "password" in a file of their own',
  );
}

export function parseRegistryAuth(text: string, source: string): RegistryCredentials {
  const credentials = new Map<string, RegistryCredential>();
  if (text.trim() === '') return credentials;
  const document = parseJson(text, source);
  if (!isObject(document)) throw usage(source, 'expected a JSON object like {"auths":{"HOST":{"auth":"…"}}}');
  const auths = 'auths' in document ? document.auths : document;
  rejectCredentialHelpers(document, auths, source);
  if (!isObject(auths)) throw usage(source, '"auths" must be an object keyed by registry host');
  for (const [key, entry] of Object.entries(auths)) {
    const host = canonicalRegistryHost(key);
    if (host === '') throw usage(source, `registry key "${key}" names no host`);
    const credential = parseEntry(entry, source, host);
    const earlier = credentials.get(host);
    if (earlier && !sameCredential(earlier, credential)) {
      throw usage(source, `two different credentials for registry ${host}`);
    }
    credentials.set(host, earlier ?? credential);
  }
  return credentials;
}

/** Finds the credential for a registry host in any spelling (`index.docker.io`, `https://x/v2/`, …). */
export function credentialFor(
  credentials: RegistryCredentials,
  host: string,
): RegistryCredential | undefined {
  return credentials.get(canonicalRegistryHost(host));
}

/** The secret forms of one credential; `auth` as written is added by registrySecrets. */
function secretForms(credential: RegistryCredential): string[] {
  switch (credential.kind) {
    case 'basic': {
      const pair = `${credential.username}:${credential.password}`;
      const b64 = Buffer.from(pair).toString('base64');
      return [credential.password, pair, b64, b64.replace(/=+$/, '')];
    }
    case 'identity-token':
      return [credential.identityToken];
    case 'registry-token':
      return [credential.registryToken];
  }
}

/**
 * Every string that must never appear in output, for the CLI to redact and the action to mask
 * (`core.setSecret`): passwords, `user:password`, its base64 forms, identity and registry tokens, and
 * the `auth` values as written. Tokens received at run time are reported by the checker
 * (`secrets()` / `onSecret`).
 */
export function registrySecrets(credentials: RegistryCredentials): string[] {
  const secrets = new Set<string>();
  for (const credential of credentials.values()) {
    for (const value of [...secretForms(credential), credential.rawAuth?.trim()]) {
      // One- and two-character "secrets" would redact half the log; they are not worth masking.
      if (value !== undefined && value.length >= 3) secrets.add(value);
    }
  }
  return [...secrets];
}

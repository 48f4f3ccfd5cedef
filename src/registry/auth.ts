// Credentials from the `--registry-auth` file / `registry-auth` input (docs/interface.md), and the host
// naming rules that decide which registry a credential belongs to. Pure: text in, data out.
// Nothing here ever puts a secret into an error message.

import { UsageError } from '../model.js';
import { canonicalRegistryHost } from '../reference.js';
import { invalidJsonOffset, lineColumn } from './json-position.js';

/** One read-only credential. `rawAuth` is the `auth` string as written, kept only so it can be masked. */
export interface RegistryCredential {
  username: string;
  password: string;
  rawAuth?: string;
}

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

function parseEntry(entry: unknown, source: string, host: string): RegistryCredential {
  if (!isObject(entry))
    throw usage(source, `"auths.${host}" must be an object with "auth" or "username"/"password"`);
  const { auth, username, password } = entry;
  if (typeof auth === 'string' && auth.trim() !== '') {
    return { ...decodeAuth(auth, source, host), rawAuth: auth };
  }
  if (typeof username === 'string' && username !== '' && typeof password === 'string') {
    return { username, password };
  }
  throw usage(source, `"auths.${host}" needs "auth" (base64 of user:password) or "username" and "password"`);
}

/** A Docker config that keeps its secrets in a credential helper (`credsStore`, `credHelpers`) has
 *  empty `auths` entries; say so rather than complain about the entries. */
function rejectCredentialHelpers(document: Record<string, unknown>, auths: unknown, source: string): void {
  const helpers = ['credsStore', 'credHelpers'].filter((k) => k in document);
  if (helpers.length === 0) return;
  const entries = isObject(auths) ? Object.values(auths) : [];
  const usable =
    entries.length > 0 &&
    entries.every(
      (e) =>
        isObject(e) &&
        ((typeof e.auth === 'string' && e.auth.trim() !== '') || typeof e.username === 'string'),
    );
  if (usable) return;
  throw usage(
    source,
    `${helpers.map((h) => `"${h}"`).join(' and ')} (Docker credential helpers) are not supported: the secrets live in the helper, not in this file. ` +
      'Put "auths" entries with "auth" (base64 of user:password) or "username" and "password" in a file of their own',
  );
}

/**
 * Parses `{"auths":{"HOST":{"auth":"base64(user:pass)"}}}` or `{"auths":{"HOST":{"username","password"}}}`;
 * the top-level map `{"HOST":{...}}` is accepted too. `source` names the file or input in errors.
 * Empty text means no credentials. Throws UsageError on anything malformed.
 */
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
    if (earlier && (earlier.username !== credential.username || earlier.password !== credential.password)) {
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

/**
 * Every string that must never appear in output, for the CLI to redact and the action to mask
 * (`core.setSecret`): passwords, `user:password`, its base64 forms and the `auth` values as written.
 * Tokens received at run time are reported by the checker (`secrets()` / `onSecret`).
 */
export function registrySecrets(credentials: RegistryCredentials): string[] {
  const secrets = new Set<string>();
  for (const { username, password, rawAuth } of credentials.values()) {
    const pair = `${username}:${password}`;
    for (const value of [password, pair, Buffer.from(pair).toString('base64'), rawAuth?.trim()]) {
      // One- and two-character "secrets" would redact half the log; they are not worth masking.
      if (value !== undefined && value.length >= 3) secrets.add(value);
    }
    const b64 = Buffer.from(pair).toString('base64');
    secrets.add(b64.replace(/=+$/, ''));
  }
  return [...secrets];
}

// Bearer tokens (distribution token protocol): `GET realm?service=…&scope=…`, Basic credentials only
// for a credentialed identity, `token`/`access_token` and `expires_in` (default 60 s) in the answer;
// an identity with a `grant` of its own (an OAuth2 refresh token, auth/identity-token.ts) asks its way.
// Tokens are cached per registry+realm+service+scope+identity. Scopes the checker announces up front are
// fetched in batches (several `scope` parameters in one request); a realm that turns out not to honour
// batches falls back to one scope per request.
import type { Transport } from './http.js';
import { NetworkError } from './http.js';

/** A token request other than the GET form: built per realm and batch of scopes. */
export interface TokenGrant {
  request(
    realm: Realm,
    scopes: string[],
  ): { method: 'POST'; url: string; headers: Record<string, string>; body: string };
  /** Statuses that mean the realm refused the credential (OAuth2 answers a bad grant with 400). */
  refusedStatuses: ReadonlySet<number>;
}

/** Who asks: anonymous, or a credential (whose Basic header goes only to the token realm). */
export interface Identity {
  /** Cache key part: `anonymous` or `credentials:<host>:<user>` (never a secret). */
  id: string;
  basicAuthorization?: string;
  /** Asks the realm this way instead of `GET realm?service&scope` with `basicAuthorization`. */
  grant?: TokenGrant;
}

export const ANONYMOUS: Identity = { id: 'anonymous' };

export type TokenOutcome =
  | { kind: 'token'; token: string; batchSize: number; lifetimeMs: number }
  /** The token endpoint said no (401/403): anonymous → not public, credentials → rejected. */
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; status: 'unreachable' | 'rate-limited'; reason: string };

export interface Realm {
  realm: string;
  service?: string;
  /** The registry whose challenge named this realm; tokens are cached per registry. */
  registry?: string;
}

interface CacheEntry {
  outcome: Promise<TokenOutcome>;
  expiresAt: number;
  /** Fetched for this scope alone (what a `single` request asks for). */
  single: boolean;
}

/** Longest realm URL we build; proxies and token servers commonly cap request lines near 8 KiB. */
const MAX_URL_LENGTH = 6_000;
const DEFAULT_EXPIRES_S = 60;
/** Longest lifetime believed: a token claiming more (1e308 s) is still renewed after an hour. */
const MAX_EXPIRES_S = 3_600;
/** Token responses are a JWT or an opaque string in a small JSON object; more than this is not one. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
/** Tokens are renewed this long before they expire, so a request never carries a dying token. */
const RENEW_MARGIN_MS = 5_000;
/** Answers of the GET form that refuse the credential (anonymous: the scope is not public). */
const REFUSED: ReadonlySet<number> = new Set([401, 403]);

export function scopeFor(repository: string): string {
  return `repository:${repository}:pull`;
}

/** Parses a token response body. Exported for tests. */
export function parseTokenResponse(body: string): { token: string; expiresInS: number } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const token = typeof record.token === 'string' && record.token !== '' ? record.token : record.access_token;
  if (typeof token !== 'string' || token === '') return undefined;
  const expires = record.expires_in;
  const expiresInS =
    typeof expires === 'number' && Number.isFinite(expires) && expires > 0
      ? Math.min(expires, MAX_EXPIRES_S)
      : DEFAULT_EXPIRES_S;
  return { token, expiresInS };
}

/** Scopes a JWT says it grants (`access` claim), or undefined for opaque tokens. Not verified: a hint only. */
export function grantedScopes(token: string): Set<string> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { access?: unknown };
    if (!Array.isArray(claims.access)) return undefined;
    const scopes = new Set<string>();
    for (const entry of claims.access as { type?: unknown; name?: unknown; actions?: unknown }[]) {
      if (entry.type === 'repository' && typeof entry.name === 'string' && Array.isArray(entry.actions)) {
        if (entry.actions.includes('pull')) scopes.add(scopeFor(entry.name));
      }
    }
    return scopes;
  } catch {
    return undefined;
  }
}

export class TokenBroker {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly planned = new Map<string, string[]>();
  /** Realms (realm|service) known to ignore or refuse batched scopes. */
  private readonly singleScopeRealms = new Set<string>();
  /** Realms known to honour batched scopes. */
  private readonly batchingRealms = new Set<string>();

  constructor(
    private readonly transport: Transport,
    private readonly onToken: (token: string) => void,
  ) {}

  /** Announces scopes that will be asked for, so they are fetched together. */
  plan(realm: Realm, identity: Identity, scopes: string[]): void {
    const base = this.tokenUrl(realm, []).length;
    let batch: string[] = [];
    let length = base;
    const flush = (): void => {
      for (const scope of batch) this.planned.set(this.key(realm, identity, scope), batch);
      batch = [];
      length = base;
    };
    for (const scope of [...new Set(scopes)].sort()) {
      if (this.cache.has(this.key(realm, identity, scope))) continue;
      const added = scope.length + 8;
      if (batch.length > 0 && length + added > MAX_URL_LENGTH) flush();
      batch.push(scope);
      length += added;
    }
    flush();
  }

  /** A token for one scope, from the cache, its planned batch, or a request of its own (`single`). */
  token(
    realm: Realm,
    identity: Identity,
    scope: string,
    deadline: number,
    single = false,
  ): Promise<TokenOutcome> {
    const key = this.key(realm, identity, scope);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now() && (cached.single || !single)) return cached.outcome;
    const realmKey = `${realm.realm}|${realm.service ?? ''}`;
    const batch = single || this.singleScopeRealms.has(realmKey) ? undefined : this.planned.get(key);
    const scopes = batch ?? [scope];
    for (const s of scopes) this.planned.delete(this.key(realm, identity, s));
    // While the request is in flight the entry never expires, so concurrent callers share it.
    const entry: CacheEntry = {
      outcome: this.fetch(realm, identity, scopes, deadline),
      expiresAt: Infinity,
      single: scopes.length === 1,
    };
    entry.outcome = entry.outcome.then((outcome) => {
      const refusedBatch = outcome.kind === 'refused' && scopes.length > 1;
      if (refusedBatch) this.singleScopeRealms.add(realmKey);
      // Refusals and failures are kept as long as a default token: asking again per tag would only
      // repeat the answer. A refused batch is not kept: its scopes are asked for one by one.
      const lifetime =
        outcome.kind === 'token' ? outcome.lifetimeMs : DEFAULT_EXPIRES_S * 1000 - RENEW_MARGIN_MS;
      entry.expiresAt = refusedBatch ? 0 : Date.now() + lifetime;
      return outcome;
    });
    for (const s of scopes) this.cache.set(this.key(realm, identity, s), entry);
    return entry.outcome.then((outcome) =>
      outcome.kind === 'refused' && scopes.length > 1
        ? this.token(realm, identity, scope, deadline, true)
        : outcome,
    );
  }

  /**
   * What to do about a denial under a batched token: `trust` it when the realm has shown it honours
   * batches (a JWT granting two or more scopes); `single` when the realm is known to ignore them
   * (fetch a single-scope token); `confirm` when nobody knows yet: the caller then asks alone and
   * reports with endConfirmation. Only a single-scope success teaches something about the realm; a
   * single-scope denial settles that one repository only (it may simply be private), so concurrent
   * denials each confirm for themselves rather than trust it.
   */
  async batchDenial(
    realm: Realm,
    outcome: Extract<TokenOutcome, { kind: 'token' }>,
  ): Promise<'trust' | 'single' | 'confirm'> {
    if (outcome.batchSize <= 1) return 'trust';
    const realmKey = `${realm.realm}|${realm.service ?? ''}`;
    if (this.batchingRealms.has(realmKey)) return 'trust';
    if (this.singleScopeRealms.has(realmKey)) return 'single';
    if ((grantedScopes(outcome.token)?.size ?? 0) >= 2) {
      this.batchingRealms.add(realmKey);
      return 'trust';
    }
    return 'confirm';
  }

  /** Ends a confirmation with the status the registry gave the single-scope token (undefined: no answer). */
  endConfirmation(realm: Realm, status: number | undefined): void {
    // Granted alone but denied in a batch: the realm ignores batched scopes.
    if (status !== undefined && status >= 200 && status < 300) {
      this.singleScopeRealms.add(`${realm.realm}|${realm.service ?? ''}`);
    }
  }

  private key(realm: Realm, identity: Identity, scope: string): string {
    return `${realm.registry ?? ''}|${realm.realm}|${realm.service ?? ''}|${identity.id}|${scope}`;
  }

  private tokenUrl(realm: Realm, scopes: string[]): string {
    const url = new URL(realm.realm);
    if (realm.service !== undefined) url.searchParams.append('service', realm.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    return url.toString();
  }

  private async fetch(
    realm: Realm,
    identity: Identity,
    scopes: string[],
    deadline: number,
  ): Promise<TokenOutcome> {
    const request = identity.grant
      ? identity.grant.request(realm, scopes)
      : {
          method: 'GET' as const,
          url: this.tokenUrl(realm, scopes),
          headers: { accept: 'application/json' },
          authorization: identity.basicAuthorization,
        };
    const refused = identity.grant?.refusedStatuses ?? REFUSED;
    const host = new URL(request.url).host;
    try {
      const response = await this.transport.send({
        kind: 'token',
        ...request,
        deadline,
        keepBody: MAX_TOKEN_RESPONSE_BYTES,
      });
      if (refused.has(response.status)) {
        return { kind: 'refused', reason: `${response.status} from ${host} token endpoint` };
      }
      if (response.status === 429) {
        return {
          kind: 'failed',
          status: 'rate-limited',
          reason: `429 from ${host} token endpoint after retries`,
        };
      }
      if (response.status < 200 || response.status > 299) {
        return {
          kind: 'failed',
          status: 'unreachable',
          reason: `${response.status} from ${host} token endpoint`,
        };
      }
      const parsed = parseTokenResponse(response.body);
      if (!parsed)
        return { kind: 'failed', status: 'unreachable', reason: `invalid token response from ${host}` };
      this.onToken(parsed.token);
      const lifetimeMs = Math.max(0, parsed.expiresInS * 1000 - RENEW_MARGIN_MS);
      return { kind: 'token', token: parsed.token, batchSize: scopes.length, lifetimeMs };
    } catch (e: unknown) {
      if (e instanceof NetworkError) return { kind: 'failed', status: 'unreachable', reason: e.message };
      throw e;
    }
  }
}

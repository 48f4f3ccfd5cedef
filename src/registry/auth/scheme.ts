// The seam between the registry session and the ways of authenticating. A session knows only two
// things: who asks (an Authenticator, made from one credential form) and which challenge scheme the
// registry posed (an AuthScheme answers it). The registries of both live in index.ts.
import type { Challenge } from '../challenge.js';
import type { Identity, Realm, TokenBroker, TokenOutcome } from '../tokens.js';
import type { RegistryCredential } from './credentials.js';

/** Who asks, and what each challenge scheme gets from them. */
export interface Authenticator {
  /** The credential form this came from, or `anonymous` (the first pass). */
  kind: 'anonymous' | RegistryCredential['kind'];
  /** Identity at the token realm: the cache key and how a token is asked for. */
  identity: Identity;
  /** `Authorization` for the registry itself: sent unasked when `/v2/` is open, and to a Basic challenge. */
  registryAuthorization?: string;
  /** Answers a Bearer challenge without asking its realm (a registry token is already the bearer). */
  bearerAuthorization?: string;
}

/** What a scheme may use besides the challenge: the session's registry, broker and policies. */
export interface AuthContext {
  /** host[:port] of the registry, as shown in reasons. */
  registry: string;
  /** `http://host:port` or `https://host`. */
  origin: string;
  repository: string;
  deadline: number;
  /** ` with credentials` on the credentialed pass, for reasons. */
  suffix: string;
  broker: TokenBroker;
  /** Why a realm from this registry's challenge may not be asked (network policy), if so. */
  realmRefusal: (realm: URL) => string | undefined;
}

/** How a request is authorised; remembered so a second identical challenge is not answered twice. */
export interface AuthAnswer {
  header?: string;
  token?: Extract<TokenOutcome, { kind: 'token' }>;
  realm?: Realm;
}

/** Why a challenge could not be answered (the session reports it as the probe's result). */
export type AuthRefusal =
  | { kind: 'denied'; reason: string }
  | { kind: 'failed'; status: 'unreachable' | 'rate-limited'; reason: string }
  /** The credentialed pass could not run: the token realm is outside the registry's domain. */
  | { kind: 'withheld'; reason: string };

export interface AuthScheme {
  /** Answers one challenge of this scheme for `who`. */
  answer(challenge: Challenge, who: Authenticator, context: AuthContext): Promise<AuthAnswer | AuthRefusal>;
  /** Announces the repositories `who` will ask about, so their tokens can be fetched together. */
  plan?(
    challenge: Challenge,
    who: Authenticator,
    repositories: string[],
    context: Omit<AuthContext, 'repository' | 'suffix'>,
  ): void;
}

/** The token realm named by a Bearer challenge; a token answers only the registry that asked. */
export function realmOf(challenge: Challenge, registry: string): Realm {
  return { realm: challenge.params.realm!, service: challenge.params.service, registry };
}

/** A refused or failed token request as the probe's result. */
export function tokenFailure(outcome: Exclude<TokenOutcome, { kind: 'token' }>, suffix: string): AuthRefusal {
  if (outcome.kind === 'refused') return { kind: 'denied', reason: `${outcome.reason}${suffix}` };
  return { kind: 'failed', status: outcome.status, reason: `${outcome.reason}${suffix}` };
}

// The registries of the seam: which AuthScheme answers which challenge scheme, and which
// Authenticator each credential form makes. A new credential form adds its module here and its
// parsing in credentials.ts; a new challenge scheme adds its module here (and its preference in
// ../challenge.ts pickChallenge).
import type { Challenge } from '../challenge.js';
import { ANONYMOUS } from '../tokens.js';
import { BASIC, basicAuthenticator } from './basic.js';
import { BEARER } from './bearer.js';
import type { RegistryCredential, RegistryCredentials } from './credentials.js';
import { credentialFor } from './credentials.js';
import { identityTokenAuthenticator } from './identity-token.js';
import { registryTokenAuthenticator } from './registry-token.js';
import type { Authenticator, AuthScheme } from './scheme.js';

const SCHEMES: Readonly<Record<string, AuthScheme>> = { basic: BASIC, bearer: BEARER };

type Make<K extends RegistryCredential['kind']> = (
  credential: Extract<RegistryCredential, { kind: K }>,
  host: string,
) => Authenticator;

const AUTHENTICATORS: { [K in RegistryCredential['kind']]: Make<K> } = {
  basic: basicAuthenticator,
  'identity-token': identityTokenAuthenticator,
  'registry-token': registryTokenAuthenticator,
};

/** The first pass: no credential at all. */
export const ANONYMOUS_AUTHENTICATOR: Authenticator = { kind: 'anonymous', identity: ANONYMOUS };

/** The credentialed pass's Authenticator for a registry host, or undefined when it has no credential. */
export function authenticatorFor(credentials: RegistryCredentials, host: string): Authenticator | undefined {
  const credential = credentialFor(credentials, host);
  if (credential === undefined) return undefined;
  const make = AUTHENTICATORS[credential.kind] as Make<typeof credential.kind>;
  return make(credential, host);
}

/** The scheme that answers a challenge (pickChallenge only offers schemes listed here). */
export function schemeFor(challenge: Challenge): AuthScheme | undefined {
  return Object.hasOwn(SCHEMES, challenge.scheme) ? SCHEMES[challenge.scheme] : undefined;
}

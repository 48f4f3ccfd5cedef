// config.json `identitytoken`: an OAuth2 refresh token (what `docker login` stores for registries
// that issue one, such as Azure Container Registry). It is traded at the Bearer challenge's realm for
// an access token with the refresh-token grant of the distribution spec's "OAuth2 Token
// Authentication" (`POST realm`, form `grant_type=refresh_token&refresh_token&service&scope&client_id`),
// as go-containerregistry's bearer transport does. It is never sent to the registry itself, and goes
// to a realm only under the same rules as a password (bearer.ts).
import type { Realm, TokenGrant } from '../tokens.js';
import type { Authenticator } from './scheme.js';

/** OAuth2 names the client; registries log it. */
const CLIENT_ID = 'kots-proxy';

function refreshGrant(refreshToken: string): TokenGrant {
  return {
    request(realm: Realm, scopes: string[]) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
      if (realm.service !== undefined) form.set('service', realm.service);
      // OAuth2 scopes are one space-delimited parameter (RFC 6749 §3.3).
      if (scopes.length > 0) form.set('scope', scopes.join(' '));
      form.set('client_id', CLIENT_ID);
      return {
        method: 'POST',
        url: realm.realm,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      };
    },
    // RFC 6749 §5.2: an invalid or expired refresh token is `400 invalid_grant`.
    refusedStatuses: new Set([400, 401, 403]),
  };
}

export function identityTokenAuthenticator(
  credential: { username: string; identityToken: string },
  host: string,
): Authenticator {
  return {
    kind: 'identity-token',
    identity: {
      id: `identity-token:${host}:${credential.username}`,
      grant: refreshGrant(credential.identityToken),
    },
  };
}

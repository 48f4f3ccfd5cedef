// config.json `registrytoken`: a bearer token for the registry itself, sent as
// `Authorization: Bearer <token>` with no token realm involved, to a Bearer challenge, to a Basic one
// and unasked to an open `/v2/` (go-containerregistry's basic and bearer transports do the same).
import type { Authenticator } from './scheme.js';

export function registryTokenAuthenticator(
  credential: { registryToken: string },
  host: string,
): Authenticator {
  const header = `Bearer ${credential.registryToken}`;
  return {
    kind: 'registry-token',
    identity: { id: `registry-token:${host}` },
    registryAuthorization: header,
    bearerAuthorization: header,
  };
}

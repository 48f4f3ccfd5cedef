// HTTP Basic (RFC 7617): the `basic` credential form (`auth` or `username`/`password`) and the answer
// to a Basic challenge. The credential's header goes to the registry's own origin (the transport drops
// it on a redirect elsewhere) and, on the GET form of the token protocol, to a same-site token realm.
import type { Authenticator, AuthScheme } from './scheme.js';

const basicHeader = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

export function basicAuthenticator(
  credential: { username: string; password: string },
  host: string,
): Authenticator {
  const header = basicHeader(credential.username, credential.password);
  return {
    kind: 'basic',
    identity: { id: `credentials:${host}:${credential.username}`, basicAuthorization: header },
    registryAuthorization: header,
  };
}

/** A Basic challenge is answered with whatever the credential sends the registry itself; anonymous
 *  (and a credential with nothing for the registry) cannot answer it and goes out without. */
export const BASIC: AuthScheme = {
  answer: async (_challenge, who) =>
    who.registryAuthorization !== undefined ? { header: who.registryAuthorization } : {},
};

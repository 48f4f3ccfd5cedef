// Bearer challenges (distribution token protocol): ask the challenge's realm for a token for the
// repository's pull scope, through the token broker (cache, batches). Credentials go to a realm only
// if it is https (or the registry is an insecure one), the network policy allows it, and it is the
// registry's own host or site (realm-policy.ts); otherwise the credentialed pass is withheld.
import { sameSite } from '../realm-policy.js';
import { scopeFor } from '../tokens.js';
import { type AuthScheme, realmOf, tokenFailure } from './scheme.js';

export const BEARER: AuthScheme = {
  plan(challenge, who, repositories, context) {
    if (who.bearerAuthorization !== undefined) return;
    context.broker.plan(realmOf(challenge, context.registry), who.identity, repositories.map(scopeFor));
  },

  async answer(challenge, who, context) {
    // A registry token is the bearer itself: it goes to the registry, never to a realm.
    if (who.bearerAuthorization !== undefined) return { header: who.bearerAuthorization };
    const { registry, repository, suffix } = context;
    const realm = realmOf(challenge, registry);
    const realmUrl = new URL(realm.realm);
    const refused = context.realmRefusal(realmUrl);
    if (refused !== undefined) return { kind: 'failed', status: 'unreachable', reason: refused };
    const credentialed = who.kind !== 'anonymous';
    if (credentialed && realmUrl.protocol === 'http:' && !context.origin.startsWith('http:')) {
      return {
        kind: 'failed',
        status: 'unreachable',
        reason: `token realm ${realmUrl.host} of ${registry} is plain http`,
      };
    }
    if (credentialed && !sameSite(realmUrl.hostname, registry)) {
      return {
        kind: 'withheld',
        reason: `token realm ${realmUrl.host} is outside the domain of ${registry}, so the credentials were not sent there`,
      };
    }
    const scope = challenge.params.scope?.includes(`:${repository}:`)
      ? challenge.params.scope
      : scopeFor(repository);
    const token = await context.broker.token(realm, who.identity, scope, context.deadline);
    if (token.kind !== 'token') return tokenFailure(token, suffix);
    return { header: `Bearer ${token.token}`, token, realm };
  },
};

// config.json `registrytoken` against the real Debian docker-registry with token auth: the token is a
// bearer the registry validates itself (here a JWT the lab's token server signed), sent as
// `Authorization: Bearer <registrytoken>` to the registry and never to a token realm, as
// go-containerregistry's bearer transport does (pkg/v1/remote/transport/bearer.go, `RegistryToken`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegistryAuth } from '../../../src/registry/auth.js';
import { type FaultServer, forwardTo, startFaultServer } from '../harness/fault-server.js';
import { type Lab, startLab, TOKEN_SERVICE } from '../harness/lab.js';
import { pushImage } from '../harness/push.js';
import { USERS } from '../harness/token-server.js';
import { labChecker, target } from '../helpers.js';

let lab: Lab;
let proxy: FaultServer;
/** A pull token for team/app only, signed by the realm the registry trusts. */
let registryToken: string;

beforeAll(async () => {
  lab = await startLab({ open: false, htpasswd: false });
  await Promise.all(
    ['team/app', 'vault/secret'].map((repository) =>
      pushImage(lab.token.url, repository, '1', 'oci', lab.authorizers.token),
    ),
  );
  proxy = await startFaultServer(forwardTo(lab.token.url));
  const basic = Buffer.from(`reader:${USERS.reader}`).toString('base64');
  const response = await fetch(
    `${lab.tokenServer.url}?service=${TOKEN_SERVICE}&scope=repository:team/app:pull`,
    {
      headers: { authorization: `Basic ${basic}` },
    },
  );
  registryToken = ((await response.json()) as { token: string }).token;
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await lab?.stop();
});

const registryAuth = (host: string, token: string) =>
  parseRegistryAuth(JSON.stringify({ auths: { [host]: { registrytoken: token } } }), 'test');

describe('registrytoken', () => {
  it('goes to the registry as the bearer: ok where it grants pull, rejected elsewhere; no realm sees it', async () => {
    const h = proxy.host;
    const before = lab.tokenServer.requests.length;
    proxy.requests.length = 0;
    const checker = labChecker([h], registryAuth(h, registryToken));
    try {
      const cases = [
        target(h, 'team/app', '1'),
        target(h, 'team/app', 'nope'),
        target(h, 'vault/secret', '1'),
      ];
      const verdicts = await checker.check(cases);
      expect(verdicts.get(cases[0]!.key)).toMatchObject({ status: 'private', credentials: 'ok' });
      expect(verdicts.get(cases[1]!.key)).toMatchObject({ status: 'not-found', credentials: 'ok' });
      expect(verdicts.get(cases[2]!.key)).toMatchObject({
        status: 'private',
        credentials: 'rejected',
        reason: expect.stringMatching(/with credentials \(insufficient_scope\)$/),
      });
      expect(checker.secrets()).toContain(registryToken);
    } finally {
      await checker.close();
    }
    // The token realm is asked by the anonymous pass only, and never with the registry token.
    const realmRequests = lab.tokenServer.requests.slice(before);
    expect(realmRequests.length).toBeGreaterThan(0);
    expect(realmRequests.every((r) => r.authorization === undefined && r.method === undefined)).toBe(true);
    const credentialed = proxy.requests.filter((r) => r.authorization === `Bearer ${registryToken}`);
    expect(credentialed.length).toBeGreaterThan(0);
  });

  it('a token the registry cannot verify: rejected', async () => {
    const h = lab.token.host;
    const checker = labChecker([h], registryAuth(h, 'not-a-token-this-registry-signed'));
    try {
      const cases = [target(h, 'team/app', '1')];
      const verdicts = await checker.check(cases);
      expect(verdicts.get(cases[0]!.key)).toMatchObject({
        status: 'private',
        credentials: 'rejected',
        reason: expect.stringMatching(/^401 from .* with credentials/),
      });
    } finally {
      await checker.close();
    }
  });
});

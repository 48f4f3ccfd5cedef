// config.json `identitytoken` against the real Debian docker-registry with token auth: the lab's
// token server issues a refresh token (as `docker login` would store), and the checker trades it for
// an access token with the OAuth2 refresh-token grant of the distribution spec ("OAuth2 Token
// Authentication": POST realm, form grant_type=refresh_token&refresh_token&service&scope&client_id),
// the way go-containerregistry's bearer transport does (pkg/v1/remote/transport/bearer.go).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretForms } from '../../../src/redact.js';
import { parseRegistryAuth } from '../../../src/registry/auth.js';
import { runCli } from '../../helpers/cli.js';
import { tempDir, writeTree } from '../../helpers/tmp.js';
import { type FaultServer, forwardTo, startFaultServer } from '../harness/fault-server.js';
import { type Lab, startLab, TOKEN_SERVICE } from '../harness/lab.js';
import { pushImage } from '../harness/push.js';
import { labChecker, target } from '../helpers.js';

let lab: Lab;
/** Stands in front of the registry to record what it is sent. */
let proxy: FaultServer;
let refreshToken: string;

beforeAll(async () => {
  lab = await startLab({ open: false, htpasswd: false });
  await Promise.all(
    ['team/app', 'vault/secret', 'public/app'].map((repository) =>
      pushImage(lab.token.url, repository, '1', 'oci', lab.authorizers.token),
    ),
  );
  proxy = await startFaultServer(forwardTo(lab.token.url));
  refreshToken = lab.tokenServer.refreshTokenFor('reader');
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await lab?.stop();
});

const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** `docker login` stores an identity token next to an `auth` of `user:` (docker/cli configfile). */
function identityAuth(host: string, token: string, form: 'auth' | 'username' = 'auth') {
  const entry =
    form === 'auth'
      ? { auth: b64('reader:'), identitytoken: token }
      : { username: 'reader', identitytoken: token };
  return parseRegistryAuth(JSON.stringify({ auths: { [host]: entry } }), 'test');
}

describe('identitytoken', () => {
  it.each(['auth', 'username'] as const)(
    'with a refresh token the realm issued (user in %s): ok, not-found and rejected as with a password',
    async (form) => {
      const h = proxy.host;
      const before = lab.tokenServer.requests.length;
      proxy.requests.length = 0;
      const checker = labChecker([h], identityAuth(h, refreshToken, form));
      try {
        const cases = [
          target(h, 'team/app', '1'),
          target(h, 'team/app', 'nope'),
          target(h, 'vault/secret', '1'),
          target(h, 'public/app', '1'),
        ];
        const verdicts = await checker.check(cases);
        expect(verdicts.get(cases[0]!.key)).toMatchObject({ status: 'private', credentials: 'ok' });
        expect(verdicts.get(cases[1]!.key)).toMatchObject({
          status: 'not-found',
          credentials: 'ok',
          reason: expect.stringMatching(/^404 MANIFEST_UNKNOWN from .* with credentials$/),
        });
        expect(verdicts.get(cases[2]!.key)).toMatchObject({
          status: 'private',
          credentials: 'rejected',
          reason: expect.stringMatching(/with credentials \(insufficient_scope\)$/),
        });
        expect(verdicts.get(cases[3]!.key)).toMatchObject({ status: 'public', credentials: 'not-checked' });
        // The refresh token and every access token it bought are handed to the redactor.
        expect(checker.secrets()).toContain(refreshToken);
      } finally {
        await checker.close();
      }
      const requests = lab.tokenServer.requests.slice(before);
      const grants = requests.filter((r) => r.method === 'POST');
      expect(grants.length).toBeGreaterThan(0);
      for (const grant of grants) {
        expect(grant).toMatchObject({
          grantType: 'refresh_token',
          clientId: 'kots-proxy',
          service: TOKEN_SERVICE,
          contentType: 'application/x-www-form-urlencoded',
          authorization: undefined,
        });
      }
      // Every repository on the host is announced for the credentialed pass and batched in one grant
      // (the first private image fetches it while anonymous probes go on). Its JWT grants two scopes
      // (team/app and public/app), which shows the realm honours batches, so the denial of
      // vault/secret under it is trusted and nothing is asked for again alone.
      expect(grants[0]!.scopes.sort()).toEqual(
        ['public/app', 'team/app', 'vault/secret'].map((r) => `repository:${r}:pull`),
      );
      expect(grants).toHaveLength(1);
      // The GET form is used by the anonymous pass only: it carries no credential.
      expect(requests.filter((r) => r.method === undefined).length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.method === undefined).every((r) => r.authorization === undefined)).toBe(
        true,
      );
      // The registry itself sees bearer access tokens, never the refresh token.
      expect(proxy.requests.length).toBeGreaterThan(0);
      for (const request of proxy.requests) {
        expect(request.authorization ?? '').not.toContain(refreshToken);
        if (request.authorization !== undefined) expect(request.authorization).toMatch(/^Bearer ey/);
      }
    },
  );

  it('with a refresh token the realm never issued: the grant is refused (400), credentials rejected', async () => {
    const h = lab.token.host;
    const checker = labChecker([h], identityAuth(h, 'rt-not-issued-by-this-realm'));
    try {
      const cases = [target(h, 'team/app', '1'), target(h, 'public/app', '1')];
      const verdicts = await checker.check(cases);
      expect(verdicts.get(cases[0]!.key)).toMatchObject({
        status: 'private',
        credentials: 'rejected',
        reason: expect.stringMatching(/^400 from 127\.0\.0\.1:\d+ token endpoint with credentials$/),
      });
      expect(verdicts.get(cases[1]!.key)).toMatchObject({ status: 'public', credentials: 'not-checked' });
    } finally {
      await checker.close();
    }
  });
});

describe('identitytoken through the CLI', () => {
  async function scan(token: string) {
    const h = lab.token.host;
    const root = tempDir();
    writeTree(root, {
      'manifests/a.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "${h}/team/app:1"}\n`,
    });
    writeFileSync(
      join(root, 'auth.json'),
      JSON.stringify({ auths: { [h]: { auth: b64('reader:'), identitytoken: token } } }),
    );
    const run = await runCli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--insecure-registry',
      h,
      '--registry-auth',
      'auth.json',
      '--report',
      'report.json',
      '--verbose',
      '--fail-on',
      'never',
    );
    const reportText = readFileSync(join(root, 'report.json'), 'utf8');
    const report = JSON.parse(reportText) as {
      images: { image: string; status: string; credentials: string }[];
    };
    const outputs = [
      run.stdout,
      run.stderr,
      reportText,
      ...readdirSync(join(root, 'kots-proxy')).map((f) => readFileSync(join(root, 'kots-proxy', f), 'utf8')),
    ].join('\n');
    return { run, image: report.images.find((i) => i.image === `${h}/team/app:1`), outputs };
  }

  it.each([
    ['a token the realm issued', 'ok', () => refreshToken],
    ['a wrong token', 'rejected', () => 'rt-wrong-0123456789abcdef'],
  ])(
    '%s: private, credentials %s; the identity token appears in no output',
    async (_name, credentials, token) => {
      const secret = token();
      const { run, image, outputs } = await scan(secret);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('internal error');
      expect(image).toMatchObject({ status: 'private', credentials });
      expect(outputs).toContain('team/app'); // the outputs are really there to search
      for (const form of [secret, ...secretForms(secret)]) expect(outputs).not.toContain(form);
    },
  );
});

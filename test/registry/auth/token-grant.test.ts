// The OAuth2 grant's body carries the identity token, so a redirect must never carry it to another
// origin (the transport drops `Authorization` at a host change; a body has no such header to drop):
// a token POST follows only a 307/308 to its own origin, and anything else ends the credentialed pass.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegistryAuth } from '../../../src/registry/auth.js';
import { runChecked } from '../harness/campaign.js';
import { type FaultServer, startFaultServer } from '../harness/fault-server.js';
import { labChecker, target } from '../helpers.js';

const DIGEST = { 'docker-content-digest': `sha256:${'c'.repeat(64)}` };
const TIMEOUTS = { connectMs: 500, headersMs: 1_000, bodyMs: 1_000, perImageMs: 5_000 };
const RETRY = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 50 };
const REFRESH = 'refresh-token-under-test-77';

let registry: FaultServer; // 127.0.0.1
let realm: FaultServer; // 127.0.0.1, another port: the registry's site, so it may get the grant
let far: FaultServer; // 127.0.0.2: another host

/** Answers a refresh-token grant for REFRESH with an access token for team/*; GETs get an anonymous one. */
function grant(q: IncomingMessage, r: ServerResponse): void {
  const chunks: Buffer[] = [];
  q.on('data', (c: Buffer) => chunks.push(c));
  q.on('end', () => {
    if (q.method !== 'POST') return void r.writeHead(200).end(JSON.stringify({ token: 'tok-anon' }));
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== REFRESH)
      return void r.writeHead(400).end('{"error":"invalid_grant"}');
    r.writeHead(200).end(JSON.stringify({ access_token: 'tok-team', expires_in: 300 }));
  });
}

beforeAll(async () => {
  registry = await startFaultServer((q, r) => {
    const repo = /^\/v2\/(.+)\/manifests\//.exec(q.url ?? '')?.[1] ?? '';
    if (q.headers.authorization === 'Bearer tok-team' && repo.startsWith('team/'))
      return void r.writeHead(200, DIGEST).end();
    r.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token",service="reg"` }).end();
  });
  realm = await startFaultServer(grant);
  far = await startFaultServer(grant, { address: '127.0.0.2' });
});
afterAll(async () => {
  await Promise.all([registry.close(), realm.close(), far.close()]);
});

const creds = () =>
  parseRegistryAuth(
    JSON.stringify({ auths: { [registry.host]: { username: 'robot', identitytoken: REFRESH } } }),
    'test',
  );

describe('redirects of a token grant', () => {
  it('to another host: not followed, the credentialed pass says why, the other host gets nothing', async () => {
    realm.handler = (q, r) =>
      q.method === 'POST' ? void r.writeHead(307, { location: `${far.url}${q.url}` }).end() : grant(q, r);
    far.requests.length = 0;
    // far is allowed by the network policy: only the redirect rule can keep the grant from it.
    const checker = labChecker([registry.host, far.host], creds(), { timeouts: TIMEOUTS, retry: RETRY });
    const run = await runChecked(checker, [target(registry.host, 'team/api', '1')]);
    const [verdict] = [...run.verdicts.values()];
    expect(verdict).toMatchObject({ status: 'unreachable', credentials: 'not-checked' });
    expect(verdict?.reason).toMatch(
      /^refusing to follow a redirect of a token request from 127\.0\.0\.1:\d+/,
    );
    expect(far.requests).toEqual([]);
  });

  it('a 303 to its own origin (which would turn the POST into a GET): not followed either', async () => {
    realm.handler = (q, r) =>
      q.method === 'POST' && q.url === '/token'
        ? void r.writeHead(303, { location: '/token2' }).end()
        : grant(q, r);
    const checker = labChecker([registry.host], creds(), { timeouts: TIMEOUTS, retry: RETRY });
    const run = await runChecked(checker, [target(registry.host, 'team/api', '1')]);
    expect([...run.verdicts.values()][0]).toMatchObject({
      status: 'unreachable',
      credentials: 'not-checked',
    });
  });

  it('a 308 to its own origin: followed with the body, credentials ok', async () => {
    realm.handler = (q, r) =>
      q.method === 'POST' && q.url === '/token'
        ? void r.writeHead(308, { location: '/token2' }).end()
        : grant(q, r);
    realm.requests.length = 0;
    const checker = labChecker([registry.host], creds(), { timeouts: TIMEOUTS, retry: RETRY });
    const run = await runChecked(checker, [target(registry.host, 'team/api', '1')]);
    expect([...run.verdicts.values()][0]).toMatchObject({ status: 'private', credentials: 'ok' });
    expect(realm.requests.filter((q) => q.method === 'POST').map((q) => q.path)).toEqual([
      '/token',
      '/token2',
    ]);
  });
});

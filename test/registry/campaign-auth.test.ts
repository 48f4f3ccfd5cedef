// Fault campaign, token side: a token realm on another host (127.0.0.2: never sent a credential), a
// same-host realm that redirects elsewhere, and token answers with absurd `expires_in` values.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Transport } from '../../src/registry/http.js';
import { ANONYMOUS, parseTokenResponse, TokenBroker } from '../../src/registry/tokens.js';
import { runChecked } from './harness/campaign.js';
import { type FaultServer, startFaultServer } from './harness/fault-server.js';
import { credentials, labChecker, target } from './helpers.js';

const DIGEST = { 'docker-content-digest': `sha256:${'b'.repeat(64)}` };
// Nothing here waits on a timeout: they are generous so a busy machine cannot turn a healthy answer
// into a timeout (and a retry or a different verdict).
const TIMEOUTS = { connectMs: 5_000, headersMs: 5_000, bodyMs: 5_000, perImageMs: 20_000 };
const RETRY = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 50 };
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const ROBOT = basic('robot', 'robot-secret-9');

let registry: FaultServer; // 127.0.0.1
let realm: FaultServer; // 127.0.0.2: "another host"
let third: FaultServer; // 127.0.0.1, another port: where the realm redirects

/** Tokens by caller: anonymous may pull public/*, the robot also team/*. */
function issue(q: IncomingMessage, r: ServerResponse): void {
  const who = q.headers.authorization === ROBOT ? 'robot' : q.headers.authorization ? 'bad' : 'anon';
  if (who === 'bad') return void r.writeHead(401).end('{}');
  r.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `tok-${who}` }));
}

function registryChallenging(realmUrl: string): void {
  registry.requests.length = 0;
  registry.handler = (q, r) => {
    const auth = q.headers.authorization ?? '';
    const repo = /^\/v2\/(.+)\/manifests\//.exec(q.url ?? '')?.[1] ?? '';
    const granted =
      (auth === 'Bearer tok-anon' && repo.startsWith('public/')) ||
      (auth === 'Bearer tok-robot' && /^(public|team)\//.test(repo));
    if (granted) return void r.writeHead(200, DIGEST).end();
    r.writeHead(401, { 'www-authenticate': `Bearer realm="${realmUrl}",service="reg"` }).end();
  };
}

const targets = () => [
  target(registry.host, 'public/web', '1'),
  target(registry.host, 'team/api', '1'),
  target(registry.host, 'vault/db', '1'),
];

beforeAll(async () => {
  registry = await startFaultServer();
  realm = await startFaultServer(issue, { address: '127.0.0.2' });
  third = await startFaultServer(issue);
});
afterAll(async () => {
  await Promise.all([registry.close(), realm.close(), third.close()]);
});

describe('token realm on another host', () => {
  it('a registry without credentials: the realm never receives any credential, not even its own', async () => {
    registryChallenging(`${realm.url}/token`);
    realm.requests.length = 0;
    // Credentials exist for the realm's host and an unrelated host, none for the registry.
    const creds = credentials({ [realm.host]: ['realm-user', 'realm-pass-1'], 'quay.io': ['q', 'qpass'] });
    const checker = labChecker([registry.host, realm.host], creds, { timeouts: TIMEOUTS, retry: RETRY });
    const run = await runChecked(checker, targets());
    expect([...run.verdicts.values()].map((v) => `${v.status}/${v.credentials}`)).toEqual([
      'public/not-checked',
      'private/none',
      'private/none',
    ]);
    expect(realm.requests.length).toBeGreaterThan(0);
    expect(realm.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    expect(registry.requests.some((r) => r.authorization?.startsWith('Basic'))).toBe(false);
  });

  it('a registry with credentials and a realm on another host: no credential is sent to that realm', async () => {
    registryChallenging(`${realm.url}/token`);
    realm.requests.length = 0;
    const creds = credentials({
      [registry.host]: ['robot', 'robot-secret-9'],
      [realm.host]: ['x', 'other-9'],
    });
    const checker = labChecker([registry.host, realm.host], creds, { timeouts: TIMEOUTS, retry: RETRY });
    const run = await runChecked(checker, targets());
    // The realm (127.0.0.2) is outside the registry's domain (127.0.0.1): the credentialed pass is
    // withheld rather than sending the registry's password to a third party.
    expect([...run.verdicts.values()].map((v) => `${v.status}/${v.credentials}`)).toEqual([
      'public/not-checked',
      'private/not-checked',
      'private/not-checked',
    ]);
    for (const v of [...run.verdicts.values()].slice(1)) {
      expect(v.reason).toMatch(/token realm 127\.0\.0\.2:\d+ is outside the domain of 127\.0\.0\.1:\d+/);
    }
    expect(realm.requests.length).toBeGreaterThan(0);
    expect(realm.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    // The registry itself only ever sees tokens.
    expect(registry.requests.every((r) => !r.authorization?.startsWith('Basic'))).toBe(true);
    const text = [...run.verdicts.values()].map((v) => JSON.stringify(v)).join('\n');
    for (const secret of run.secrets) expect(text).not.toContain(secret);
  });

  it('a realm that redirects to a third host: Authorization is dropped at the host change', async () => {
    // The realm shares the registry's host (another port), so it receives the registry's credential;
    // it redirects to 127.0.0.2, and the credential must not follow.
    registryChallenging(`${third.url}/token`);
    realm.requests.length = 0;
    third.requests.length = 0;
    third.handler = (q, r) => void r.writeHead(307, { location: `${realm.url}${q.url}` }).end();
    try {
      const creds = credentials({ [registry.host]: ['robot', 'robot-secret-9'] });
      const checker = labChecker([registry.host, realm.host], creds, { timeouts: TIMEOUTS, retry: RETRY });
      const run = await runChecked(checker, targets());
      // The third host issues anonymous tokens only (no credential reaches it): team/api is rejected.
      expect([...run.verdicts.values()].map((v) => `${v.status}/${v.credentials}`)).toEqual([
        'public/not-checked',
        'private/rejected',
        'private/rejected',
      ]);
      expect(third.requests.filter((r) => r.authorization === ROBOT).length).toBeGreaterThan(0);
      expect(third.requests.filter((r) => r.authorization && r.authorization !== ROBOT)).toEqual([]);
      expect(realm.requests.length).toBe(third.requests.length);
      expect(realm.requests.every((r) => r.authorization === undefined)).toBe(true);
    } finally {
      third.handler = issue;
    }
  });
});

describe('a realm that ignores batched scopes (grants only the first)', () => {
  it('a public image later in the batch stays public even when a private one is confirmed first', async () => {
    // Regression: a denied single-scope confirmation used to mark the realm "honours batches", so
    // every later denial was trusted and c/public came out private (real-registry flaked on this).
    third.handler = (q, r) => {
      const scopes = new URL(q.url ?? '', third.url).searchParams.getAll('scope');
      r.writeHead(200).end(JSON.stringify({ token: `tok:${scopes[0]}` }));
    };
    registry.handler = (q, r) => {
      if (q.url === '/v2/')
        return void r.writeHead(401, { 'www-authenticate': `Bearer realm="${third.url}/token"` }).end();
      const repo = /^\/v2\/(.+)\/manifests\//.exec(q.url ?? '')?.[1] ?? '';
      const granted = q.headers.authorization === `Bearer tok:repository:${repo}:pull` && repo !== 'b/denied';
      const answer = () => (granted ? r.writeHead(200, DIGEST).end() : r.writeHead(401).end());
      // The private image's denial arrives first, so its confirmation ends before c/public's denial.
      if (repo === 'c/public') setTimeout(answer, 100);
      else answer();
    };
    try {
      const list = ['a/first', 'b/denied', 'c/public'].map((repo) => target(registry.host, repo, '1'));
      const checker = labChecker([registry.host], new Map(), { timeouts: TIMEOUTS, retry: RETRY });
      const run = await runChecked(checker, list);
      expect(list.map((t) => run.verdicts.get(t.key)?.status)).toEqual(['public', 'private', 'public']);
    } finally {
      third.handler = issue;
    }
  });
});

describe('absurd expires_in', () => {
  // [raw JSON value, expected lifetime in ms]: at most one hour, renewed 5 s early, default 60 s.
  const CASES: [string, number][] = [
    ['1e308', 3_595_000],
    ['1e400', 55_000], // JSON.parse gives Infinity: not finite → default
    ['9007199254740993', 3_595_000],
    ['3153600000', 3_595_000],
    ['-5', 55_000],
    ['0', 55_000],
    ['"abc"', 55_000],
    ['"300"', 55_000],
    ['null', 55_000],
    ['1e-300', 0],
    ['3', 0],
    ['300', 295_000],
  ];

  it.each(CASES)('expires_in %s → a finite lifetime of %d ms', async (raw, lifetimeMs) => {
    third.handler = (_q, r) => void r.writeHead(200).end(`{"token":"T","expires_in":${raw}}`);
    const transport = new Transport(2, TIMEOUTS, RETRY);
    const seen: string[] = [];
    try {
      const broker = new TokenBroker(transport, (t) => seen.push(t));
      const outcome = await broker.token(
        { realm: `${third.url}/token` },
        ANONYMOUS,
        'repository:a:pull',
        Date.now() + 30_000,
      );
      expect(outcome).toEqual({ kind: 'token', token: 'T', batchSize: 1, lifetimeMs });
      expect(seen).toEqual(['T']);
    } finally {
      await transport.close();
      third.handler = issue;
    }
  });

  it('a token for 1e308 s is reused across check() calls; one for 3 s is fetched again', async () => {
    for (const [raw, wanted] of [
      ['1e308', 1],
      ['3', 2],
    ] as const) {
      registryChallenging(`${third.url}/token`);
      third.requests.length = 0;
      third.handler = (_q, r) => void r.writeHead(200).end(`{"token":"tok-anon","expires_in":${raw}}`);
      const checker = labChecker([registry.host], new Map(), { timeouts: TIMEOUTS, retry: RETRY });
      try {
        for (const tag of ['1', '2']) {
          const t = target(registry.host, 'public/web', tag);
          expect((await checker.check([t])).get(t.key)?.status).toBe('public');
        }
      } finally {
        await checker.close();
        third.handler = issue;
      }
      expect(third.requests, `expires_in ${raw}`).toHaveLength(wanted);
    }
  });

  it('parseTokenResponse never returns a non-finite or non-positive lifetime', () => {
    for (const [raw] of CASES) {
      const parsed = parseTokenResponse(`{"token":"T","expires_in":${raw}}`);
      expect(Number.isFinite(parsed?.expiresInS)).toBe(true);
      expect(parsed!.expiresInS).toBeGreaterThan(0);
      expect(parsed!.expiresInS).toBeLessThanOrEqual(3_600);
    }
  });
});

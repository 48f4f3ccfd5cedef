// The checker against real docker-registry processes on loopback (open, htpasswd, token auth).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessVerdict } from '../../src/model.js';
import { type FaultServer, forwardTo, startFaultServer } from './harness/fault-server.js';
import { HTPASSWD_USER, type Lab, startLab } from './harness/lab.js';
import { pushImage } from './harness/push.js';
import { USERS } from './harness/token-server.js';
import { credentials, labChecker, target } from './helpers.js';

let lab: Lab;
const digests: Record<string, string> = {};

beforeAll(async () => {
  lab = await startLab();
  const { open, htpasswd, token } = lab;
  const seeds: [string, typeof open, string, 'oci' | 'docker' | 'index', keyof Lab['authorizers']][] = [
    ['open-oci', open, 'public/oci', 'oci', 'open'],
    ['open-docker', open, 'public/docker', 'docker', 'open'],
    ['open-index', open, 'public/index', 'index', 'open'],
    ['ht-app', htpasswd, 'team/app', 'oci', 'htpasswd'],
    ['tok-public', token, 'public/app', 'oci', 'token'],
    ['tok-public2', token, 'public/other', 'docker', 'token'],
    ['tok-team', token, 'team/app', 'docker', 'token'],
    ['tok-team-index', token, 'team/index', 'index', 'token'],
    ['tok-vault', token, 'vault/secret', 'oci', 'token'],
  ];
  await Promise.all(
    seeds.map(async ([name, registry, repository, kind, auth]) => {
      digests[name] = await pushImage(registry.url, repository, '1', kind, lab.authorizers[auth]);
    }),
  );
});

afterAll(async () => {
  await lab?.stop();
});

type Expected = Pick<AccessVerdict, 'status' | 'credentials'> & { reason?: RegExp };

async function expectVerdicts(
  checker: ReturnType<typeof labChecker>,
  cases: [ReturnType<typeof target>, Expected][],
): Promise<void> {
  try {
    const verdicts = await checker.check(cases.map(([t]) => t));
    for (const [t, expected] of cases) {
      const verdict = verdicts.get(t.key);
      expect(verdict, t.key).toMatchObject({ status: expected.status, credentials: expected.credentials });
      if (expected.reason) expect(verdict?.reason, t.key).toMatch(expected.reason);
      if (expected.status === 'public') expect(verdict?.reason, t.key).toBeUndefined();
    }
  } finally {
    await checker.close();
  }
}

describe('open registry', () => {
  it('classifies OCI, Docker v2, index and digest references, and missing ones', async () => {
    const h = lab.open.host;
    await expectVerdicts(labChecker([h]), [
      [target(h, 'public/oci', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'public/docker', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'public/index', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'public/oci', digests['open-oci']!), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'public/index', digests['open-index']!), { status: 'public', credentials: 'not-checked' }],
      [
        target(h, 'public/oci', 'nope'),
        { status: 'not-found', credentials: 'none', reason: /^404 MANIFEST_UNKNOWN from 127\.0\.0\.1:\d+$/ },
      ],
      [
        target(h, 'public/oci', `sha256:${'0'.repeat(64)}`),
        { status: 'not-found', credentials: 'none', reason: /^404 / },
      ],
      [
        target(h, 'no/such', '1'),
        {
          status: 'not-found',
          credentials: 'none',
          reason:
            /^404 MANIFEST_UNKNOWN from / /* distribution 2.8 says MANIFEST_UNKNOWN for an unknown repository */,
        },
      ],
    ]);
  });
});

describe('htpasswd registry', () => {
  it('without credentials: private, credentials none', async () => {
    const h = lab.htpasswd.host;
    await expectVerdicts(labChecker([h]), [
      [
        target(h, 'team/app', '1'),
        { status: 'private', credentials: 'none', reason: new RegExp(`^401 from ${h} \\(`) },
      ],
      [target(h, 'team/app', 'nope'), { status: 'private', credentials: 'none' }],
    ]);
  });

  it('with credentials: ok, not-found, digest', async () => {
    const h = lab.htpasswd.host;
    const creds = credentials({ [h]: [HTPASSWD_USER.username, HTPASSWD_USER.password] });
    await expectVerdicts(labChecker([h], creds), [
      [target(h, 'team/app', '1'), { status: 'private', credentials: 'ok' }],
      [target(h, 'team/app', digests['ht-app']!), { status: 'private', credentials: 'ok' }],
      [
        target(h, 'team/app', 'nope'),
        {
          status: 'not-found',
          credentials: 'ok',
          reason: new RegExp(`^404 MANIFEST_UNKNOWN from ${h} with credentials$`),
        },
      ],
    ]);
  });

  it('with wrong credentials: rejected', async () => {
    const h = lab.htpasswd.host;
    const creds = credentials({ [`https://${h}/v1/`]: [HTPASSWD_USER.username, 'wrong'] });
    await expectVerdicts(labChecker([h], creds), [
      [
        target(h, 'team/app', '1'),
        { status: 'private', credentials: 'rejected', reason: /^401 from .* with credentials/ },
      ],
    ]);
  });
});

describe('token registry', () => {
  it('without credentials: public/*, insufficient_scope for the rest', async () => {
    const h = lab.token.host;
    await expectVerdicts(labChecker([h]), [
      [target(h, 'public/app', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'public/app', digests['tok-public']!), { status: 'public', credentials: 'not-checked' }],
      [
        target(h, 'public/app', 'nope'),
        { status: 'not-found', credentials: 'none', reason: /^404 MANIFEST_UNKNOWN/ },
      ],
      [
        target(h, 'team/app', '1'),
        {
          status: 'private',
          credentials: 'none',
          reason: new RegExp(`^401 from ${h} \\(insufficient_scope\\)$`),
        },
      ],
      [target(h, 'vault/secret', '1'), { status: 'private', credentials: 'none' }],
    ]);
  });

  it('with reader credentials: ok, rejected, not-found; credentials reach only the token realm', async () => {
    const h = lab.token.host;
    const before = lab.tokenServer.requests.length;
    await expectVerdicts(labChecker([h], credentials({ [h]: ['reader', USERS.reader!] })), [
      [target(h, 'public/app', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(h, 'team/app', '1'), { status: 'private', credentials: 'ok' }],
      [target(h, 'team/index', '1'), { status: 'private', credentials: 'ok' }],
      [target(h, 'team/app', digests['tok-team']!), { status: 'private', credentials: 'ok' }],
      [
        target(h, 'team/app', 'nope'),
        { status: 'not-found', credentials: 'ok', reason: /^404 MANIFEST_UNKNOWN from .* with credentials$/ },
      ],
      [
        target(h, 'vault/secret', '1'),
        {
          status: 'private',
          credentials: 'rejected',
          reason: /^401 from .*with credentials \(insufficient_scope\)$/,
        },
      ],
    ]);
    const requests = lab.tokenServer.requests.slice(before);
    const anonymous = requests.filter((r) => r.authorization === undefined);
    const credentialed = requests.filter((r) => r.authorization !== undefined);
    // Scopes are batched: one anonymous request for four repositories, plus one single-scope request
    // per denied repository (the anonymous JWT grants one scope, which proves nothing about batches,
    // and a denial alone proves nothing either), and one credentialed request announced for all four
    // repositories before any is known to need it, so that the credentialed probes of a private
    // image can follow its anonymous one at once (its JWT grants several scopes: the realm honours
    // batches).
    expect(anonymous, JSON.stringify(requests)).toHaveLength(4);
    expect(anonymous.slice(1).map((r) => r.scopes.length)).toEqual([1, 1, 1]);
    expect(anonymous[0]!.scopes.sort()).toEqual(
      ['public/app', 'team/app', 'team/index', 'vault/secret'].map((r) => `repository:${r}:pull`),
    );
    expect(credentialed).toHaveLength(1);
    expect(credentialed[0]!.scopes.sort()).toEqual(
      ['public/app', 'team/app', 'team/index', 'vault/secret'].map((r) => `repository:${r}:pull`),
    );
    expect(requests.every((r) => r.service === 'kots-proxy-test-registry')).toBe(true);
  });

  it('with a wrong password: the token endpoint refuses, credentials rejected', async () => {
    const h = lab.token.host;
    await expectVerdicts(labChecker([h], credentials({ [h]: ['reader', 'wrong'] })), [
      [
        target(h, 'team/app', '1'),
        {
          status: 'private',
          credentials: 'rejected',
          reason: /^401 from 127\.0\.0\.1:\d+ token endpoint with credentials$/,
        },
      ],
      [target(h, 'public/app', '1'), { status: 'public', credentials: 'not-checked' }],
    ]);
  });

  it('falls back to one scope per token request when the realm ignores batches; reads access_token', async () => {
    const h = lab.token.host;
    lab.tokenServer.behaviour.firstScopeOnly = true;
    lab.tokenServer.behaviour.field = 'access_token';
    try {
      await expectVerdicts(labChecker([h]), [
        [target(h, 'public/app', '1'), { status: 'public', credentials: 'not-checked' }],
        [target(h, 'public/other', '1'), { status: 'public', credentials: 'not-checked' }],
        [target(h, 'team/app', '1'), { status: 'private', credentials: 'none' }],
      ]);
    } finally {
      lab.tokenServer.behaviour.firstScopeOnly = false;
      lab.tokenServer.behaviour.field = 'token';
    }
  });
});

describe('anonymous pass', () => {
  let proxy: FaultServer;
  beforeAll(async () => {
    proxy = await startFaultServer();
  });
  afterAll(async () => {
    await proxy.close();
  });

  it('sends no Authorization; only the credentialed pass does, and only for non-public images', async () => {
    proxy.handler = forwardTo(lab.htpasswd.url);
    proxy.requests.length = 0;
    const creds = credentials({ [proxy.host]: [HTPASSWD_USER.username, HTPASSWD_USER.password] });
    await expectVerdicts(labChecker([proxy.host], creds), [
      [target(proxy.host, 'team/app', '1'), { status: 'private', credentials: 'ok' }],
    ]);
    const [ping, anonymousHead, ...credentialed] = proxy.requests;
    expect(ping).toMatchObject({ method: 'GET', path: '/v2/', authorization: undefined });
    expect(anonymousHead).toMatchObject({
      method: 'HEAD',
      path: '/v2/team/app/manifests/1',
      authorization: undefined,
    });
    expect(credentialed.length).toBeGreaterThan(0);
    expect(credentialed.every((r) => r.authorization?.startsWith('Basic '))).toBe(true);
  });

  it('public images on a host with credentials never see them', async () => {
    proxy.handler = forwardTo(lab.open.url);
    proxy.requests.length = 0;
    const creds = credentials({ [proxy.host]: ['someone', 'secret'] });
    await expectVerdicts(labChecker([proxy.host], creds), [
      [target(proxy.host, 'public/oci', '1'), { status: 'public', credentials: 'not-checked' }],
      [target(proxy.host, 'public/index', '1'), { status: 'public', credentials: 'not-checked' }],
    ]);
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(proxy.requests.filter((r) => r.authorization !== undefined)).toEqual([]);
    expect(
      proxy.requests.filter((r) => r.method === 'HEAD').every((r) => r.accept?.split(', ').length === 4),
    ).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryCredentials } from '../../src/registry/auth.js';
import { createRegistryChecker } from '../../src/registry/checker.js';
import { runBundledCli } from '../helpers/cli.js';
import { runChecked } from './harness/campaign.js';
import { type FaultServer, startFaultServer } from './harness/fault-server.js';
import { type Certificate, selfSignedCertificate } from './harness/faults.js';
import { credentials, recordingLogger, target } from './helpers.js';

const DIGEST = { 'docker-content-digest': `sha256:${'c'.repeat(64)}` };
// Small retry delays; timeouts generous for a busy machine (TLS refusals below end without waiting
// on any of them: no request is sent and nothing is retried).
const FAST = {
  timeouts: { connectMs: 5_000, headersMs: 5_000, bodyMs: 5_000, perImageMs: 20_000 },
  retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10, maxRetryAfterMs: 50 },
};

let cert: Certificate;
let secure: FaultServer; // HTTPS, self-signed
let realmHttps: FaultServer; // HTTPS registry whose token realm is plain http
let plain: FaultServer; // HTTP

const checker = (creds: RegistryCredentials = new Map(), insecure: string[] = []) =>
  createRegistryChecker({
    credentials: creds,
    insecureRegistries: insecure,
    // Loopback servers stand in for public registries here: allow them past the network policy.
    allowRegistries: [secure.host, realmHttps.host, plain.host],
    concurrency: 4,
    logger: recordingLogger(),
    ...FAST,
  });

beforeAll(async () => {
  cert = selfSignedCertificate();
  const tls = { key: cert.key, cert: cert.cert };
  plain = await startFaultServer((_q, r) => r.writeHead(200, DIGEST).end('{"token":"plain-tok"}'));
  secure = await startFaultServer(
    (q, r) => {
      if (q.url === '/v2/') return void r.writeHead(200).end('{}');
      if (q.url?.includes('/moved/'))
        return void r.writeHead(307, { location: `${plain.url}${q.url}` }).end();
      r.writeHead(200, DIGEST).end();
    },
    { tls },
  );
  realmHttps = await startFaultServer(
    (_q, r) => {
      r.writeHead(401, { 'www-authenticate': `Bearer realm="${plain.url}/token",service="s"` }).end();
    },
    { tls },
  );
});
afterAll(async () => {
  await Promise.all([secure?.close(), realmHttps?.close(), plain?.close()]);
  if (cert) rmSync(cert.dir, { recursive: true, force: true });
});

describe('TLS errors in process (certificate not trusted)', () => {
  it('self-signed HTTPS registry not listed insecure → unreachable naming TLS, no HTTP request, no retry', async () => {
    secure.requests.length = 0;
    const list = [target(secure.host, 'ok/app', '1'), target(secure.host, 'ok/other', '2')];
    const run = await runChecked(checker(), list);
    for (const t of list) {
      expect(run.verdicts.get(t.key)).toEqual({
        status: 'unreachable',
        credentials: 'none',
        reason: `TLS error with ${secure.host} (DEPTH_ZERO_SELF_SIGNED_CERT)`,
      });
    }
    expect(secure.requests).toHaveLength(0);
    expect(run.stats.retries).toBe(0);
    expect(run.stats.requests).toBe(1); // the shared ping
  });

  it('the same with credentials: still unreachable, and the credentials never left', async () => {
    const creds = credentials({ [secure.host]: ['robot', 'tls-secret-7'] });
    const list = [target(secure.host, 'ok/app', '1')];
    const run = await runChecked(checker(creds), list);
    expect(run.verdicts.get(list[0]!.key)).toMatchObject({
      status: 'unreachable',
      reason: `TLS error with ${secure.host} (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    });
    expect(secure.requests).toHaveLength(0);
  });

  it('a plain-HTTP registry not listed insecure → unreachable naming TLS/SSL', async () => {
    plain.requests.length = 0;
    const list = [target(plain.host, 'x/app', '1')];
    const run = await runChecked(checker(), list);
    const verdict = run.verdicts.get(list[0]!.key);
    expect(verdict?.status).toBe('unreachable');
    expect(verdict?.reason).toMatch(new RegExp(`^TLS error with ${plain.host} \\(ERR_SSL_[A-Z_]+\\)$`));
    expect(plain.requests).toHaveLength(0);
  });
});

const runCli = (cwd: string, args: string[]) =>
  runBundledCli(cwd, args, { NODE_EXTRA_CA_CERTS: cert.certPath }, 120_000);

describe('TLS through the bundled CLI (certificate trusted with NODE_EXTRA_CA_CERTS)', () => {
  it('trusted HTTPS works; https→http redirects and http token realms with credentials are refused', {
    timeout: 180_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kots-proxy-tls-cli-'));
    try {
      mkdirSync(join(dir, 'manifests'));
      const images = [
        `${secure.host}/ok/app:1`,
        `${secure.host}/moved/app:1`,
        `${realmHttps.host}/team/app:1`,
      ];
      const containers = images.map((image, i) => `        - {name: c${i}, image: "${image}"}`);
      writeFileSync(
        join(dir, 'manifests', 'deploy.yaml'),
        [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata: {name: d}',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          ...containers,
          '',
        ].join('\n'),
      );
      const password = 'tls-cli-secret-3';
      const auth = { auths: { [realmHttps.host]: { username: 'robot', password } } };
      writeFileSync(join(dir, 'auth.json'), JSON.stringify(auth));
      plain.requests.length = 0;
      const r = await runCli(dir, [
        'scan',
        'manifests',
        '--app-slug',
        'acme',
        '--report',
        'report.json',
        '--registry-auth',
        'auth.json',
        '--fail-on',
        'never',
        '--verbose',
        // Loopback servers stand in for public registries (needs a dist/ built with --allow-registry).
        ...[secure.host, realmHttps.host, plain.host].flatMap((h) => ['--allow-registry', h]),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        images: { image: string; status: string; credentials: string; reason?: string }[];
      };
      const byImage = new Map(report.images.map((i) => [i.image, i]));
      expect(byImage.get(images[0]!)).toMatchObject({ status: 'public', credentials: 'not-checked' });
      expect(byImage.get(images[1]!)).toMatchObject({
        status: 'unreachable',
        credentials: 'none',
        reason: `refusing redirect from https://${secure.host} to plain http://${plain.host}`,
      });
      // An http realm of an https registry is asked on neither pass: the image is not checked.
      expect(byImage.get(images[2]!)).toMatchObject({
        status: 'unknown',
        credentials: 'not-checked',
        reason: `not contacted: token realm ${plain.host} of ${realmHttps.host} is not https`,
      });
      expect(plain.requests.filter((q) => q.path.includes('/manifests/'))).toHaveLength(0);
      expect(plain.requests.every((q) => q.authorization === undefined)).toBe(true);
      expect(`${r.stdout}${r.stderr}${readFileSync(join(dir, 'report.json'), 'utf8')}`).not.toContain(
        password,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRaw } from '../github/git.js';
import { runBundledCli } from '../helpers/cli.js';
import { type Lab, startLab } from '../registry/harness/lab.js';
import { findLeaks, readTree } from '../registry/harness/leaks.js';
import { pushImage } from '../registry/harness/push.js';
import { USERS } from '../registry/harness/token-server.js';
import { BUNDLE, runAction, setupScenario } from './harness.js';

const USER = 'robot$ci';
const PASSWORD = 'p@ss/w0rd+K%3=z!~';
const GITHUB_TOKEN = 'ghs_Secr3tGitHubTok3n0000000000000042';

let lab: Lab;
let host: string;
const basicPair = `${USER}:${PASSWORD}`;

function manifest(): string {
  const images = ['team/app:1', 'public/web:1', 'vault/db:1', 'team/missing:1'].map((i) => `${host}/${i}`);
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: app}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    ...images.map((image, i) => `        - {name: c${i}, image: "${image}"}`),
    '',
  ].join('\n');
}

/** The secrets of one run: credential forms, the GitHub token and every registry token issued in it. */
function secretsOf(issuedFrom: number, extra: Record<string, string> = {}): Map<string, string> {
  const secrets = new Map<string, string>([
    ['password', PASSWORD],
    ['user:password', basicPair],
    ...Object.entries(extra),
  ]);
  for (const [i, token] of lab.tokenServer.issued.slice(issuedFrom).entries()) {
    secrets.set(`registry token #${i}`, token);
  }
  return secrets;
}

type Image = { image: string; status: string; credentials: string };
function verdicts(reportText: string): Record<string, string> {
  const report = JSON.parse(reportText) as { images: Image[] };
  return Object.fromEntries(
    report.images.map((i) => [i.image.slice(host.length + 1), `${i.status}/${i.credentials}`]),
  );
}
const EXPECTED = {
  'team/app:1': 'private/ok',
  'public/web:1': 'public/not-checked',
  'vault/db:1': 'private/rejected',
  'team/missing:1': 'not-found/ok',
};

beforeAll(async () => {
  expect(readFileSync(BUNDLE).length, 'run `npm run bundle` first').toBeGreaterThan(0);
  USERS[USER] = PASSWORD;
  lab = await startLab({ open: false, htpasswd: false, token: true });
  host = lab.token.host;
  await pushImage(lab.token.url, 'team/app', '1', 'oci', lab.authorizers.token);
  await pushImage(lab.token.url, 'public/web', '1', 'docker', lab.authorizers.token);
  await pushImage(lab.token.url, 'vault/db', '1', 'oci', lab.authorizers.token);
}, 60_000);
afterAll(async () => {
  await lab?.stop();
});

describe('secret hygiene', () => {
  it('the leak scan finds a secret in each form it travels in (control)', () => {
    const secrets = new Map([['pair', basicPair]]);
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const planted = [
      basicPair,
      `auth: ${b64(basicPair)}`,
      ...['x', 'xy', 'xyz'].map((pad) => b64(`{"auths":{"h":"${pad}${basicPair}"}}`)),
      Buffer.from(`ab${basicPair}`).toString('base64url'),
      `https://h/?p=${encodeURIComponent(basicPair)}`,
      JSON.stringify({ p: basicPair }),
    ];
    const sources = new Map(planted.map((text, i) => [`planted ${i}`, text]));
    expect(findLeaks(sources, secrets).map((l) => l.source)).toEqual([...sources.keys()]);
    expect(findLeaks(new Map([['clean', 'robot ci p@ss w0rd K 3 z']]), secrets)).toEqual([]);
  });

  it('the action writes no secret anywhere but its own ::add-mask:: lines', async () => {
    const s = await setupScenario({
      base: { 'README.md': '# app\n', 'manifests/app.yaml': manifest() },
      branchFiles: { 'manifests/app.yaml': `${manifest()}# touched\n` },
      double: { writeTokens: [GITHUB_TOKEN] },
    });
    try {
      const auth = JSON.stringify({ auths: { [host]: { username: USER, password: PASSWORD } } }, null, 2);
      const issuedFrom = lab.tokenServer.issued.length;
      const requestsFrom = lab.tokenServer.requests.length;
      const r = await runAction(s, {
        'app-slug': 'acme',
        'registry-auth': auth,
        'insecure-registries': host,
        'fail-on': 'never',
        token: GITHUB_TOKEN,
      });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const runDir = dirname(dirname(r.outputs.report!));
      expect(verdicts(readFileSync(r.outputs.report!, 'utf8'))).toEqual(EXPECTED);
      expect(r.outputs['commit-sha']).toMatch(/^[0-9a-f]{40}$/);
      // The credentials were really used, and real tokens were issued to the action.
      const robot = `Basic ${Buffer.from(basicPair).toString('base64')}`;
      expect(lab.tokenServer.requests.slice(requestsFrom).some((q) => q.authorization === robot)).toBe(true);
      const secrets = secretsOf(issuedFrom, { 'github token': GITHUB_TOKEN });
      // Anonymous and credentialed tokens: at least one of each.
      expect(lab.tokenServer.issued.length - issuedFrom).toBeGreaterThanOrEqual(2);

      const objects = await gitRaw(['--git-dir', s.bare, 'cat-file', '--batch-all-objects', '--batch']);
      expect(objects.code).toBe(0);
      const api = s.double.requests.map((q) =>
        JSON.stringify({ ...q, token: undefined, query: `${q.query}` }),
      );
      const sources = new Map<string, string>([
        ['stderr', r.stderr],
        ['bare repository objects', objects.bytes.toString('latin1')],
        ['requests to the GitHub API', api.join('\n')],
        ...readTree(runDir, 'RUNNER_TEMP'),
        ...readTree(s.workspace, 'workspace', (p) => p === '.git/objects'),
        ...readTree(s.bare, 'bare', (p) => p === 'objects'),
      ]);
      expect([...sources.keys()]).toEqual(
        expect.arrayContaining([
          'RUNNER_TEMP/output',
          'RUNNER_TEMP/summary',
          'workspace/kots-proxy/kustomization.yaml',
        ]),
      );
      expect(sources.get('bare repository objects')).toContain('kots-proxy: update generated overlay');
      expect(findLeaks(sources, secrets)).toEqual([]);

      // stdout: secrets appear only inside ::add-mask:: commands, and each one is masked.
      const stdoutLeaks = findLeaks(new Map([['stdout', r.stdout]]), secrets);
      expect(stdoutLeaks.length).toBeGreaterThan(0); // the masks themselves: the scan sees them
      expect(stdoutLeaks.filter((l) => !l.line.startsWith('::add-mask::'))).toEqual([]);
      // core.setSecret escapes %, CR and LF in the command (the runner undoes it).
      const commandData = (v: string) => v.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      const masks = new Set(
        r.stdout
          .split('\n')
          .filter((l) => l.startsWith('::add-mask::'))
          .map((l) => commandData(l.slice('::add-mask::'.length))),
      );
      for (const [name, secret] of secrets) expect(masks.has(secret), `${name} is masked`).toBe(true);
      expect(masks.has(Buffer.from(basicPair).toString('base64'))).toBe(true);
    } finally {
      await s.double.close();
    }
  }, 60_000);

  it('the CLI with --registry-auth and --verbose writes no secret form at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kots-proxy-secrets-cli-'));
    try {
      mkdirSync(join(dir, 'manifests'));
      writeFileSync(join(dir, 'manifests', 'app.yaml'), manifest());
      const authValue = Buffer.from(basicPair).toString('base64');
      writeFileSync(
        join(dir, 'auth.json'),
        JSON.stringify({ auths: { [`http://${host}/v2/`]: { auth: authValue } } }),
      );
      const issuedFrom = lab.tokenServer.issued.length;
      const args = [
        'scan',
        'manifests',
        '--app-slug',
        'acme',
        '--registry-auth',
        'auth.json',
        '--insecure-registry',
        host,
        '--verbose',
        '--report',
        'report.json',
        '--out',
        'kots-proxy',
        '--fail-on',
        'never',
      ];
      const r = await runCli(dir, args);
      expect(r.code, r.stderr).toBe(0);
      expect(verdicts(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(EXPECTED);
      expect(r.stderr).toContain(`${host}/team/app@1`); // --verbose: the per-probe debug lines
      const secrets = secretsOf(issuedFrom, { 'auth as written': authValue });
      expect(secrets.size).toBeGreaterThanOrEqual(4);
      const sources = new Map<string, string>([
        ['stdout', r.stdout],
        ['stderr', r.stderr],
        ...readTree(dir, 'cwd', (p) => p === 'auth.json'),
      ]);
      expect([...sources.keys()]).toEqual(
        expect.arrayContaining([
          'cwd/report.json',
          'cwd/kots-proxy/kustomization.yaml',
          'cwd/kots-proxy/pull-secret.yaml',
        ]),
      );
      expect(findLeaks(sources, secrets)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const runCli = (cwd: string, args: string[]) => runBundledCli(cwd, args, {}, 45_000);

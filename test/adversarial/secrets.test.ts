// Secret hygiene of the CLI: with a --registry-auth file, not one byte the CLI writes (stdout, stderr,
// the report, the generated files) holds a credential, in plain, base64 or URL-encoded form. The
// registry is 127.0.0.1 on a port nobody listens on, so the checker's requests fail and its error paths
// (the ones most likely to echo a request) are exercised; another run lists it as private (no request).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const USER = 'robot$acme+ci';
const PASSWORD = 'S3cr3t/P@ss w0rd+=?&';
const PAIR = `${USER}:${PASSWORD}`;

/** Every spelling of a credential that could leak. */
const FORMS = [
  PASSWORD,
  PAIR,
  Buffer.from(PAIR).toString('base64'),
  Buffer.from(PAIR).toString('base64').replace(/=+$/, ''),
  Buffer.from(PAIR).toString('base64url'),
  Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''),
  encodeURIComponent(PASSWORD),
  encodeURIComponent(PAIR),
  encodeURI(PASSWORD),
  JSON.stringify(PASSWORD).slice(1, -1),
];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Every file under `dir` (recursively), as text. */
function allFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

function leaks(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(texts)) {
    for (const form of FORMS)
      if (text.includes(form)) found.push(`${where} contains ${JSON.stringify(form)}`);
  }
  return found;
}

async function run(root: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: root,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    version: 'test',
  });
  return { code, stdout, stderr };
}

describe('no credential in anything the CLI writes', () => {
  it.each([
    ['the registry is checked (and unreachable)', (host: string) => ['--insecure-registry', host]],
    ['the registry is listed as private (no request)', (host: string) => ['--private-registry', host]],
  ])('%s', { timeout: 120_000 }, async (_name, flags) => {
    const host = `127.0.0.1:${await closedPort()}`;
    const root = tempDir();
    writeTree(root, {
      'manifests/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "${host}/acme/app:1"}\n    - {name: d, image: "${host}/acme/missing:2"}\n`,
    });
    const auth = {
      auths: {
        [host]: { auth: Buffer.from(PAIR).toString('base64') },
        'https://other.example:5000/v2/': { username: USER, password: PASSWORD },
      },
    };
    writeFileSync(join(root, 'auth.json'), JSON.stringify(auth));
    const argv = [
      'scan',
      '--app-slug',
      'acme',
      '--registry-auth',
      'auth.json',
      '--verbose',
      '--report',
      'out/report.json',
      '--out',
      'gen',
      '--fail-on',
      'never',
      ...flags(host),
    ];
    const first = await run(root, argv);
    const second = await run(root, [...argv.slice(0, -3), '--report', '-', ...argv.slice(-2)]);
    expect(first.code).toBe(0);
    // Not trivially empty: the run reported the image and wrote files.
    expect(first.stderr).toContain(`${host}/acme/app:1`);
    const report = JSON.parse(readFileSync(join(root, 'out/report.json'), 'utf8')) as {
      images: { status: string }[];
    };
    expect(report.images.map((i) => i.status)).toEqual(
      flags(host)[0] === '--private-registry' ? ['private', 'private'] : ['unreachable', 'unreachable'],
    );
    const written = { ...allFiles(join(root, 'gen')), ...allFiles(join(root, 'out')) };
    expect(Object.keys(written).length).toBeGreaterThanOrEqual(3);
    expect(
      leaks({ ...written, stdout: first.stdout + second.stdout, stderr: first.stderr + second.stderr }),
    ).toEqual([]);
  });

  it.each([
    ['invalid JSON around the secret', `{"auths":{"h":{"password":"${PASSWORD}", }}}`],
    ['an auth value that is not base64', `{"auths":{"h":{"auth":"${PASSWORD}"}}}`],
    ['a password but no username', `{"auths":{"h":{"password":"${PASSWORD}"}}}`],
  ])(
    'a malformed --registry-auth file (%s): exit 2, the reason names the file, not the secret',
    async (_name, text) => {
      const root = tempDir();
      writeTree(root, { 'manifests/a.yaml': 'kind: Pod\n', 'auth.json': text });
      const r = await run(root, ['scan', '--app-slug', 'acme', '--offline', '--registry-auth', 'auth.json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^kots-proxy: auth\.json: /);
      expect(leaks({ stdout: r.stdout, stderr: r.stderr })).toEqual([]);
    },
  );
});

// A hostile registry echoes what it was sent: the pull token it issued comes back in `error=` of its
// challenge and in its error document. Every output of the CLI (stdout, stderr, the report file, the
// generated files) must hold neither the credentials nor any token issued during the run, in plain,
// base64, URL-encoded or JSON-escaped form.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor, secretForms } from '../../src/redact.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { type FaultServer, startFaultServer } from '../registry/harness/fault-server.js';

const USER = 'robot';
const PASSWORD = 'pa"ss\\wörd/+=-123';
const TOKEN = 'tok.ISSUED-during-the-run-4242';

let registry: FaultServer;
beforeAll(async () => {
  registry = await startFaultServer((q, r) => {
    const challenge = `Bearer realm="http://${registry.host}/token",service="reg"`;
    if (q.url === '/v2/') return r.writeHead(401, { 'www-authenticate': challenge }).end();
    if (q.url?.startsWith('/token')) {
      r.writeHead(200, { 'content-type': 'application/json' });
      return r.end(JSON.stringify({ token: TOKEN }));
    }
    // The echo: the Authorization header, stripped of its scheme, as the challenge's error and body.
    const echoed = (q.headers.authorization ?? '').replace(/^\w+ /, '');
    r.writeHead(401, {
      'www-authenticate': `${challenge},error="${echoed}"`,
      'content-type': 'application/json',
    });
    r.end(JSON.stringify({ errors: [{ code: 'DENIED', message: q.headers.authorization ?? '' }] }));
  });
});
afterAll(() => registry.close());

function everyForm(secret: string): string[] {
  return [secret, ...secretForms(secret)];
}

describe('a registry that echoes credentials and tokens', () => {
  it('no output of the CLI holds a credential or an issued token in any form', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/a.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "${registry.host}/team/app:1"}\n`,
    });
    writeFileSync(
      join(root, 'auth.json'),
      JSON.stringify({ auths: { [registry.host]: { username: USER, password: PASSWORD } } }),
    );
    const run = await runCli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--insecure-registry',
      registry.host,
      '--registry-auth',
      'auth.json',
      '--report',
      'report.json',
      '--verbose',
      '--fail-on',
      'never',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(registry.requests.some((q) => q.authorization === `Bearer ${TOKEN}`)).toBe(true); // it was issued
    const outputs = [
      run.stdout,
      run.stderr,
      readFileSync(join(root, 'report.json'), 'utf8'),
      ...readdirSync(join(root, 'kots-proxy')).map((f) => readFileSync(join(root, 'kots-proxy', f), 'utf8')),
    ].join('\n');
    for (const secret of [PASSWORD, `${USER}:${PASSWORD}`, TOKEN]) {
      for (const form of everyForm(secret)) expect(outputs).not.toContain(form);
    }
  });
});

describe('the redactor', () => {
  it('hides tokens added during the run in plain, base64, URL-encoded and JSON-escaped forms', () => {
    const r = new Redactor([PASSWORD]);
    r.add(TOKEN);
    const text = everyForm(PASSWORD).concat(everyForm(TOKEN)).join(' | ');
    expect(r.redact(text).replaceAll('***', '').replaceAll(' | ', '')).toBe('');
  });

  it('ignores values too short to hide meaningfully', () => {
    const r = new Redactor(['e', 'ab']);
    expect(r.redact('every letter stays')).toBe('every letter stays');
  });
});

describe('action masking', () => {
  it('a one-character token or password is not turned into ::add-mask::e', async () => {
    const { parseInputs } = await import('../../src/action/inputs.js');
    const masked: string[] = [];
    const values: Record<string, string> = {
      'app-slug': 'acme',
      token: 'e',
      'registry-auth': JSON.stringify({ auths: { 'quay.io': { username: 'u', password: 'p' } } }),
    };
    parseInputs(
      (name) => values[name] ?? '',
      (s) => masked.push(s),
      () => undefined,
    );
    expect(masked.filter((s) => s.length < 4)).toEqual([]);
    expect(masked).toContain(values['registry-auth']); // the credential file itself is masked
  });
});

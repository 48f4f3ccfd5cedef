// Starts `docker-registry serve config.yml` (distribution 2.8) on a loopback port of its
// own choosing, with its own temporary storage: open, htpasswd (bcrypt, `htpasswd -Bbn`) or token auth.
// The registry binds `127.0.0.1:0` and the harness reads the port from its "listening on" log line.
// Picking a free port first and handing it over was racy: between the probe socket closing and the
// registry binding (longer under load), another process could take the port; the registry then
// exited on EADDRINUSE while the readiness poll got an answer from the stranger, and a test went on
// against someone else's registry (an open one makes private images look public).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireTool, waitForHttp } from './tools.js';

export type RegistryAuth =
  | { kind: 'open' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertPath: string };

export interface RunningRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  url: string;
  stop(): Promise<void>;
}

function configYaml(dir: string, auth: RegistryAuth): string {
  const lines = [
    'version: 0.1',
    'log:',
    // info: the "listening on" line carries the bound address (access logs stay off).
    '  level: info',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    'http:',
    '  addr: 127.0.0.1:0',
    '  secret: kots-proxy-test-secret',
  ];
  if (auth.kind === 'htpasswd') {
    const path = join(dir, 'htpasswd');
    const entries = Object.entries(auth.users).map(([user, pass]) =>
      execFileSync('htpasswd', ['-Bbn', user, pass], { encoding: 'utf8' }).trim(),
    );
    writeFileSync(path, `${entries.join('\n')}\n`);
    lines.push('auth:', '  htpasswd:', '    realm: kots-proxy-test', `    path: ${path}`);
  }
  if (auth.kind === 'token') {
    lines.push(
      'auth:',
      '  token:',
      `    realm: ${auth.realm}`,
      `    service: ${auth.service}`,
      `    issuer: ${auth.issuer}`,
      `    rootcertbundle: ${auth.rootCertPath}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The registry at `url` answers `/v2/` as one configured with `auth` would: ours, not a stranger. */
async function expectOwnAnswer(url: string, auth: RegistryAuth): Promise<void> {
  const response = await fetch(`${url}/v2/`);
  await response.arrayBuffer();
  const challenge = response.headers.get('www-authenticate') ?? '';
  const ours =
    auth.kind === 'open'
      ? response.status === 200
      : response.status === 401 &&
        challenge.includes(auth.kind === 'token' ? `realm="${auth.realm}"` : 'realm="kots-proxy-test"');
  if (!ours)
    throw new Error(`${url} is not the ${auth.kind} registry just started (${response.status} ${challenge})`);
}

/** distribution logs `msg="listening on 127.0.0.1:PORT"` once its listener is bound. */
const LISTENING = /listening on 127\.0\.0\.1:(\d+)/;

export async function startRegistry(dir: string, auth: RegistryAuth): Promise<RunningRegistry> {
  requireTool('docker-registry');
  if (auth.kind === 'htpasswd') requireTool('htpasswd');
  mkdirSync(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'config.yml');
  writeFileSync(config, configYaml(dir, auth));
  let output = '';
  let exited = false;
  const child: ChildProcess = spawn('docker-registry', ['serve', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`docker-registry did not report its address within 60 s: ${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`docker-registry exited (${code}) before listening: ${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/v2/`, 60_000, () => (exited ? `docker-registry exited: ${output}` : output));
  await expectOwnAnswer(url, auth);
  return {
    host: `127.0.0.1:${port}`,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

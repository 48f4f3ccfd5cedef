// Starts `docker-registry serve config.yml` (distribution 2.8) on a free loopback port
// with its own temporary storage: open, htpasswd (bcrypt, `htpasswd -Bbn`) or token auth.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, requireTool, waitForHttp } from './tools.js';

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

function configYaml(dir: string, port: number, auth: RegistryAuth): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'data')}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
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

export async function startRegistry(dir: string, auth: RegistryAuth): Promise<RunningRegistry> {
  requireTool('docker-registry');
  if (auth.kind === 'htpasswd') requireTool('htpasswd');
  mkdirSync(join(dir, 'data'), { recursive: true });
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(config, configYaml(dir, port, auth));
  let output = '';
  const child: ChildProcess = spawn('docker-registry', ['serve', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitForHttp(`${url}/v2/`, 15_000, () => (exited ? `docker-registry exited: ${output}` : output));
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

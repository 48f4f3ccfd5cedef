// A second docker-registry serving the same storage as the bench's plain one, but with TLS of its
// own (`http.tls` in its config). Go's server then offers h2 and http/1.1 by ALPN, which a TLS
// terminator that only forwards bytes cannot do; the delay proxy in front works at TCP level, so
// HTTP/2 through it pays the same round trips as HTTP/1.1 does.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LISTENING = /listening on 127\.0\.0\.1:(\d+)/;

/** `token` is the registry's token auth ({ realm, service, issuer, rootCertPath }). */
export async function startTlsRegistry({ dir, storageDir, certPath, keyPath, token }) {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: info',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storageDir}`,
      'http:',
      '  addr: 127.0.0.1:0',
      '  secret: kots-proxy-bench-secret',
      '  tls:',
      `    certificate: ${certPath}`,
      `    key: ${keyPath}`,
      'auth:',
      '  token:',
      `    realm: ${token.realm}`,
      `    service: ${token.service}`,
      `    issuer: ${token.issuer}`,
      `    rootcertbundle: ${token.rootCertPath}`,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`TLS registry silent: ${output}`)), 60_000);
    const onData = (chunk) => {
      output = (output + chunk).slice(-4000);
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`TLS registry exited (${code}): ${output}`));
    });
  });
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

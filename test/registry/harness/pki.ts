// A throwaway RSA key and self-signed certificate for the token server (openssl CLI), and RS256 JWTs
// whose `x5c` header carries that certificate, as docker-registry's token auth expects.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, createSign, randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SigningKey {
  certPath: string;
  sign(claims: Record<string, unknown>): string;
}

/** A 2-day self-signed RSA certificate made with the openssl CLI; `extra` adds e.g. `-addext` args. */
export function opensslSelfSigned(dir: string, name: string, cn: string, extra: string[] = []) {
  const keyPath = join(dir, `${name}.key`);
  const certPath = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      ...extra,
    ],
    { stdio: 'ignore' },
  );
  return { keyPath, certPath };
}

export function createSigningKey(dir: string): SigningKey {
  const { keyPath, certPath } = opensslSelfSigned(dir, 'token', 'kots-proxy-test-token');
  const key = createPrivateKey(readFileSync(keyPath));
  const der = new X509Certificate(readFileSync(certPath)).raw.toString('base64');
  const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return {
    certPath,
    sign(claims) {
      const header = b64url({ alg: 'RS256', typ: 'JWT', x5c: [der] });
      const now = Math.floor(Date.now() / 1000);
      const payload = b64url({ iat: now, nbf: now - 10, exp: now + 300, jti: randomUUID(), ...claims });
      const signature = createSign('RSA-SHA256')
        .update(`${header}.${payload}`)
        .sign(key)
        .toString('base64url');
      return `${header}.${payload}.${signature}`;
    },
  };
}

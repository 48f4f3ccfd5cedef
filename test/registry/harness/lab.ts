// The registry lab: an open registry, an htpasswd registry and a token-auth registry with its token
// server, each on a free 127.0.0.1 port with temporary storage. Nothing listens beyond loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSigningKey } from './pki.js';
import type { Authorizer } from './push.js';
import { noAuth } from './push.js';
import { type RunningRegistry, startRegistry } from './registry.js';
import { startTokenServer, type TokenServer, USERS } from './token-server.js';
import { requireTool } from './tools.js';

export const TOKEN_SERVICE = 'kots-proxy-test-registry';
export const HTPASSWD_USER = { username: 'user', password: 'pass' };

export interface Lab {
  open: RunningRegistry;
  htpasswd: RunningRegistry;
  token: RunningRegistry;
  tokenServer: TokenServer;
  authorizers: { open: Authorizer; htpasswd: Authorizer; token: Authorizer };
  stop(): Promise<void>;
}

const basic = (user: string, pass: string): string =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export async function startLab(
  which: { open?: boolean; htpasswd?: boolean; token?: boolean } = {},
): Promise<Lab> {
  requireTool('openssl');
  const dir = mkdtempSync(join(tmpdir(), 'kots-proxy-lab-'));
  const started: { stop(): Promise<void> }[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const key = createSigningKey(dir);
    const issuer = 'kots-proxy-test-issuer';
    const tokenServer = await startTokenServer(key, issuer);
    started.push({ stop: tokenServer.close });
    const unstarted = { host: '', url: '', stop: async () => {} };
    const launch = async (
      name: string,
      enabled: boolean | undefined,
      auth: Parameters<typeof startRegistry>[1],
    ) => {
      if (enabled === false) return unstarted;
      const registry = await startRegistry(join(dir, name), auth);
      started.push(registry);
      return registry;
    };
    const [open, htpasswd, token] = await Promise.all([
      launch('open', which.open, { kind: 'open' }),
      launch('htpasswd', which.htpasswd, {
        kind: 'htpasswd',
        users: { [HTPASSWD_USER.username]: HTPASSWD_USER.password },
      }),
      launch('token', which.token, {
        kind: 'token',
        realm: tokenServer.url,
        service: TOKEN_SERVICE,
        issuer,
        rootCertPath: key.certPath,
      }),
    ]);
    const pushToken: Authorizer = async (repository) => {
      const url = `${tokenServer.url}?service=${TOKEN_SERVICE}&scope=repository:${repository}:pull,push`;
      const response = await fetch(url, { headers: { authorization: basic('pusher', USERS.pusher!) } });
      const body = (await response.json()) as { token: string };
      return { authorization: `Bearer ${body.token}` };
    };
    return {
      open,
      htpasswd,
      token,
      tokenServer,
      authorizers: {
        open: noAuth,
        htpasswd: async () => ({ authorization: basic(HTPASSWD_USER.username, HTPASSWD_USER.password) }),
        token: pushToken,
      },
      stop,
    };
  } catch (e: unknown) {
    await stop();
    throw e;
  }
}

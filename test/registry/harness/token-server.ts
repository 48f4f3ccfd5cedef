// A small token server in the shape of Docker's (distribution token auth): `GET /token?service&scope…`
// with optional Basic credentials, answering an RS256 JWT whose `access` holds only the granted
// actions. Refused scopes yield a token with less (or empty) access, as real servers do; wrong
// credentials yield 401. Policy: anonymous may pull `public/*`; `reader` (and any user a test adds
// to USERS) may pull `public/*` and `team/*`; `pusher` may push and pull anything (the harness uses
// it to seed images). Nobody else pulls `vault/*`.
// It also speaks the OAuth2 form of the distribution spec ("OAuth2 Token Authentication"):
// `POST /token` with `grant_type=refresh_token&refresh_token&service&scope&client_id` (scopes space
// delimited), answering `access_token`; a refresh token it did not issue is `400 invalid_grant`
// (RFC 6749 §5.2). `refreshTokenFor(user)` issues one, as `docker login` would receive.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SigningKey } from './pki.js';

export const USERS: Record<string, string> = { reader: 'readerpass', pusher: 'pushpass' };

/** @public */
export interface TokenRequestRecord {
  authorization?: string;
  scopes: string[];
  service: string | null;
  /** `POST` for an OAuth2 grant; absent for the GET form. */
  method?: 'POST';
  grantType?: string | null;
  clientId?: string | null;
  contentType?: string;
}

/** @public */
export interface TokenServerBehaviour {
  /** Grant only the first scope of a request, like a realm that ignores batches. */
  firstScopeOnly: boolean;
  /** Field the token is returned in. */
  field: 'token' | 'access_token';
}

export interface TokenServer {
  url: string;
  requests: TokenRequestRecord[];
  /** Every token issued, in order (secret-hygiene tests look for them in output). */
  issued: string[];
  behaviour: TokenServerBehaviour;
  /** A new refresh token for `user` (any name: an identity token needs no password). */
  refreshTokenFor(user: string): string;
  close(): Promise<void>;
}

function allowed(user: string | undefined, repository: string, action: string): boolean {
  if (user === 'pusher') return true;
  if (action !== 'pull') return false;
  if (repository.startsWith('public/')) return true;
  return user !== undefined && repository.startsWith('team/');
}

function basicUser(request: IncomingMessage): string | undefined | null {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Basic (.+)$/i.exec(header);
  if (!match) return null;
  const [user, ...rest] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  return user !== undefined && USERS[user] === rest.join(':') ? user : null;
}

export function startTokenServer(key: SigningKey, issuer: string): Promise<TokenServer> {
  const requests: TokenRequestRecord[] = [];
  const issued: string[] = [];
  const behaviour: TokenServerBehaviour = { firstScopeOnly: false, field: 'token' };
  const refreshTokens = new Map<string, string>();
  const answer = (
    response: ServerResponse,
    user: string | undefined,
    scopes: string[],
    service: string | null,
    field: string,
  ): void => {
    const access = [];
    for (const scope of behaviour.firstScopeOnly ? scopes.slice(0, 1) : scopes) {
      const [type, name, actions] = scope.split(':');
      if (type !== 'repository' || !name || !actions) continue;
      const granted = actions.split(',').filter((action) => allowed(user, name, action));
      if (granted.length > 0) access.push({ type, name, actions: granted });
    }
    const token = key.sign({ iss: issuer, aud: service, sub: user ?? '', access });
    issued.push(token);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ [field]: token, expires_in: 300 }));
  };
  const oauth = (request: IncomingMessage, response: ServerResponse, body: string): void => {
    const form = new URLSearchParams(body);
    const scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
    const service = form.get('service');
    const grantType = form.get('grant_type');
    requests.push({
      authorization: request.headers.authorization,
      scopes,
      service,
      method: 'POST',
      grantType,
      clientId: form.get('client_id'),
      contentType: request.headers['content-type'],
    });
    const user = refreshTokens.get(form.get('refresh_token') ?? '');
    if (grantType !== 'refresh_token' || user === undefined) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ error: grantType === 'refresh_token' ? 'invalid_grant' : 'unsupported_grant_type' }),
      );
      return;
    }
    answer(response, user, scopes, service, 'access_token');
  };
  const server: Server = createServer((request, response) => {
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => oauth(request, response, Buffer.concat(chunks).toString('utf8')));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const scopes = url.searchParams.getAll('scope');
    const service = url.searchParams.get('service');
    requests.push({ authorization: request.headers.authorization, scopes, service });
    const user = basicUser(request);
    if (user === null) {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ details: 'incorrect username or password' }));
      return;
    }
    answer(response, user, scopes, service, behaviour.field);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/token`,
        requests,
        issued,
        behaviour,
        refreshTokenFor: (user) => {
          const token = `rt-${randomBytes(24).toString('hex')}`;
          refreshTokens.set(token, user);
          return token;
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

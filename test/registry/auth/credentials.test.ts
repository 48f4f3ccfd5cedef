// The config.json entry forms beyond user/password (identitytoken, registrytoken), their precedence
// (go-containerregistry: a registry token first, then an identity token, then a password), and the
// secrets each one lists for masking. Pure. The user/password forms are covered by ../auth.test.ts.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model.js';
import { authenticatorFor, schemeFor } from '../../../src/registry/auth/index.js';
import { credentialFor, parseRegistryAuth, registrySecrets } from '../../../src/registry/auth.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const parse = (entry: unknown) =>
  parseRegistryAuth(JSON.stringify({ auths: { 'r.example': entry } }), 'auth.json');

describe('config.json entry forms', () => {
  it.each([
    [
      'identitytoken next to auth of "user:" (what docker login writes)',
      { auth: b64('robot:'), identitytoken: 'refresh-1' },
      { kind: 'identity-token', username: 'robot', identityToken: 'refresh-1' },
    ],
    [
      'identitytoken next to username',
      { username: 'robot', identitytoken: 'refresh-1' },
      { kind: 'identity-token', username: 'robot', identityToken: 'refresh-1' },
    ],
    [
      'identitytoken wins over a password',
      { auth: b64('robot:pw'), identitytoken: 'refresh-1' },
      { kind: 'identity-token', username: 'robot', identityToken: 'refresh-1' },
    ],
    [
      'registrytoken alone',
      { registrytoken: 'bearer-1' },
      { kind: 'registry-token', registryToken: 'bearer-1' },
    ],
    [
      'registrytoken wins over everything',
      { auth: b64('robot:pw'), identitytoken: 'refresh-1', registrytoken: 'bearer-1' },
      { kind: 'registry-token', registryToken: 'bearer-1' },
    ],
    [
      'empty tokens are absent',
      { auth: b64('robot:pw'), identitytoken: '', registrytoken: ' ' },
      { kind: 'basic', username: 'robot', password: 'pw' },
    ],
  ])('%s', (_name, entry, expected) => {
    expect(credentialFor(parse(entry), 'r.example')).toMatchObject(expected);
  });

  it.each([
    [{ identitytoken: 'refresh-1' }, /has an "identitytoken" but no user/],
    [{ identitytoken: 'refresh-1', auth: '!!!' }, /"auths\.r\.example\.auth" is not base64/],
    [{ registrytoken: 42 }, /needs "auth"/],
  ])('rejects %j without quoting a secret', (entry, message) => {
    expect(() => parse(entry)).toThrow(UsageError);
    expect(() => parse(entry)).toThrow(message);
    try {
      parse(entry);
    } catch (e: unknown) {
      expect(String(e)).not.toContain('refresh-1');
    }
  });

  it('two spellings of one registry with different tokens are an error', () => {
    const text = JSON.stringify({
      auths: { 'docker.io': { registrytoken: 'bearer-1' }, 'index.docker.io': { registrytoken: 'bearer-2' } },
    });
    expect(() => parseRegistryAuth(text, 'auth.json')).toThrow(
      /two different credentials for registry docker\.io/,
    );
  });

  it('lists identity and registry tokens, and auth as written, as secrets', () => {
    const raw = b64('robot:');
    const text = JSON.stringify({
      auths: { a: { auth: raw, identitytoken: 'refresh-secret' }, b: { registrytoken: 'bearer-secret' } },
    });
    const secrets = registrySecrets(parseRegistryAuth(text, 'auth.json'));
    expect(secrets).toEqual(expect.arrayContaining(['refresh-secret', 'bearer-secret', raw]));
    expect(secrets).not.toContain('robot');
  });
});

describe('the auth seam', () => {
  it.each([
    [{ auth: b64('robot:pw') }, 'basic', `Basic ${b64('robot:pw')}`, undefined],
    [{ username: 'robot', identitytoken: 'refresh-1' }, 'identity-token', undefined, undefined],
    [{ registrytoken: 'bearer-1' }, 'registry-token', 'Bearer bearer-1', 'Bearer bearer-1'],
  ])('%j → %s authenticator', (entry, kind, registryAuthorization, bearerAuthorization) => {
    const who = authenticatorFor(parse(entry), 'r.example');
    expect(who).toMatchObject({ kind });
    expect(who?.registryAuthorization).toBe(registryAuthorization);
    expect(who?.bearerAuthorization).toBe(bearerAuthorization);
    // The cache identity never holds a secret.
    expect(who?.identity.id).not.toMatch(/pw|refresh-1|bearer-1/);
  });

  it('has no authenticator for a host without credentials', () => {
    expect(authenticatorFor(parse({ registrytoken: 'bearer-1' }), 'other.example')).toBeUndefined();
  });

  it('builds the OAuth2 refresh-token grant of the distribution spec', () => {
    const who = authenticatorFor(parse({ username: 'robot', identitytoken: 'refresh 1&2' }), 'r.example');
    const request = who?.identity.grant?.request(
      { realm: 'https://auth.r.example/token?x=1', service: 'reg', registry: 'r.example' },
      ['repository:a:pull', 'repository:b:pull'],
    );
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://auth.r.example/token?x=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh 1&2',
      service: 'reg',
      scope: 'repository:a:pull repository:b:pull',
      client_id: 'kots-proxy',
    });
    expect(who?.identity.grant?.refusedStatuses.has(400)).toBe(true);
  });

  it.each([
    ['basic', true],
    ['bearer', true],
    ['negotiate', false],
    ['constructor', false],
  ])('challenge scheme %s has a scheme: %s', (scheme, known) => {
    expect(schemeFor({ scheme, params: {} }) !== undefined).toBe(known);
  });
});

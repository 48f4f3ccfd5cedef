import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model.js';
import { canonicalRegistryHost, registryApiHost } from '../../src/reference.js';
import { credentialFor, parseRegistryAuth, registrySecrets } from '../../src/registry/auth.js';
import { invalidJsonOffset } from '../../src/registry/json-position.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('canonicalRegistryHost', () => {
  it.each([
    ['quay.io', 'quay.io'],
    ['Quay.IO', 'quay.io'],
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['ghcr.io/org', 'ghcr.io'],
    ['[::1]:5000', '[::1]:5000'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalRegistryHost(input)).toBe(expected);
  });

  it('maps Docker Hub to its API host only', () => {
    expect(registryApiHost('docker.io')).toBe('registry-1.docker.io');
    expect(registryApiHost('quay.io')).toBe('quay.io');
  });
});

describe('parseRegistryAuth', () => {
  it.each([
    [
      'auths + auth',
      { auths: { 'quay.io': { auth: b64('u:p:with:colons') } } },
      'quay.io',
      'u',
      'p:with:colons',
    ],
    [
      'auths + username/password',
      { auths: { 'ghcr.io': { username: 'u', password: 'p' } } },
      'ghcr.io',
      'u',
      'p',
    ],
    ['top-level map', { '127.0.0.1:5000': { username: 'u', password: 'p' } }, '127.0.0.1:5000', 'u', 'p'],
    [
      'docker hub v1 key',
      { auths: { 'https://index.docker.io/v1/': { auth: b64('u:p') } } },
      'registry-1.docker.io',
      'u',
      'p',
    ],
    [
      'auth wins over username',
      { auths: { x: { auth: b64('a:b'), username: 'c', password: 'd' } } },
      'x',
      'a',
      'b',
    ],
  ])('%s', (_name, document, lookup, username, password) => {
    const credentials = parseRegistryAuth(JSON.stringify(document), 'auth.json');
    expect(credentialFor(credentials, lookup)).toMatchObject({ username, password });
  });

  it('treats empty text as no credentials', () => {
    expect(parseRegistryAuth('  \n', 'input').size).toBe(0);
  });

  it.each([
    [
      '{"auths": {"x": {"auth": "c2VjcmV0"}',
      /^auth\.json: invalid JSON at line 1 column 37 \(position 36\)$/,
    ],
    [
      '{\n  "auths": {\n    "x": {"auth": secret}\n  }\n}',
      /^auth\.json: invalid JSON at line 3 column 19 \(position 33\)$/,
    ],
    ['[]', /expected a JSON object/],
    ['{"auths": []}', /"auths" must be an object/],
    ['{"auths": {"x": "c2VjcmV0"}}', /"auths\.x" must be an object/],
    ['{"auths": {"x": {"auth": "!!!"}}}', /"auths\.x\.auth" is not base64/],
    [`{"auths": {"x": {"auth": "${b64('nocolon')}"}}}`, /does not decode to "user:password"/],
    ['{"auths": {"x": {"identitytoken": "t"}}}', /needs "auth"/],
    [
      `{"auths": {"docker.io": {"auth": "${b64('a:b')}"}, "index.docker.io": {"auth": "${b64('a:c')}"}}}`,
      /two different credentials for registry docker\.io/,
    ],
  ])('rejects %s', (text, message) => {
    expect(() => parseRegistryAuth(text, 'auth.json')).toThrow(UsageError);
    expect(() => parseRegistryAuth(text, 'auth.json')).toThrow(message);
  });

  it('never puts secret material into its errors', () => {
    const texts = [
      '{"auths": {"x": {"auth": "c2VjcmV0OnNlY3JldA=="} garbage',
      '{"auths": {"x": {"password": "secret"}}}',
    ];
    for (const text of texts) {
      try {
        parseRegistryAuth(text, 'auth.json');
        expect.unreachable();
      } catch (e: unknown) {
        expect(String(e)).not.toMatch(/secret|c2VjcmV0/);
      }
    }
  });
});

describe('registrySecrets', () => {
  it('lists the password, user:password and its base64 forms', () => {
    const raw = b64('robot:s3cr3t!');
    const secrets = registrySecrets(parseRegistryAuth(JSON.stringify({ auths: { x: { auth: raw } } }), 'a'));
    expect(secrets).toEqual(expect.arrayContaining(['s3cr3t!', 'robot:s3cr3t!', raw]));
    expect(secrets).not.toContain('robot');
  });
});

describe('invalidJsonOffset', () => {
  it.each([
    ['{}', undefined],
    ['{"a": [1, -2.5e3, true, null, "x\\u00e9"]}', undefined],
    ['{"a":}', 5],
    ['{"a":1', 6],
    ['{"a":1}}', 7],
    ['', 0],
    ['"tab\there"', 4],
    ['[1,]', 3],
    ['01', 1],
  ])('%j → %s', (text, offset) => {
    expect(invalidJsonOffset(text)).toBe(offset);
    if (offset === undefined) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});

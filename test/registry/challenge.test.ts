import { describe, expect, it } from 'vitest';
import { ChallengeError, parseChallenges, pickChallenge } from '../../src/registry/challenge.js';

describe('parseChallenges', () => {
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io' },
        },
      ],
    ],
    [
      'Bearer realm="https://r/t",scope="repository:a/b:pull,push",error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://r/t', scope: 'repository:a/b:pull,push', error: 'insufficient_scope' },
        },
      ],
    ],
    ['BASIC Realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    [
      'Basic realm="a, b", Bearer realm="https://t", service=s',
      [
        { scheme: 'basic', params: { realm: 'a, b' } },
        { scheme: 'bearer', params: { realm: 'https://t', service: 's' } },
      ],
    ],
    ['Bearer realm="say \\"hi\\""', [{ scheme: 'bearer', params: { realm: 'say "hi"' } }]],
    [
      'Negotiate abc123==, Basic realm=x',
      [
        { scheme: 'negotiate', params: { token68: 'abc123==' } },
        { scheme: 'basic', params: { realm: 'x' } },
      ],
    ],
    ['Basic', [{ scheme: 'basic', params: {} }]],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });

  it('accepts several header values', () => {
    expect(parseChallenges(['Basic realm=a', 'Bearer realm="https://t"']).map((c) => c.scheme)).toEqual([
      'basic',
      'bearer',
    ]);
  });

  it.each([
    ['Bearer realm="https://t'],
    ['Bearer realm="https://t" service="s"'],
    ['=realm'],
    [''],
    ['Bearer realm=a, realm=b'],
  ])('rejects %j without quoting the header (it may echo a credential)', (header) => {
    expect(() => parseChallenges(header)).toThrow(ChallengeError);
    expect(() => parseChallenges(header)).toThrow('malformed WWW-Authenticate header: ');
  });
});

describe('pickChallenge', () => {
  it('prefers Bearer, falls back to Basic, ignores others', () => {
    const header = 'Basic realm=x, Bearer realm="https://t"';
    expect(pickChallenge(parseChallenges(header), header)?.scheme).toBe('bearer');
    expect(pickChallenge(parseChallenges('Basic realm=x'), '')?.scheme).toBe('basic');
    expect(pickChallenge(parseChallenges('Negotiate x'), '')).toBeUndefined();
  });

  it('rejects a Bearer challenge without an http(s) realm', () => {
    for (const header of ['Bearer service=x', 'Bearer realm="ftp://x"', 'Bearer realm=""']) {
      expect(() => pickChallenge(parseChallenges(header), header)).toThrow(ChallengeError);
    }
  });
});

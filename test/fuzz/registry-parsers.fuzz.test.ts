// Property tests for the two parsers that read what a registry sends: `WWW-Authenticate` challenges and
// token responses. A registry is not trusted: whatever it sends, the parsers answer or raise their typed
// error (ChallengeError), with a bounded message; token responses never throw at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Challenge,
  ChallengeError,
  parseChallenges,
  pickChallenge,
} from '../../src/registry/challenge.js';
import { grantedScopes, parseTokenResponse } from '../../src/registry/tokens.js';
import { SETTINGS } from './arbitraries.js';

const chars = (s: string) => fc.constantFrom(...s.split(''));
const TOKEN = "!#$%&'*+.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-";
const token = fc.string({ unit: chars(TOKEN), minLength: 1, maxLength: 12 });
/** Parameter names, minus Object.prototype's (`constructor`, `__proto__`…): parseChallenges wrongly calls
 *  those "given twice" (a known bug kept in crashers.test.ts until the registry owner fixes it). */
const paramName = token.filter((n) => !(n.toLowerCase() in Object.prototype));
const quotedValue = fc.string({
  unit: fc.oneof(chars('ab ,=;"\\/:'), fc.string({ unit: 'grapheme', maxLength: 1 })),
  maxLength: 30,
});

/** A well-formed challenge and the header text for it. */
const challenge = fc
  .record({
    scheme: fc.oneof(fc.constantFrom('Bearer', 'Basic', 'bearer', 'BASIC', 'Negotiate'), token),
    params: fc.uniqueArray(fc.tuple(paramName, fc.oneof(token, quotedValue), fc.boolean()), {
      maxLength: 5,
      selector: ([name]) => name.toLowerCase(),
    }),
    spaces: fc.constantFrom(' ', '  ', '\t'),
  })
  .map(({ scheme, params, spaces }) => {
    const parts = params.map(([name, value, quote]) => {
      const q = quote || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value);
      return `${name}=${q ? `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"` : value}`;
    });
    const text = parts.length ? `${scheme}${spaces}${parts.join(`,${spaces}`)}` : scheme;
    const expected: Challenge = {
      scheme: scheme.toLowerCase(),
      params: Object.fromEntries(params.map(([n, v]) => [n.toLowerCase(), v])),
    };
    return { text, expected };
  });

const MUTATION_CHARS = ' \t,="\\\u0000\r\nÿ€=';
const mutatedHeader = fc
  .tuple(
    fc.array(challenge, { minLength: 1, maxLength: 3 }).map((cs) => cs.map((c) => c.text).join(', ')),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(chars(MUTATION_CHARS), fc.string({ unit: 'binary', maxLength: 2 })),
        fc.boolean(),
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  )
  .map(([text, ops]) =>
    ops.reduce((s, [at, ch, del]) => {
      const i = at % (s.length + 1);
      return del ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i);
    }, text),
  );
const anyHeader = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: chars(`${MUTATION_CHARS}abB`), maxLength: 60 }),
  mutatedHeader,
  fc.integer({ min: 1000, max: 20_000 }).map((n) => `Bearer realm="${'x'.repeat(n)}`),
);

/** Parses, and checks the only failure is a ChallengeError with a bounded message. */
function parseOrTyped(headers: string | string[]): Challenge[] | undefined {
  try {
    const challenges = parseChallenges(headers);
    try {
      pickChallenge(challenges, headers);
    } catch (e: unknown) {
      expect(e).toBeInstanceOf(ChallengeError);
    }
    return challenges;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(ChallengeError);
    expect((e as Error).message.length).toBeLessThan(400);
    return undefined;
  }
}

describe('WWW-Authenticate parsing', () => {
  it('well-formed challenges parse into exactly their scheme and parameters', () => {
    fc.assert(
      fc.property(
        fc.array(challenge, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(', ', ',', ' , '),
        (cs, sep) => {
          const text = cs.map((c) => c.text).join(sep);
          expect(parseChallenges(text)).toEqual(cs.map((c) => c.expected));
          expect(parseChallenges(cs.map((c) => c.text))).toEqual(cs.map((c) => c.expected));
        },
      ),
      SETTINGS,
    );
  });

  it('random and mutated headers: challenges or a ChallengeError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(anyHeader, fc.array(anyHeader, { maxLength: 3 })), (h) => {
        const result = parseOrTyped(h);
        for (const c of result ?? []) {
          expect(c.scheme).toMatch(/^[!#$%&'*+.^_`|~0-9a-z-]+$/);
          for (const name of Object.keys(c.params)) expect(name).toBe(name.toLowerCase());
        }
      }),
      SETTINGS,
    );
  });
});

const jsonish = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        token: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant('')),
        access_token: fc.oneof(fc.string(), fc.boolean(), fc.constant('')),
        expires_in: fc.oneof(
          fc.double(),
          fc.integer(),
          fc.string(),
          fc.constant(null),
          fc.constant(Number.POSITIVE_INFINITY),
        ),
        issued_at: fc.string(),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
);

describe('token responses', () => {
  it('random bodies never throw; an accepted one has a token and a positive finite lifetime', () => {
    fc.assert(
      fc.property(jsonish, (body) => {
        const r = parseTokenResponse(body);
        if (r === undefined) return;
        expect(typeof r.token).toBe('string');
        expect(r.token.length).toBeGreaterThan(0);
        expect(Number.isFinite(r.expiresInS) && r.expiresInS > 0).toBe(true);
      }),
      SETTINGS,
    );
  });

  it('JWT-looking tokens with random payloads never throw when read for granted scopes', () => {
    const payload = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 40 }));
    fc.assert(
      fc.property(payload, fc.boolean(), (p, encoded) => {
        const middle = encoded ? Buffer.from(p).toString('base64url') : p;
        const scopes = grantedScopes(`e30.${middle}.sig`);
        if (scopes !== undefined) for (const s of scopes) expect(s).toMatch(/^repository:.*:pull$/s);
      }),
      SETTINGS,
    );
  });
});

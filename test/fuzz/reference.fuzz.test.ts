// Property tests for src/reference.ts. Seeded, so a failure reproduces; `npm run fuzz` raises the budget.
//
// The oracle below is an independent transcription of distribution/reference v0.6: one big anchored
// regular expression (regexp.go) applied the way ParseNormalizedNamed applies it (normalize.go), plus
// go-digest's digest check. The parser under test is written differently (split, then check each part),
// so agreement on random and mutated input is real evidence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatReference,
  type ImageReference,
  normalizedString,
  normalizeReference,
  parseReference,
} from '../../src/reference.js';
import { SETTINGS } from './arbitraries.js';

// --- Oracle: distribution/reference v0.6 -------------------------------------------------------------
const alphanumeric = '[a-z0-9]+';
const pathComponent = `${alphanumeric}(?:(?:[._]|__|[-]+)${alphanumeric})*`;
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainAndPort = `(?:${domainNameComponent}(?:\\.${domainNameComponent})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const tagPat = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const GO_DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

function splitDockerDomain(name: string): [string, string] {
  const slash = name.indexOf('/');
  if (slash === -1) return ['docker.io', `library/${name}`];
  const maybe = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remote: string;
  if (maybe === 'localhost' || maybe.includes('.') || maybe.includes(':') || maybe.toLowerCase() !== maybe) {
    [domain, remote] = [maybe === 'index.docker.io' ? 'docker.io' : maybe, rest];
  } else {
    [domain, remote] = ['docker.io', name];
  }
  if (domain === 'docker.io' && !remote.includes('/')) remote = `library/${remote}`;
  return [domain, remote];
}

/** Our second deliberate difference: a host the HTTP client cannot use (a port outside 1-65535, or a
 *  host the WHATWG URL parser refuses, like `a.4` or `[E]`) is rejected, so it cannot abort a run. */
function usableHost(domain: string): boolean {
  const port = /:(\d+)$/.exec(domain)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  try {
    return new URL(`https://${domain}/`).pathname === '/';
  } catch {
    return false;
  }
}

/** Would ParseNormalizedNamed accept `s`? (Except Go's empty-domain quirk, which we reject on purpose.) */
function oracleAccepts(s: string): boolean {
  if (/^[a-f0-9]{64}$/.test(s)) return false;
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon === -1 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) return false;
  const m = referenceRegexp.exec(`${domain}/${remainder}`);
  if (m === null) return false;
  const name = anchoredNameRegexp.exec(m[1] ?? '');
  if (name === null) return false;
  if (name[1] !== domain) return false; // Go would accept with an empty domain (see src/reference.ts)
  if (!usableHost(domain)) return false;
  if ((name[2] ?? '').length > 255) return false;
  const digest = m[3];
  if (digest !== undefined) {
    const [alg = '', hex = ''] = digest.split(':');
    if (GO_DIGEST_LENGTHS[alg] !== hex.length || !/^[a-f0-9]+$/.test(hex)) return false;
  }
  return true;
}

// --- Generators from the grammar ---------------------------------------------------------------------
const chars = (s: string) => fc.constantFrom(...s.split(''));
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED = `${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const alnum = fc.string({ unit: chars(LOWER), minLength: 1, maxLength: 6 });
const component = (separators: string[]) =>
  fc
    .tuple(alnum, fc.array(fc.tuple(fc.constantFrom(...separators), alnum), { maxLength: 3 }))
    .map(([head, tail]) => head + tail.map(([sep, part]) => sep + part).join(''));
const ANY_SEP = ['.', '_', '__', '-', '--', '---'];
const label = fc.oneof(
  chars(MIXED),
  fc
    .tuple(chars(MIXED), fc.string({ unit: chars(`${MIXED}-`), maxLength: 6 }), chars(MIXED))
    .map(([a, b, c]) => a + b + c),
);
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.')),
  fc.string({ unit: chars('0123456789abcdefABCDEF:'), minLength: 1, maxLength: 12 }).map((h) => `[${h}]`),
  fc.constant('localhost'),
);
/** A domain the parser must recognise as one: it has `.` or `:`, is localhost, or has an uppercase letter. */
const domain = fc
  .tuple(host, fc.option(fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 5 })))
  .map(([h, port]) => (port === null ? h : `${h}:${port}`))
  .filter((d) => /[.:A-Z]/.test(d) || d === 'localhost');
const WORD = `${MIXED}_`;
const tag = fc
  .tuple(chars(WORD), fc.string({ unit: chars(`${WORD}.-`), maxLength: 127 }))
  .map(([a, b]) => a + b);
const hex = (n: number) => fc.string({ unit: chars('0123456789abcdef'), minLength: n, maxLength: n });
const digest = fc.oneof(
  hex(64).map((h) => `sha256:${h}`),
  hex(96).map((h) => `sha384:${h}`),
  hex(128).map((h) => `sha512:${h}`),
);
/** A valid reference built from the grammar, with the parts it must parse into. */
const validRef: fc.Arbitrary<ImageReference> = fc
  .record({
    domain: fc.option(domain.filter(usableHost), { nil: undefined }),
    first: component(ANY_SEP.filter((s) => s !== '.')),
    rest: fc.array(component(ANY_SEP), { maxLength: 3 }),
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  .map(({ domain, first, rest, tag, digest }) => {
    // Without a domain, the first component must not look like one (no `.`, not localhost).
    const head = domain === undefined && first === 'localhost' && rest.length > 0 ? 'x' : first;
    const ref: ImageReference = { path: [head, ...rest].join('/') };
    if (domain !== undefined) ref.domain = domain;
    if (tag !== undefined) ref.tag = tag;
    if (digest !== undefined) ref.digest = digest;
    return ref;
  })
  .filter(
    (ref) =>
      ref.domain !== undefined ||
      ref.tag !== undefined ||
      ref.digest !== undefined ||
      !/^[a-f0-9]{64}$/.test(ref.path),
  );

/** Characters that matter to the grammar, plus some that must never be accepted. */
const INTERESTING = '/:@.-_[]aAzZ09fF \n\t\u0000é\u212A';
const mutation = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.nat(),
  ch: fc.oneof(chars(INTERESTING), fc.string({ unit: 'binary', minLength: 1, maxLength: 2 })),
});
const mutated = fc
  .tuple(validRef.map(formatReference), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([text, ops]) =>
    ops.reduce((s, { op, at, ch }) => {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (op === 'insert') return s.slice(0, i) + ch + s.slice(i);
      if (op === 'delete') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + ch + s.slice(i + 1);
    }, text),
  );
/** Paths and tags around their length limits (255 after normalization, 128), valid or just over. */
const nearLimits = fc
  .record({
    domain: fc.option(domain, { nil: undefined }),
    pathLength: fc.integer({ min: 240, max: 265 }),
    chunk: fc.integer({ min: 1, max: 300 }),
    tagLength: fc.option(fc.integer({ min: 120, max: 135 }), { nil: undefined }),
  })
  .map(({ domain, pathLength, chunk, tagLength }) => {
    // `chunk` letters, then '/', repeated: one component when chunk >= pathLength (Docker Hub adds `library/`).
    const path = Array.from({ length: pathLength }, (_, i) =>
      (i + 1) % (chunk + 1) === 0 && i < pathLength - 1 ? '/' : 'a',
    ).join('');
    return (
      (domain === undefined ? '' : `${domain}/`) +
      path +
      (tagLength === undefined ? '' : `:${'t'.repeat(tagLength)}`)
    );
  });
const referenceish = fc.string({ unit: chars(`${LOWER}AZ/:@._-[]`), maxLength: 40 });
const anything = fc.string({ unit: 'binary', maxLength: 60 });

// --- Properties --------------------------------------------------------------------------------------
/** Everything that must hold for any input string. */
function checkAny(text: string): void {
  const result = parseReference(text);
  expect(result.ok).toBe(oracleAccepts(text));
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  const ref = result.ref;
  // Exact round trip in both directions: parse keeps what was written.
  expect(formatReference(ref)).toBe(text);
  expect(parseReference(formatReference(ref))).toEqual({ ok: true, ref });
  // Normalization is idempotent, and its string is a valid reference that normalizes the same way.
  const normalized = normalizeReference(ref);
  expect(normalizeReference(normalized)).toEqual(normalized);
  const again = parseReference(normalizedString(ref));
  expect(again.ok).toBe(true);
  if (again.ok) {
    const latest = ref.tag === undefined && ref.digest === undefined;
    expect(normalizeReference(again.ref)).toEqual(latest ? { ...normalized, tag: 'latest' } : normalized);
  }
}

describe('reference properties', () => {
  it.each([
    ['random strings', anything],
    ['reference-like strings', referenceish],
    ['mutated valid references', mutated],
    ['references near the length limits', nearLimits],
  ])('%s never throw and agree with the distribution oracle', (_name, arb) => {
    fc.assert(fc.property(arb, checkAny), SETTINGS);
  });

  it('references built from the grammar parse into exactly their parts', () => {
    fc.assert(
      fc.property(validRef, (ref) => {
        const text = formatReference(ref);
        expect(parseReference(text)).toEqual({ ok: true, ref });
        checkAny(text);
      }),
      SETTINGS,
    );
  });
});

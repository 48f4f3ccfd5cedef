// `WWW-Authenticate` parsing (RFC 9110 §11.6.1): one header may hold several challenges, parameter
// values may be quoted strings containing commas, and scheme and parameter names are case-insensitive.
// Pure. A malformed header raises ChallengeError (never quoting it: a registry may echo credentials
// there); callers classify that as `unreachable`.

export interface Challenge {
  /** Lowercase scheme: `bearer`, `basic`, … */
  scheme: string;
  /** Lowercase parameter names → values, unquoted. */
  params: Record<string, string>;
}

export class ChallengeError extends Error {
  override name = 'ChallengeError';
}

const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

/** Parses every challenge in one or more header values, in order. */
export function parseChallenges(headers: string | string[]): Challenge[] {
  const values = Array.isArray(headers) ? headers : [headers];
  return values.flatMap(parseOne);
}

function parseOne(header: string): Challenge[] {
  const fail = (why: string): never => {
    // The header is never quoted: a hostile registry may echo the request's Authorization in it.
    throw new ChallengeError(`malformed WWW-Authenticate header: ${why}`);
  };
  let i = 0;
  const skipSpace = (): void => {
    while (header[i] === ' ' || header[i] === '\t') i++;
  };
  const token = (): string => {
    const start = i;
    while (i < header.length && TOKEN_CHAR.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  const quoted = (): string => {
    i++; // opening quote
    let out = '';
    while (i < header.length && header[i] !== '"') {
      if (header[i] === '\\') i++;
      if (i < header.length) out += header[i++];
    }
    if (header[i] !== '"') fail('unterminated quoted string');
    i++;
    return out;
  };
  /** True when the text at i is `name =` (a parameter), false when it is a new challenge's scheme. */
  const atParameter = (): boolean => {
    const save = i;
    const name = token();
    skipSpace();
    let result = name !== '' && header[i] === '=';
    if (result) {
      // `abc==` is token68 padding, not `abc=` followed by a value.
      i++;
      skipSpace();
      result = i < header.length && header[i] !== '=' && header[i] !== ',';
    }
    i = save;
    return result;
  };

  const challenges: Challenge[] = [];
  for (;;) {
    while (header[i] === ',' || header[i] === ' ' || header[i] === '\t') i++;
    if (i >= header.length) break;
    const scheme = token();
    if (scheme === '') fail(`unexpected ${JSON.stringify(header[i])} at position ${i}`);
    // A null-prototype map: a parameter may be called `constructor` or `__proto__`.
    const challenge: Challenge = {
      scheme: scheme.toLowerCase(),
      params: Object.create(null) as Record<string, string>,
    };
    challenges.push(challenge);
    skipSpace();
    // token68 form (`Negotiate abc==`): no parameters follow.
    if (i < header.length && header[i] !== ',' && !atParameter()) {
      const start = i;
      while (i < header.length && TOKEN68_CHAR.test(header[i]!)) i++;
      while (header[i] === '=') i++;
      if (i === start) fail(`unexpected ${JSON.stringify(header[i])} at position ${i}`);
      challenge.params.token68 = header.slice(start, i);
      skipSpace();
      if (i < header.length && header[i] !== ',') fail(`unexpected text at position ${i}`);
      continue;
    }
    // auth-params: name=value pairs separated by commas, until a token that is not followed by "=".
    for (;;) {
      while (header[i] === ',' || header[i] === ' ' || header[i] === '\t') i++;
      if (i >= header.length || !atParameter()) break;
      const name = token().toLowerCase();
      skipSpace();
      i++; // "="
      skipSpace();
      const value = header[i] === '"' ? quoted() : token();
      if (Object.hasOwn(challenge.params, name)) fail(`parameter "${name}" given twice`);
      challenge.params[name] = value;
      skipSpace();
      if (i < header.length && header[i] !== ',') fail(`expected "," at position ${i}`);
    }
  }
  if (challenges.length === 0) fail('no challenge');
  return challenges;
}

/**
 * The challenge to answer: Bearer (needs a realm) before Basic. Returns undefined when neither is
 * offered; throws ChallengeError for a Bearer challenge without a usable realm.
 */
export function pickChallenge(challenges: Challenge[], _header: string | string[]): Challenge | undefined {
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  if (bearer) {
    const realm = bearer.params.realm ?? '';
    if (!/^https?:\/\/[^/\s]+/i.test(realm)) {
      throw new ChallengeError('Bearer challenge without an http(s) realm');
    }
    return bearer;
  }
  return challenges.find((c) => c.scheme === 'basic');
}

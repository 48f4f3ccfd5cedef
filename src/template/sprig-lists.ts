// sprig's list, dict, math, conversion and regex functions (Masterminds/sprig v3).
import { isDeepStrictEqual } from 'node:util';
import { FuncError } from './errors.js';
import { type FuncMap, f, fv } from './funcs.js';
import { ensureValueSize } from './limits.js';
import { expandReplacement, RegexRefusal, translateRegex } from './regex.js';
import { isEmpty, strslice, strval, toFloat64, toInt64 } from './sprig-convert.js';
import { type GoMap, Int64, int64, typeName, type Value } from './value.js';

function asList(v: Value, fn: string): Value[] {
  if (Array.isArray(v)) return v;
  throw new FuncError(`Cannot ${fn} on type ${typeName(v)}`);
}

function asMap(v: Value): GoMap {
  return v instanceof Map ? v : new Map();
}

function deepEq(a: Value, b: Value): boolean {
  return isDeepStrictEqual(a, b);
}

function merge(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [k, sv] of src) {
    const dv = dst.get(k);
    if (dv instanceof Map && sv instanceof Map) merge(dv, sv, overwrite);
    else if (overwrite || !dst.has(k) || isEmpty(dv ?? null)) dst.set(k, sv);
  }
}

function mergeAll(d: Value, srcs: Value[], overwrite: boolean): Value {
  for (const x of srcs) merge(asMap(d), asMap(x), overwrite);
  return d;
}

function unset(d: GoMap, k: string): GoMap {
  d.delete(k);
  return d;
}

function bigMax(x: bigint, y: bigint): bigint {
  return y > x ? y : x;
}

function bigMin(x: bigint, y: bigint): bigint {
  return y < x ? y : x;
}

const i64 =
  (fn: (...a: bigint[]) => bigint) =>
  (...a: Value[]) =>
    int64(fn(...a.map(toInt64)));

export function listFuncs(): FuncMap {
  return new Map([
    ['list', fv([], 'any', (...a) => a)],
    [
      'dict',
      fv([], 'any', (...a) => {
        const m: GoMap = new Map();
        for (let i = 0; i < a.length; i += 2)
          m.set(strval(a[i] ?? null), i + 1 < a.length ? (a[i + 1] ?? null) : '');
        return m;
      }),
    ],
    [
      'get',
      f(['map', 'string'], (d, k) => (asMap(d).has(k as string) ? (asMap(d).get(k as string) ?? null) : '')),
    ],
    ['set', f(['map', 'string', 'any'], (d, k, v) => asMap(d).set(k as string, v))],
    ['unset', f(['map', 'string'], (d, k) => unset(asMap(d), k as string))],
    ['hasKey', f(['map', 'string'], (d, k) => asMap(d).has(k as string))],
    ['keys', fv([], 'map', (...ds) => ds.flatMap((d) => [...asMap(d).keys()]))],
    ['values', f(['map'], (d) => [...asMap(d).values()])],
    [
      'pluck',
      fv(['string'], 'map', (k, ...ds) =>
        ds.filter((d) => asMap(d).has(k as string)).map((d) => asMap(d).get(k as string) ?? null),
      ),
    ],
    ['merge', fv(['map'], 'map', (d, ...s) => mergeAll(d, s, false))],
    ['mergeOverwrite', fv(['map'], 'map', (d, ...s) => mergeAll(d, s, true))],
    ['first', f(['any'], (l) => asList(l, 'find first').at(0) ?? null)],
    ['last', f(['any'], (l) => asList(l, 'find last').at(-1) ?? null)],
    ['rest', f(['any'], (l) => asList(l, 'find rest').slice(1))],
    ['initial', f(['any'], (l) => asList(l, 'find initial').slice(0, -1))],
    ['append', f(['any', 'any'], (l, v) => [...asList(l, 'push'), v])],
    ['push', f(['any', 'any'], (l, v) => [...asList(l, 'push'), v])],
    ['prepend', f(['any', 'any'], (l, v) => [v, ...asList(l, 'prepend')])],
    ['reverse', f(['any'], (l) => [...asList(l, 'find reverse')].reverse())],
    ['compact', f(['any'], (l) => asList(l, 'compact').filter((v) => !isEmpty(v)))],
    [
      'uniq',
      f(['any'], (l) => asList(l, 'find uniq').filter((v, i, a) => a.findIndex((w) => deepEq(v, w)) === i)),
    ],
    [
      'has',
      f(['any', 'any'], (n, h) => (h === null ? false : asList(h, 'find has').some((v) => deepEq(v, n)))),
    ],
    [
      'without',
      fv(['any'], 'any', (l, ...o) => asList(l, 'find without').filter((v) => !o.some((w) => deepEq(v, w)))),
    ],
    ['concat', fv([], 'any', (...ls) => ls.flatMap((l) => asList(l, 'concat')))],
    ['sortAlpha', f(['any'], (l) => (Array.isArray(l) ? strslice(l).sort() : [strval(l)]))],
    ['toStrings', f(['any'], (l) => strslice(l))],
    [
      'until',
      f(['int'], (n) => {
        const c = Number(n);
        ensureValueSize(Math.abs(c), 'the list');
        return Array.from({ length: Math.abs(c) }, (_v, i) => BigInt(c < 0 ? -i : i));
      }),
    ],
    ['int', f(['any'], (v) => toInt64(v))],
    ['int64', f(['any'], (v) => new Int64(toInt64(v)))],
    ['float64', f(['any'], (v) => toFloat64(v))],
    ['atoi', f(['string'], (s) => (/^[+-]?\d+$/.test(s as string) ? BigInt(s as string) : 0n))],
    [
      'add',
      fv(
        [],
        'any',
        i64((...a) => a.reduce((x, y) => x + y, 0n)),
      ),
    ],
    [
      'add1',
      f(
        ['any'],
        i64((a) => a + 1n),
      ),
    ],
    [
      'sub',
      f(
        ['any', 'any'],
        i64((a, b) => a - b),
      ),
    ],
    [
      'mul',
      fv(
        ['any'],
        'any',
        i64((...a) => a.reduce((x, y) => x * y, 1n)),
      ),
    ],
    [
      'div',
      f(
        ['any', 'any'],
        i64((a, b) => {
          if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
          return a / b;
        }),
      ),
    ],
    [
      'mod',
      f(
        ['any', 'any'],
        i64((a, b) => {
          if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
          return a % b;
        }),
      ),
    ],
    [
      'max',
      fv(
        ['any'],
        'any',
        i64((...a) => a.reduce(bigMax)),
      ),
    ],
    [
      'min',
      fv(
        ['any'],
        'any',
        i64((...a) => a.reduce(bigMin)),
      ),
    ],
    ['ternary', f(['any', 'any', 'bool'], (t, e, c) => (c ? t : e))],
    ['coalesce', fv([], 'any', (...a) => a.find((v) => !isEmpty(v)) ?? null)],
    [
      'default',
      fv(['any'], 'any', (d, ...g) => (g.length === 0 || isEmpty(g[0] ?? null) ? d : (g[0] ?? null))),
    ],
    [
      'regexMatch',
      f(['string', 'string'], (re, s) => {
        // sprig returns false for an invalid pattern; a refused one must stay an error.
        try {
          return translateRegex(re as string).test(s as string);
        } catch (e: unknown) {
          if (e instanceof RegexRefusal) throw e;
          return false;
        }
      }),
    ],
    [
      'regexFind',
      f(['string', 'string'], (re, s) => translateRegex(re as string).exec(s as string)?.[0] ?? ''),
    ],
    [
      'regexFindAll',
      f(['string', 'string', 'int'], (re, s, n) => {
        const all = [...(s as string).matchAll(translateRegex(re as string, 'g'))].map((m) => m[0]);
        return Number(n) < 0 ? all : all.slice(0, Number(n));
      }),
    ],
    [
      'regexReplaceAll',
      f(['string', 'string', 'string'], (re, s, repl) =>
        (s as string).replace(translateRegex(re as string, 'g'), (...m) =>
          expandReplacement(repl as string, m),
        ),
      ),
    ],
    [
      'regexReplaceAllLiteral',
      f(['string', 'string', 'string'], (re, s, repl) =>
        (s as string).replace(translateRegex(re as string, 'g'), () => repl as string),
      ),
    ],
    [
      'regexSplit',
      f(['string', 'string', 'int'], (re, s, n) =>
        (s as string)
          .split(translateRegex(re as string, 'g'))
          .slice(0, Number(n) < 0 ? undefined : Number(n)),
      ),
    ],
  ]);
}

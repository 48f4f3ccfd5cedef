// More of sprig's TxtFuncMap: dict selection, dig, rounding, kinds, path functions, and the must*
// variants (which return an error where the plain one panics or swallows it; both are errors here,
// except where sprig's plain function returns a value instead).
import { isDeepStrictEqual } from 'node:util';
import { FuncError } from './errors.js';
import { type FuncMap, f, fv } from './funcs.js';
import { ensureValueSize } from './limits.js';
import { translateRegex } from './regex.js';
import { isEmpty, marshalJSON, toFloat64, unmarshalJSON } from './sprig-convert.js';
import { type GoMap, Int64, typeName, type Value } from './value.js';

function kindOf(v: Value): string {
  if (v === undefined || v === null) return 'invalid';
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  if (v instanceof Int64) return 'int64';
  if (typeof v === 'bigint') return 'int';
  return typeName(v) === 'func' ? 'func' : typeName(v);
}

/** Go's path.Clean. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const r = (rooted ? '/' : '') + out.join('/');
  return r === '' ? (rooted ? '/' : '.') : r;
}

function basePath(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

function dig(args: Value[]): Value {
  if (args.length < 3) throw new FuncError('dig needs at least three arguments');
  let cur = args[args.length - 1] ?? null;
  const def = args[args.length - 2] ?? null;
  const keys = args.slice(0, -2);
  for (const [i, k] of keys.entries()) {
    if (typeof k !== 'string')
      throw new FuncError(`interface conversion: interface {} is ${typeName(k)}, not string`);
    if (!(cur instanceof Map))
      throw new FuncError(
        `interface conversion: interface {} is ${typeName(cur)}, not map[string]interface {}`,
      );
    if (!cur.has(k)) return def;
    cur = cur.get(k) ?? null;
    if (i === keys.length - 1) return cur;
  }
  return cur;
}

/** sprig round(): half-up at `roundOn` on the given decimal places. */
function round(a: Value, places: bigint, roundOn: number): number {
  const pow = 10 ** Number(places);
  const digit = pow * toFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

function select(d: Value, keys: Value[], keep: boolean): GoMap {
  const out: GoMap = new Map();
  if (!(d instanceof Map)) return out;
  const ks = new Set(keys.map(String));
  for (const [k, v] of d) if (ks.has(k) === keep) out.set(k, v);
  return out;
}

function deepCopy(v: Value): Value {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (v instanceof Map) return new Map([...v].map(([k, e]) => [k, deepCopy(e)]));
  return v;
}

export function moreFuncs(base: FuncMap): FuncMap {
  const m: FuncMap = new Map([
    ['pick', fv(['map'], 'string', (d, ...k) => select(d, k, true))],
    ['omit', fv(['map'], 'string', (d, ...k) => select(d, k, false))],
    ['dig', fv([], 'any', (...a) => dig(a))],
    ['ceil', f(['any'], (a) => Math.ceil(toFloat64(a)))],
    ['floor', f(['any'], (a) => Math.floor(toFloat64(a)))],
    [
      'round',
      fv(['any', 'int'], 'float64', (a, p, ...r) =>
        round(a, p as bigint, r.length > 0 ? (r[0] as number) : 0.5),
      ),
    ],
    ['all', fv([], 'any', (...a) => a.every((v) => !isEmpty(v)))],
    ['any', fv([], 'any', (...a) => a.some((v) => !isEmpty(v)))],
    ['deepEqual', f(['any', 'any'], (a, b) => isDeepStrictEqual(a, b))],
    ['deepCopy', f(['any'], deepCopy)],
    ['mustDeepCopy', f(['any'], deepCopy)],
    ['kindOf', f(['any'], kindOf)],
    ['kindIs', f(['string', 'any'], (t, v) => kindOf(v) === t)],
    ['typeIs', f(['string', 'any'], (t, v) => typeName(v) === t)],
    ['base', f(['string'], (p) => basePath(p as string))],
    ['dir', f(['string'], (p) => cleanPath((p as string).slice(0, (p as string).lastIndexOf('/') + 1)))],
    ['ext', f(['string'], (p) => extPath(p as string))],
    ['clean', f(['string'], (p) => cleanPath(p as string))],
    ['isAbs', f(['string'], (p) => (p as string).startsWith('/'))],
    ['regexQuoteMeta', f(['string'], (s) => (s as string).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))],
    ['plural', f(['string', 'string', 'int'], (one, many, n) => (n === 1n ? one : many))],
    [
      'abbrev',
      f(['int', 'string'], (w, s) => {
        const width = Number(w);
        const str = s as string;
        if (width < 4 || str.length <= width) return str;
        return `${str.slice(0, width - 3)}...`;
      }),
    ],
    [
      'untilStep',
      f(['int', 'int', 'int'], (a, b, c) => {
        const [start, stop, step] = [a, b, c].map(Number) as [number, number, number];
        const out: Value[] = [];
        if (step === 0 || (step > 0 && start >= stop) || (step < 0 && start <= stop)) return out;
        ensureValueSize(Math.ceil(Math.abs((stop - start) / step)), 'the list');
        for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(BigInt(i));
        return out;
      }),
    ],
    [
      'chunk',
      f(['int', 'any'], (n, l) => {
        if (!Array.isArray(l)) throw new FuncError(`Cannot chunk type ${typeName(l)}`);
        // sprig's mustChunk arithmetic, including what it does with a negative size.
        const size = Number(n);
        if (size === 0) throw new FuncError('runtime error: makeslice: len out of range');
        const count = Math.floor((l.length - 1) / size) + 1;
        const out: Value[] = [];
        for (let i = 0; i < count; i++) {
          let clen = size;
          if (i === count - 1) clen = Math.floor(l.length % size) || size;
          if (clen < 0) throw new FuncError('runtime error: makeslice: len out of range');
          const c: Value[] = [];
          for (let j = 0; j < clen; j++) {
            const ix = i * size + j;
            if (ix < 0 || ix >= l.length) throw new FuncError('reflect: slice index out of range');
            c.push(l[ix] ?? null);
          }
          out.push(c);
        }
        return out;
      }),
    ],
    ['mustRegexMatch', f(['string', 'string'], (re, s) => translateRegex(re as string).test(s as string))],
    ['mustFromJson', f(['string'], (s) => unmarshalJSON(JSON.parse(s as string)))],
    ['mustToJson', f(['any'], (v) => marshalJSON(v))],
    ['mustToPrettyJson', f(['any'], (v) => marshalJSON(v, '  '))],
  ]);
  // must* variants whose plain function already fails where the must* one returns an error.
  for (const n of [
    'First',
    'Last',
    'Rest',
    'Initial',
    'Reverse',
    'Uniq',
    'Without',
    'Has',
    'Append',
    'Prepend',
    'Compact',
    'Slice',
    'Chunk',
    'Merge',
    'MergeOverwrite',
    'RegexFind',
    'RegexFindAll',
    'RegexReplaceAll',
    'RegexReplaceAllLiteral',
    'RegexSplit',
    'ToRawJson',
  ]) {
    const plain =
      m.get(n[0]?.toLowerCase() + n.slice(1)) ?? base.get((n[0] as string).toLowerCase() + n.slice(1));
    if (plain) m.set(`must${n}`, plain);
  }
  m.set('biggest', base.get('max') as NonNullable<ReturnType<FuncMap['get']>>);
  return m;
}

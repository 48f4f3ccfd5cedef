// KOTS's static functions (replicatedhq/kots pkg/template/static_context.go). Those that read the
// cluster, the environment, the clock or randomness return placeholders and call `taint`.

import { queryEscape } from './builtins.js';
import { FuncError } from './errors.js';
import { type FuncMap, f, fv } from './funcs.js';
import { Int64, int64, intOf, type Value } from './value.js';

type Num = { kind: 'float'; v: number } | { kind: 'int'; v: bigint } | { kind: 'other' };

function num(v: Value): Num {
  if (typeof v === 'number') return { kind: 'float', v };
  const i = intOf(v);
  return i !== undefined ? { kind: 'int', v: i } : { kind: 'other' };
}

const toFloat = (n: Num): number => (n.kind === 'float' ? n.v : n.kind === 'int' ? Number(n.v) : 0);
const toInt = (n: Num): bigint =>
  n.kind === 'float' ? BigInt(Math.trunc(n.v)) : n.kind === 'int' ? n.v : 0n;

/** static_context.go add/sub/mult/div: float if either is a float, int64 if the first is an int, else 0. */
function arith(fl: (a: number, b: number) => number, it: (a: bigint, b: bigint) => bigint) {
  return f(['any', 'any'], (a, b) => {
    const x = num(a);
    const y = num(b);
    if (x.kind === 'float' || y.kind === 'float') return fl(toFloat(x), toFloat(y));
    if (x.kind === 'int') return int64(it(x.v, toInt(y)));
    return 0n;
  });
}

function parseBool(s: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s);
}

function parseGoInt(s: string, base: number, unsigned: boolean): bigint {
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let t = s;
  let neg = false;
  if (!unsigned && (t[0] === '+' || t[0] === '-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (base === 0) throw new FuncError('ParseInt with base 0 is not supported');
  if (t === '' || ![...t.toLowerCase()].every((c) => digits.includes(c))) return 0n;
  let v = 0n;
  for (const c of t.toLowerCase()) v = v * BigInt(base) + BigInt(digits.indexOf(c));
  v = neg ? -v : v;
  const max = unsigned ? (1n << 64n) - 1n : (1n << 63n) - 1n;
  if (v > max || v < -(1n << 63n)) return 0n;
  return v;
}

/** docker/go-units HumanSize: decimal units, 4 significant digits. */
function humanSize(size: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
  let s = size;
  let i = 0;
  while (s >= 1000 && i < units.length - 1) {
    s /= 1000;
    i++;
  }
  return `${Number(s.toPrecision(4))}${units[i]}`;
}

function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

function trimCutset(s: string, cut: string): string {
  const set = new Set(cut);
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  while (a < b && set.has(cs[a] as string)) a++;
  while (b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join('');
}

export function staticFuncs(taint: (fn: string) => void): FuncMap {
  const ph = (name: string, params: ('any' | 'string' | 'int')[], v: Value, variadic?: 'any') => {
    const fn = () => {
      taint(name);
      return v;
    };
    return [name, variadic ? fv(params, variadic, fn) : f(params, fn)] as const;
  };
  const unsupported = (name: string) =>
    [
      name,
      fv([], 'any', () => {
        throw new FuncError(`function ${JSON.stringify(name)} is not supported by this evaluator`);
      }),
    ] as const;
  return new Map([
    ['ToLower', f(['string'], (s) => (s as string).toLowerCase())],
    ['ToUpper', f(['string'], (s) => (s as string).toUpperCase())],
    ['TrimSpace', f(['string'], (s) => goTrimSpace(s as string))],
    [
      'Trim',
      fv(['string'], 'string', (s, ...a) =>
        a.length === 0 ? goTrimSpace(s as string) : trimCutset(s as string, a[0] as string),
      ),
    ],
    ['UrlEncode', f(['string'], (s) => queryEscape(s as string))],
    ['Base64Encode', f(['string'], (s) => Buffer.from(s as string).toString('base64'))],
    [
      'Base64Decode',
      f(['string'], (s) =>
        /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s as string)
          ? Buffer.from(s as string, 'base64').toString('utf8')
          : '',
      ),
    ],
    [
      'Split',
      f(['string', 'string'], (s, sep) =>
        (sep as string) === '' ? [...(s as string)] : (s as string).split(sep as string),
      ),
    ],
    [
      'Add',
      arith(
        (a, b) => a + b,
        (a, b) => a + b,
      ),
    ],
    [
      'Sub',
      arith(
        (a, b) => a - b,
        (a, b) => a - b,
      ),
    ],
    [
      'Mult',
      arith(
        (a, b) => a * b,
        (a, b) => a * b,
      ),
    ],
    [
      'Div',
      arith(
        (a, b) => a / b,
        (a, b) => {
          if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
          return a / b;
        },
      ),
    ],
    ['ParseBool', f(['string'], (s) => parseBool(s as string))],
    [
      'ParseFloat',
      f(['string'], (s) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s as string) ? Number(s) : 0)),
    ],
    [
      'ParseInt',
      fv(
        ['string'],
        'int',
        (s, ...b) => new Int64(parseGoInt(s as string, b.length ? Number(b[0]) : 10, false)),
      ),
    ],
    [
      'ParseUint',
      fv(
        ['string'],
        'int',
        (s, ...b) => new Int64(parseGoInt(s as string, b.length ? Number(b[0]) : 10, true)),
      ),
    ],
    ['HumanSize', f(['any'], (v) => humanSize(toFloat(num(v))))],
    ph('Now', [], ''),
    ph('NowFmt', ['string'], ''),
    ph('RandomBytes', ['int'], ''),
    ph('RandomString', ['int'], '', 'any'),
    ph('TLSCert', ['string', 'string', 'any', 'any', 'int'], ''),
    ph('TLSKey', ['string'], '', 'any'),
    ph('TLSCACert', ['string', 'int'], ''),
    ph('TLSCertFromCA', ['string', 'string', 'string', 'any', 'any', 'int'], ''),
    ph('TLSKeyFromCA', ['string', 'string', 'string', 'any', 'any', 'int'], ''),
    ph('IsKurl', [], false),
    ph('Distribution', [], ''),
    ph('NodeCount', [], 0n),
    ph('HTTPSProxy', [], ''),
    ph('HTTPProxy', [], ''),
    ph('NoProxy', [], ''),
    ph('KubernetesVersion', [], '0.0.0+unknown'),
    ph('KubernetesMajorVersion', [], ''),
    ph('KubernetesMinorVersion', [], ''),
    ph('Lookup', ['string', 'string', 'string', 'string'], new Map()),
    ph('PrivateCACert', [], ''),
    unsupported('KubeSeal'),
    unsupported('YamlEscape'),
  ]);
}

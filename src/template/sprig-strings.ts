// sprig's string functions (Masterminds/sprig v3 strings.go, functions.go).
import { createHash } from 'node:crypto';
import { FuncError } from './errors.js';
import { type FuncMap, f, fv } from './funcs.js';
import { ensureValueSize } from './limits.js';
import { isEmpty, marshalJSON, strslice, strval, unmarshalJSON } from './sprig-convert.js';
import type { GoMap, Value } from './value.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const str = (b: Uint8Array): string => dec.decode(b);

function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (c === '"') out += '\\"';
    else if (c === '\\') out += '\\\\';
    else if (c === '\n') out += '\\n';
    else if (c === '\t') out += '\\t';
    else if (c === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function isSeparator(c: string): boolean {
  if (/^[A-Za-z0-9_]$/.test(c)) return false;
  if (c.charCodeAt(0) < 0x80) return true;
  if (/^[\p{L}\p{Nd}]$/u.test(c)) return false;
  return /^\s$/u.test(c);
}

function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    out += isSeparator(prev) ? c.toUpperCase() : c;
    prev = c;
  }
  return out;
}

function trimCutset(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(cutset);
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  while (left && a < b && set.has(cs[a] as string)) a++;
  while (right && b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join('');
}

function splitMap(parts: string[]): GoMap {
  const m: GoMap = new Map();
  for (const [i, p] of parts.entries()) m.set(`_${i}`, p);
  return m;
}

/** strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const cs = [...s];
    if (n < 0 || n >= cs.length) return cs;
    return [...cs.slice(0, n - 1), cs.slice(n - 1).join('')];
  }
  const all = s.split(sep);
  if (n < 0 || all.length <= n) return all;
  return [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}

/** Word split of huandu/xstrings, for the inputs where it is simple: letters, spaces, `_` and `-`. */
function words(s: string, fn: string): string[] {
  if (!/^[A-Za-z _-]*$/.test(s))
    throw new FuncError(`${fn} of a string with digits or punctuation is not supported by this evaluator`);
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((w) => w !== '');
}

function goTrimSpace(s: string): string {
  return s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, '');
}

export function stringFuncs(): FuncMap {
  const s1 = (fn: (s: string) => Value) => f(['string'], (a) => fn(a as string));
  const s2 = (fn: (a: string, b: string) => Value) =>
    f(['string', 'string'], (a, b) => fn(a as string, b as string));
  return new Map([
    ['upper', s1((s) => s.toUpperCase())],
    ['lower', s1((s) => s.toLowerCase())],
    ['title', s1(title)],
    ['untitle', s1((s) => s.replace(/(^|\s)(\S)/g, (_m, a: string, b: string) => a + b.toLowerCase()))],
    ['trim', s1(goTrimSpace)],
    ['trimAll', s2((c, s) => trimCutset(s, c, true, true))],
    ['trimPrefix', s2((p, s) => (s.startsWith(p) ? s.slice(p.length) : s))],
    ['trimSuffix', s2((p, s) => (p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s))],
    [
      'replace',
      f(['string', 'string', 'string'], (o, n, s) => replaceAll(s as string, o as string, n as string)),
    ],
    ['contains', s2((sub, s) => s.includes(sub))],
    ['hasPrefix', s2((p, s) => s.startsWith(p))],
    ['hasSuffix', s2((p, s) => s.endsWith(p))],
    ['split', s2((sep, s) => splitMap(s.split(sep)))],
    ['splitList', s2((sep, s) => (sep === '' ? [...s] : s.split(sep)))],
    [
      'splitn',
      f(['string', 'int', 'string'], (sep, n, s) => splitMap(splitN(s as string, sep as string, Number(n)))),
    ],
    ['join', f(['string', 'any'], (sep, v) => strslice(v).join(sep as string))],
    [
      'repeat',
      f(['int', 'string'], (n, s) => {
        if ((n as bigint) < 0n) throw new FuncError('strings: negative Repeat count');
        ensureValueSize(BigInt((s as string).length) * (n as bigint), 'the repeated string');
        return (s as string).repeat(Number(n));
      }),
    ],
    [
      'substr',
      f(['int', 'int', 'string'], (a, b, s) => {
        const bs = bytes(s as string);
        const start = Number(a);
        const end = Number(b);
        const oob = () => new FuncError('runtime error: slice bounds out of range');
        if (start < 0) {
          if (end < 0 || end > bs.length) throw oob();
          return str(bs.slice(0, end));
        }
        if (end < 0 || end > bs.length) {
          if (start > bs.length) throw oob();
          return str(bs.slice(start));
        }
        if (start > end) throw oob();
        return str(bs.slice(start, end));
      }),
    ],
    [
      'trunc',
      f(['int', 'string'], (c, s) => {
        const bs = bytes(s as string);
        const n = Number(c);
        if (n < 0 && bs.length + n > 0) return str(bs.slice(bs.length + n));
        if (n >= 0 && bs.length > n) return str(bs.slice(0, n));
        return s;
      }),
    ],
    ['nospace', s1((s) => s.replace(/[\s\u0085]/gu, ''))],
    ['indent', f(['int', 'string'], (n, s) => indent(Number(n), s as string))],
    ['nindent', f(['int', 'string'], (n, s) => `\n${indent(Number(n), s as string)}`)],
    ['toString', f(['any'], (v) => strval(v))],
    [
      'quote',
      fv([], 'any', (...a) =>
        a
          .filter((v) => v !== null)
          .map((v) => goQuote(strval(v)))
          .join(' '),
      ),
    ],
    [
      'squote',
      fv([], 'any', (...a) =>
        a
          .filter((v) => v !== null)
          .map((v) => `'${strval(v)}'`)
          .join(' '),
      ),
    ],
    [
      'cat',
      fv([], 'any', (...a) =>
        a
          .filter((v) => v !== null)
          .map(strval)
          .join(' '),
      ),
    ],
    ['toJson', f(['any'], (v) => safe(() => marshalJSON(v), ''))],
    ['toPrettyJson', f(['any'], (v) => safe(() => marshalJSON(v, '  '), ''))],
    [
      'toRawJson',
      f(['any'], (v) =>
        safe(
          () =>
            marshalJSON(v).replace(/\\u00(3c|3e|26)/g, (_m, h: string) =>
              String.fromCharCode(Number.parseInt(h, 16)),
            ),
          '',
        ),
      ),
    ],
    ['fromJson', s1((s) => safe(() => unmarshalJSON(JSON.parse(s)), null))],
    ['b64enc', s1((s) => Buffer.from(s).toString('base64'))],
    ['b64dec', s1(b64dec)],
    ['sha256sum', s1((s) => createHash('sha256').update(s).digest('hex'))],
    ['sha1sum', s1((s) => createHash('sha1').update(s).digest('hex'))],
    [
      'kebabcase',
      s1((s) =>
        words(s, 'kebabcase')
          .map((w) => w.toLowerCase())
          .join('-'),
      ),
    ],
    [
      'snakecase',
      s1((s) =>
        words(s, 'snakecase')
          .map((w) => w.toLowerCase())
          .join('_'),
      ),
    ],
    [
      'camelcase',
      s1((s) =>
        s
          .split(/[_\s-]+/)
          .map((w) => (w ? (w[0] as string).toUpperCase() + w.slice(1) : ''))
          .join(''),
      ),
    ],
    ['empty', f(['any'], isEmpty)],
  ]);
}

/** strings.ReplaceAll: an empty `old` matches before every rune and at the end. */
function replaceAll(s: string, old: string, repl: string): string {
  if (old !== '') return s.split(old).join(repl);
  return repl + [...s].map((c) => c + repl).join('');
}

function indent(n: number, s: string): string {
  if (n < 0) throw new FuncError('strings: negative Repeat count');
  ensureValueSize(s.length + n * s.split('\n').length, 'the indented string');
  const pad = ' '.repeat(n);
  return pad + s.split('\n').join(`\n${pad}`);
}

function b64dec(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    return `illegal base64 data at input byte ${bad < 0 ? s.length - (s.length % 4) : bad}`;
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

function safe<T extends Value>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

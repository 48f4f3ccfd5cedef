// text/template's predefined functions (text/template/funcs.go).
import { FuncError } from './errors.js';
import { type FuncMap, f, fv } from './funcs.js';
import { sprint, sprintln } from './print.js';
import { sprintf } from './printf.js';
import { byteLen, GoFunc, Int64, intOf, isTrue, typeName, type Value } from './value.js';

type Kind = 'bool' | 'int' | 'float' | 'string' | 'other' | 'invalid';

function kind(v: Value): Kind {
  if (v === undefined || v === null) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || v instanceof Int64) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'other';
}

function eq(a: Value, ...rest: Value[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = kind(a);
  for (const b of rest) {
    const k2 = kind(b);
    let truth: boolean;
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid')
        throw new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
      truth = false;
    } else if (k1 === 'int') truth = intOf(a) === intOf(b);
    else if (k1 === 'other') throw new FuncError(`non-comparable types ${typeName(a)}: ${typeName(b)}`);
    else if (k1 === 'invalid') truth = true;
    else truth = a === b;
    if (truth) return true;
  }
  return false;
}

function lt(a: Value, b: Value): boolean {
  const k1 = kind(a);
  const k2 = kind(b);
  if (
    k1 === 'bool' ||
    k1 === 'other' ||
    k1 === 'invalid' ||
    k2 === 'bool' ||
    k2 === 'other' ||
    k2 === 'invalid'
  )
    throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
  if (k1 === 'int') return (intOf(a) as bigint) < (intOf(b) as bigint);
  if (k1 === 'string') return Buffer.compare(Buffer.from(a as string), Buffer.from(b as string)) < 0;
  return (a as number) < (b as number);
}

function index(item: Value, ...idx: Value[]): Value {
  let cur = item;
  if (cur === undefined || cur === null) throw new FuncError('index of untyped nil');
  for (const i of idx) {
    if (cur === undefined || cur === null) throw new FuncError('index of nil pointer');
    if (Array.isArray(cur) || typeof cur === 'string') {
      const n = intOf(i ?? null);
      if (n === undefined) throw new FuncError(`cannot index slice/array with type ${typeName(i)}`);
      const len = typeof cur === 'string' ? byteLen(cur) : cur.length;
      if (n < 0n || n >= BigInt(len)) throw new FuncError(`index out of range: ${n}`);
      if (typeof cur === 'string') cur = BigInt(Buffer.from(cur)[Number(n)] as number);
      else cur = cur[Number(n)] ?? null;
    } else if (cur instanceof Map) {
      if (typeof i !== 'string') throw new FuncError(`value has type ${typeName(i)}; should be string`);
      const v = cur.get(i);
      cur = v === undefined ? null : v;
    } else throw new FuncError(`can't index item of type ${typeName(cur)}`);
  }
  return cur;
}

function len(v: Value): Value {
  if (typeof v === 'string') return BigInt(byteLen(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof Map) return BigInt(v.size);
  if (v === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  throw new FuncError(`len of type ${typeName(v)}`);
}

function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) =>
    c === '<'
      ? '&lt;'
      : c === '>'
        ? '&gt;'
        : c === '&'
          ? '&amp;'
          : c === "'"
            ? '&#39;'
            : c === '"'
              ? '&#34;'
              : '\uFFFD',
  );
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if ('<>&='.includes(c)) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else if (cp < 0x20) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += c;
  }
  return out;
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's evalArgs for html/js/urlquery: one string argument is used as is, otherwise fmt.Sprint. */
function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args);
}

export function builtins(): FuncMap {
  return new Map([
    ['and', fv(['value'], 'value', () => null)],
    ['or', fv(['value'], 'value', () => null)],
    ['not', f(['value'], (v) => !isTrue(v))],
    ['len', f(['value'], len)],
    ['index', fv(['value'], 'value', index)],
    ['print', fv([], 'any', (...a) => sprint(a))],
    ['println', fv([], 'any', (...a) => sprintln(a))],
    ['printf', fv(['string'], 'any', (fmt, ...a) => sprintf(fmt as string, a))],
    ['html', fv([], 'any', (...a) => htmlEscape(evalArgs(a)))],
    ['js', fv([], 'any', (...a) => jsEscape(evalArgs(a)))],
    ['urlquery', fv([], 'any', (...a) => queryEscape(evalArgs(a)))],
    [
      'call',
      fv(['value'], 'value', (fn, ...a) => {
        if (!(fn instanceof GoFunc)) throw new FuncError(`non-function of type ${typeName(fn)}`);
        return fn.fn(a);
      }),
    ],
    ['eq', fv(['value'], 'value', eq)],
    ['ne', f(['value', 'value'], (a, b) => !eq(a, b))],
    ['lt', f(['value', 'value'], (a, b) => lt(a, b))],
    ['le', f(['value', 'value'], (a, b) => lt(a, b) || eq(a, b))],
    ['gt', f(['value', 'value'], (a, b) => !lt(a, b) && !eq(a, b))],
    ['ge', f(['value', 'value'], (a, b) => !lt(a, b))],
  ]);
}

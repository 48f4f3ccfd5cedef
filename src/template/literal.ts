// Go literal syntax used by text/template: strconv.Unquote for strings and characters, and the
// number classification of parse.newNumber.
import type { NumberConst } from './ast.js';

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** Unquotes a Go "..." or '...' literal; throws on invalid syntax. */
export function unquote(lit: string): string {
  const q = lit[0];
  if (q === '`') return lit.slice(1, -1).replace(/\r/g, '');
  const body = lit.slice(1, -1);
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; ) {
    const c = body[i] as string;
    if (c !== '\\') {
      const cp = body.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      if (ch === q) throw new Error('invalid syntax');
      bytes.push(...enc.encode(ch));
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new Error('invalid syntax');
    if (e in SIMPLE) {
      bytes.push((SIMPLE[e] as string).charCodeAt(0));
      i += 2;
    } else if (e === q) {
      bytes.push(q.charCodeAt(0));
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error('invalid syntax');
      const v = Number.parseInt(hex, 16);
      if (e === 'x') bytes.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) throw new Error('invalid syntax');
        bytes.push(...enc.encode(String.fromCodePoint(v)));
      }
      i += 2 + n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
      const v = Number.parseInt(oct, 8);
      if (v > 255) throw new Error('invalid syntax');
      bytes.push(v);
      i += 4;
    } else throw new Error('invalid syntax');
  }
  const s = new TextDecoder().decode(new Uint8Array(bytes));
  if (q === "'" && [...s].length !== 1) throw new Error('invalid syntax');
  return s;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function parseIntBase0(text: string): bigint | undefined {
  let t = text;
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (t.includes('_')) {
    if (/^_|_$|__/.test(t) || /^0[xXoObB]?_?$/.test(t)) return undefined;
    t = t.replace(/_/g, '');
  }
  let v: bigint;
  if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[oO][0-7]+$/.test(t) || /^0[bB][01]+$/.test(t))
    v = BigInt(t.toLowerCase());
  else if (/^0[0-7]+$/.test(t)) v = BigInt(`0o${t.slice(1)}`);
  else if (/^0[0-9]+$/.test(t)) return undefined;
  else if (/^[0-9]+$/.test(t)) v = BigInt(t);
  else return undefined;
  return neg ? -v : v;
}

/** Classifies a number token as parse.newNumber does. */
export function parseNumber(text: string, isChar: boolean): NumberConst {
  if (isChar) {
    const r = BigInt(unquote(text).codePointAt(0) as number);
    return { isInt: true, isFloat: true, int: r, float: Number(r) };
  }
  if (text.endsWith('i')) throw new Error(`complex constants are not supported: ${text}`);
  const i = parseIntBase0(text);
  if (i !== undefined) {
    if (i >= INT64_MIN && i <= INT64_MAX) return { isInt: true, isFloat: true, int: i, float: Number(i) };
    throw new Error(`integer overflow: ${text}`);
  }
  if (/^[+-]?0[xX]/.test(text) || !/^[+-]?(\d[\d_]*)?\.?(\d[\d_]*)?([eE][+-]?\d[\d_]*)?$/.test(text))
    throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
  const f = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(f)) throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
  if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${text}`);
  const isInt = Number.isInteger(f) && Math.abs(f) < 2 ** 63;
  return { isInt, isFloat: true, int: isInt ? BigInt(f) : 0n, float: f };
}

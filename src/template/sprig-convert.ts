// Conversions sprig relies on: strval (fmt %v of a value), spf13/cast's ToInt64/ToFloat64, and
// sprig's emptiness test.
import { formatFloat, formatValue } from './print.js';
import { Int64, intOf, type Value } from './value.js';

export function strval(v: Value): string {
  if (typeof v === 'string') return v;
  return formatValue(v === undefined ? null : v);
}

/** strconv.ParseInt(s, 0, 64) after cast's trimZeroDecimal ("12.0" is 12). */
function parseCastInt(s: string): bigint | undefined {
  let t = s;
  const m = /^(.*)\.0*$/.exec(t);
  if (m && m[1] !== '' && m[1] !== undefined) t = m[1];
  const r = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(t);
  if (!r) return undefined;
  let body = (r[2] as string).replace(/_/g, '');
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const v = BigInt(body.toLowerCase()) * (r[1] === '-' ? -1n : 1n);
  if (v > (1n << 63n) - 1n || v < -(1n << 63n)) return undefined;
  return v;
}

export function toInt64(v: Value): bigint {
  const n = intOf(v);
  if (n !== undefined) return n;
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt.asIntN(64, BigInt(Math.trunc(v))) : 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') return parseCastInt(v) ?? 0n;
  return 0n;
}

export function toFloat64(v: Value): number {
  const n = intOf(v);
  if (n !== undefined) return Number(n);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim() === v ? v : '';
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
    if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
    return 0;
  }
  return 0;
}

/** sprig's empty(): nil, zero numbers, false, and empty strings, lists and maps. */
export function isEmpty(v: Value): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.length === 0;
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'bigint') return v === 0n;
  if (v instanceof Int64) return v.v === 0n;
  if (typeof v === 'number') return v === 0;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return false;
}

/** encoding/json's output for a value (json.Marshal: sorted keys, HTML-safe escapes). */
export function marshalJSON(v: Value, indent = ''): string {
  const text = JSON.stringify(toData(v), null, indent || undefined) ?? 'null';
  return text.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}

function toData(v: Value): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Int64) return Number(v.v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`json: unsupported value: ${formatFloat(v)}`);
    return v;
  }
  if (Array.isArray(v)) return v.map(toData);
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const k of [...v.keys()].sort()) o[k] = toData(v.get(k));
    return o;
  }
  if (typeof v === 'object') throw new Error('json: unsupported type: func');
  return v;
}

/** json.Unmarshal into interface{}: numbers become float64. */
export function unmarshalJSON(j: unknown): Value {
  if (j === null || j === undefined) return null;
  if (typeof j === 'number') return j;
  if (typeof j === 'string' || typeof j === 'boolean') return j;
  if (Array.isArray(j)) return j.map(unmarshalJSON);
  const m = new Map<string, Value>();
  for (const [k, e] of Object.entries(j as Record<string, unknown>)) m.set(k, unmarshalJSON(e));
  return m;
}

/** sprig's strslice: a list's non-nil elements as strings, or a single value. */
export function strslice(v: Value): string[] {
  if (Array.isArray(v)) return v.filter((e) => e !== null && e !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

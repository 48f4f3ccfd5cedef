// A small model of the Go values a KOTS template handles, so evaluation and printing follow Go:
// `bigint` is Go's `int`, `Int64` is `int64` (sprig's math returns it and text/template keeps the
// two apart when checking a function's argument types), `number` is `float64`, `Value[]` is
// `[]interface{}`, `Map` is `map[string]interface{}`, `null` is a nil interface and `undefined` is
// text/template's "no value" (an invalid reflect.Value, e.g. a field of nil data).

export class Int64 {
  constructor(readonly v: bigint) {}
}

/** A function value (for `call`). */
export class GoFunc {
  constructor(
    readonly name: string,
    readonly fn: (args: Value[]) => Value,
  ) {}
}

export type Value = undefined | null | string | boolean | bigint | number | Int64 | Value[] | GoMap | GoFunc;

export type GoMap = Map<string, Value>;

/** The integer inside an `int` or `int64`, else undefined. */
export function intOf(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (v instanceof Int64) return v.v;
  return undefined;
}

export function int64(v: bigint): Int64 {
  return new Int64(BigInt.asIntN(64, v));
}

/** Go's type name of a value, as text/template prints it in errors and `%T`. */
export function typeName(v: Value): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (v instanceof Int64) return 'int64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoFunc) return 'func';
  return 'map[string]interface {}';
}

/** Go's truth (text/template isTrue): empty, zero and nil are false. */
export function isTrue(v: Value): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof Int64) return v.v !== 0n;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  return true;
}

/** Converts parsed JSON into values: integral numbers become `int`, others `float64`. */
export function fromJSON(j: unknown): Value {
  if (j === null || j === undefined) return null;
  if (typeof j === 'string' || typeof j === 'boolean') return j;
  if (typeof j === 'number') return Number.isInteger(j) ? BigInt(j) : j;
  if (Array.isArray(j)) return j.map(fromJSON);
  const m: GoMap = new Map();
  for (const [k, v] of Object.entries(j as Record<string, unknown>)) m.set(k, fromJSON(v));
  return m;
}

/** Byte length of a Go string (UTF-8). */
export function byteLen(s: string): number {
  return new TextEncoder().encode(s).length;
}

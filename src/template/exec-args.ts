// Go's argument rules for function calls in text/template (exec.go evalArg, validateType,
// idealConstant): constants convert to the parameter's type, other values must be assignable.
import type { Arg } from './ast.js';
import type { ParamType } from './funcs.js';
import { Int64, typeName, type Value } from './value.js';

export type Checked = { value: Value } | { error: string };

export function goType(t: ParamType): string {
  switch (t) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    case 'list':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    default:
      return t;
  }
}

/** An untyped number constant given to interface{}: float64 when written as a float, else int. */
export function idealConstant(n: Extract<Arg, { kind: 'number' }>): Checked {
  const c = n.num;
  const hex = /^[+-]?0[xX]/.test(n.text) && !/[pP]/.test(n.text);
  if (c.isFloat && !hex && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return { value: c.float };
  if (c.isInt) return { value: c.int };
  return { error: `${n.text} overflows int` };
}

/** A bool, number or string constant passed to a parameter of type `t`. */
export function constantArg(a: Arg, t: ParamType): Checked {
  const ctx =
    a.kind === 'number' || a.kind === 'string' ? a.text : a.kind === 'bool' ? String(a.value) : a.kind;
  const ok = (value: Value): Checked => ({ value });
  switch (t) {
    case 'string':
      if (a.kind === 'string') return ok(a.value);
      return { error: `expected string; found ${ctx}` };
    case 'bool':
      if (a.kind === 'bool') return ok(a.value);
      return { error: `expected bool; found ${ctx}` };
    case 'int':
    case 'int64':
      if (a.kind === 'number' && a.num.isInt) return ok(t === 'int' ? a.num.int : new Int64(a.num.int));
      return { error: `expected integer; found ${ctx}` };
    case 'float64':
      if (a.kind === 'number' && a.num.isFloat) return ok(a.num.float);
      return { error: `expected float; found ${ctx}` };
    case 'any':
    case 'value':
      if (a.kind === 'bool') return ok(a.value);
      if (a.kind === 'string') return ok(a.value);
      return a.kind === 'number' ? idealConstant(a) : { error: `can't handle ${ctx}` };
    default:
      return { error: `can't handle ${ctx} for arg of type ${goType(t)}` };
  }
}

/** A computed value passed to a parameter of type `t` (nil fits interfaces, lists and maps). */
export function assignable(v: Value, t: ParamType): Checked {
  if (t === 'value') return { value: v };
  if (v === undefined || v === null) {
    // "No value" fits any nil-able type; a nil interface{} is assignable only to interface{}.
    if (t === 'any' || (v === undefined && (t === 'list' || t === 'map'))) return { value: null };
    return {
      error:
        v === undefined
          ? `invalid value; expected ${goType(t)}`
          : `wrong type for value; expected ${goType(t)}; got interface {}`,
    };
  }
  const ok =
    t === 'any' ||
    (t === 'string' && typeof v === 'string') ||
    (t === 'bool' && typeof v === 'boolean') ||
    (t === 'int' && typeof v === 'bigint') ||
    (t === 'int64' && v instanceof Int64) ||
    (t === 'float64' && typeof v === 'number') ||
    (t === 'list' && Array.isArray(v)) ||
    (t === 'map' && v instanceof Map);
  return ok ? { value: v } : { error: `wrong type for value; expected ${goType(t)}; got ${typeName(v)}` };
}

// Function-map types: each function declares Go parameter types, so exec can apply text/template's
// argument checks (a string parameter refuses an int, an `int` parameter refuses an `int64`).
import type { Value } from './value.js';

/**
 * Go parameter types. `value` is reflect.Value (the builtins: gets "no value" as is), `any` is
 * interface{}, `list` is []interface{}, `map` is map[string]interface{}.
 */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'list' | 'map';

export interface GoFunction {
  params: ParamType[];
  variadic?: ParamType;
  fn: (...args: Value[]) => Value;
}

export type FuncMap = Map<string, GoFunction>;

/** Declares a function with fixed parameters. */
export function f(params: ParamType[], fn: (...args: Value[]) => Value): GoFunction {
  return { params, fn };
}

/** Declares a function with fixed parameters and a variadic tail. */
export function fv(params: ParamType[], variadic: ParamType, fn: (...args: Value[]) => Value): GoFunction {
  return { params, variadic, fn };
}

// Go's fmt %v printing of template values, which text/template uses for every action's output.
import { GoFunc, Int64, type Value } from './value.js';

/** strconv.FormatFloat(f, 'g', -1, 64) as fmt's %v prints a float64. */
export function formatFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Number.POSITIVE_INFINITY) return '+Inf';
  if (f === Number.NEGATIVE_INFINITY) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const e = f.toExponential();
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  // strconv's shortest 'g' switches to an exponent below 1e-4 and from 1e6 (it uses precision 6
  // for that decision), so float64(1234567) prints as 1.234567e+06.
  if (exp < -4 || exp >= 6) {
    const mant = e.slice(0, at);
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(f);
}

/** fmt.Sprint(v) for one value (the "%v" verb). */
export function formatValue(v: Value): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatFloat(v);
  if (v instanceof Int64) return v.v.toString();
  if (v instanceof GoFunc) return `0x${v.name}`;
  if (Array.isArray(v)) return `[${v.map(nested).join(' ')}]`;
  const keys = [...v.keys()].sort();
  return `map[${keys.map((k) => `${k}:${nested(v.get(k))}`).join(' ')}]`;
}

function nested(v: Value): string {
  return v === undefined ? '<nil>' : formatValue(v);
}

function isStringValue(v: Value): boolean {
  return typeof v === 'string';
}

/** fmt.Sprint(args...): spaces between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i > 0 && !isStringValue(a) && !isStringValue(args[i - 1])) out += ' ';
    out += a === undefined ? '<nil>' : formatValue(a);
  }
  return out;
}

/** fmt.Sprintln(args...): always spaces, then a newline. */
export function sprintln(args: Value[]): string {
  return `${args.map((a) => (a === undefined ? '<nil>' : formatValue(a))).join(' ')}\n`;
}

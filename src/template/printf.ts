// A subset of Go's fmt.Sprintf verbs (v s d q t f e g x X T c %); any other verb is a clear error.
import { FuncError } from './errors.js';
import { ensureValueSize } from './limits.js';
import { formatFloat, formatValue } from './print.js';
import { intOf, typeName, type Value } from './value.js';

function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => c);
}

function bad(verb: string, v: Value): string {
  return `%!${verb}(${typeName(v)}=${formatValue(v ?? null)})`;
}

function pad(s: string, width: number | undefined, minus: boolean, zero: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (minus) return s.padEnd(width, ' ');
  if (zero) {
    const sign = /^[+-]/.test(s) ? (s[0] as string) : '';
    return sign + s.slice(sign.length).padStart(width - sign.length, '0');
  }
  return s.padStart(width, ' ');
}

export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let ai = 0;
  const re = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/y;
  for (let i = 0; i < format.length; ) {
    const c = format[i] as string;
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(format);
    if (!m) throw new FuncError(`printf: unsupported format at ${JSON.stringify(format.slice(i))}`);
    i = re.lastIndex;
    const [, flags = '', w, p, verb = ''] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (ai >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const v = args[ai++] ?? null;
    const width = w === undefined ? undefined : Number(w);
    if (width !== undefined) ensureValueSize(width, 'the padded value');
    const prec = p === undefined ? undefined : Number(p);
    if (prec !== undefined) ensureValueSize(prec, 'the formatted value');
    const minus = flags.includes('-');
    const zero = flags.includes('0') && !minus;
    const plus = flags.includes('+');
    let s: string;
    const n = intOf(v);
    switch (verb) {
      case 'v':
        if (flags.includes('#') || plus) throw new FuncError(`printf: %${flags}v is not supported`);
        s = formatValue(v);
        break;
      case 's':
        if (typeof v === 'string') s = v;
        else if (Array.isArray(v) || v instanceof Map) {
          const leaves = Array.isArray(v) ? v : [...v.values()];
          if (!leaves.every((e) => typeof e === 'string'))
            throw new FuncError(`printf: %s of ${typeName(v)} with non-string elements is not supported`);
          s = formatValue(v);
        } else s = v === null ? '%!s(<nil>)' : bad('s', v);
        if (prec !== undefined) s = [...s].slice(0, prec).join('');
        break;
      case 'q':
        if (typeof v !== 'string') throw new FuncError(`printf: %q of ${typeName(v)} is not supported`);
        s = quote(v);
        break;
      case 'd':
        s = n === undefined ? bad('d', v) : (plus && n >= 0n ? '+' : '') + n.toString();
        break;
      case 't':
        s = typeof v === 'boolean' ? String(v) : bad('t', v);
        break;
      case 'x':
      case 'X': {
        if (n !== undefined) s = (n < 0n ? '-' : '') + (n < 0n ? -n : n).toString(16);
        else if (typeof v === 'string') s = Buffer.from(v).toString('hex');
        else throw new FuncError(`printf: %${verb} of ${typeName(v)} is not supported`);
        if (verb === 'X') s = s.toUpperCase();
        break;
      }
      case 'c':
        s = n === undefined ? bad('c', v) : String.fromCodePoint(Number(n));
        break;
      case 'f':
      case 'e':
      case 'g': {
        const x = typeof v === 'number' ? v : undefined;
        if (x === undefined) {
          s = bad(verb, v);
          break;
        }
        if (verb === 'f') s = x.toFixed(prec ?? 6);
        else if (verb === 'e') s = x.toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        else if (prec === undefined) s = formatFloat(x);
        else throw new FuncError('printf: %g with a precision is not supported');
        if (plus && x >= 0) s = `+${s}`;
        break;
      }
      case 'T':
        s = typeName(v);
        break;
      default:
        throw new FuncError(`printf: verb %${verb} is not supported`);
    }
    out += pad(s, width, minus, zero && verb !== 's' && verb !== 'v');
  }
  if (ai < args.length)
    out += `%!(EXTRA ${args
      .slice(ai)
      .map((a) => `${typeName(a)}=${formatValue(a ?? null)}`)
      .join(', ')})`;
  return out;
}

// Go's regexp (RE2) patterns run on JavaScript's engine. The shared subset behaves the same; what
// only one side understands is refused with a clear error rather than matched differently.
import { FuncError } from './errors.js';

/** A pattern refused because Go and JavaScript would read it differently (not a Go syntax error). */
export class RegexRefusal extends FuncError {}

export function translateRegex(re: string, flags = ''): RegExp {
  let src = re;
  let fl = flags;
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    const g = inline[1] as string;
    if (g.includes('U')) throw new RegexRefusal(`regexp: the (?U) flag is not supported: ${re}`);
    fl += g;
    src = src.slice(inline[0].length);
  }
  if (/\(\?(=|!|<=|<!)|\\[1-9]|\[\[:|\\[pP]|\\[zAQE]|\(\?[a-zA-OQ-Z]/.test(src))
    throw new RegexRefusal(`regexp: pattern uses syntax whose Go and JavaScript meanings differ: ${re}`);
  src = translateClasses(src.replace(/\(\?P</g, '(?<'), re);
  try {
    return new RegExp(src, fl);
  } catch (e: unknown) {
    throw new FuncError(`error parsing regexp: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Go's Regexp.Expand for ReplaceAllString: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
export function expandReplacement(template: string, match: unknown[]): string {
  const last = match[match.length - 1];
  const groups =
    typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : {};
  const numbered = match.slice(0, match.length - (typeof last === 'object' && last !== null ? 3 : 2)) as (
    | string
    | undefined
  )[];
  return template.replace(
    /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
    (_m, all: string, braced?: string, bare?: string) => {
      if (all === '$') return '$';
      const name = (braced ?? bare) as string;
      if (/^\d+$/.test(name)) return numbered[Number(name)] ?? '';
      return groups[name] ?? '';
    },
  );
}

/**
 * Rewrites what the two engines read differently: Go's `.` excludes only `\n` (JavaScript's also
 * excludes `\r` and the line separators) and Go's `\s` is `[\t\n\f\r ]` (JavaScript's adds
 * Unicode spaces). Go's `[]a]` and JavaScript's `[]` / `[^]` differ, so those are refused.
 */
function translateClasses(src: string, re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      i++;
      if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else if (n === 'S')
        throw new RegexRefusal(`regexp: \\S inside a character class is not supported: ${re}`);
      else out += `\\${n}`;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') {
        // Go reads `[]a]` as a class holding `]`; with no later `]` it is a syntax error there too.
        if (!src.includes(']', i + 2)) throw new FuncError(`error parsing regexp: missing closing ]: ${re}`);
        throw new RegexRefusal(`regexp: a class starting with ] is not supported: ${re}`);
      }
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) out += '[^\\n]';
    else out += c;
  }
  return out;
}

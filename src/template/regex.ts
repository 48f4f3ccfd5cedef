// Go's regexp (RE2) patterns run on JavaScript's engine. The shared subset behaves the same; what
// only one side understands is refused with a clear error rather than matched differently.
import { FuncError } from './errors.js';

export function translateRegex(re: string, flags = ''): RegExp {
  let src = re;
  let fl = flags;
  const inline = /^\(\?([imsU]+)\)/.exec(src);
  if (inline) {
    const g = inline[1] as string;
    if (g.includes('U')) throw new FuncError(`regexp: the (?U) flag is not supported: ${re}`);
    fl += g;
    src = src.slice(inline[0].length);
  }
  if (/\(\?(=|!|<=|<!)|\\[1-9]|\[\[:|\\[pP]\{|\\[zAQE]|\(\?[a-zA-OQ-Z]/.test(src))
    throw new FuncError(`regexp: pattern uses syntax whose Go and JavaScript meanings differ: ${re}`);
  src = src.replace(/\(\?P</g, '(?<');
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

// Quoted YAML scalars for generated files, produced by the yaml library so that every string a pull
// request chose (file names, object names, image names) is escaped by the YAML rules, never by hand.
import { Scalar, stringify } from 'yaml';

/** Printable ASCII only: no line break, control character, non-ASCII or lone surrogate. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function quoted(value: string, type: Scalar.Type): string {
  const scalar = new Scalar(value);
  scalar.type = type;
  // One value stays on one line of the generated file: no folding, and line breaks as escapes (a
  // continuation line would need the indentation of the line it is embedded in).
  return stringify(scalar, { lineWidth: 0, doubleQuotedAsJSON: true }).replace(/\n$/, '');
}

/** A double-quoted scalar. For printable ASCII, what the yaml library writes with
 *  `doubleQuotedAsJSON` is `JSON.stringify(value)` (yaml's stringifyString.js doubleQuotedString),
 *  computed here without a Document per value: a plan writes one per patch field, and building
 *  those was a visible share of a large release's run. */
export function doubleQuoted(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return JSON.stringify(value);
  return quoted(value, Scalar.QUOTE_DOUBLE);
}

/** A single-quoted scalar (no backslash escapes, so `{{ … "x" }}` templates stay readable). */
export function singleQuoted(value: string): string {
  // Printable ASCII has no line break to indent or fold (lineWidth 0): yaml's singleQuotedString is
  // then the value between quotes, each `'` doubled.
  if (PRINTABLE_ASCII.test(value)) return `'${value.replaceAll("'", "''")}'`;
  // Single quotes cannot escape: a line break or control character needs the double-quoted form.
  if (/[\p{Cc}\u2028\u2029\ufeff]/u.test(value)) return doubleQuoted(value);
  return quoted(value, Scalar.QUOTE_SINGLE);
}

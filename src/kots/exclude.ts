// Whether KOTS deploys a document, by its `kots.io/exclude` and `kots.io/when` annotations. Mirrors
// replicatedhq/kots pkg/base/base.go `isExcludedByAnnotation`, which runs on the rendered document
// (pkg/base/replicated.go renders templates first) decoded with go.yaml.in/yaml/v2:
// - `kots.io/exclude`, when present, decides alone (`kots.io/when` is then not read);
// - a YAML bool is used as is; a string goes through Go's strconv.ParseBool;
// - any other string, or any other type (a number, null), is an error that fails the whole render
//   ("failed to determine if file … should be included in base"): not a ParseError, so KOTS stops.

/** An annotation value as written: its text and whether it was a plain (unquoted) scalar, or
 *  `other` for a non-scalar (map, sequence). */
export type AnnotationSource = { text: string; plain: boolean } | { other: string };

/** Renders KOTS template text with Config defaults; `dynamic` when the result depends on what only
 *  the install knows. Injected so that the template evaluator can be plugged in. */
export type Render = (text: string) => { value: string; dynamic: boolean };

/** Until an evaluator is plugged in: literal text is itself, any template is undecidable. */
export const literalOnly: Render = (text) => ({ value: text, dynamic: /repl\{\{|\{\{\s*repl/.test(text) });

export type Decision =
  | { deployed: true; by?: 'kots.io/exclude' | 'kots.io/when' }
  | { deployed: false; by: 'kots.io/exclude' | 'kots.io/when' }
  | { undecided: true; by: 'kots.io/exclude' | 'kots.io/when'; text: string }
  | { error: string; by: 'kots.io/exclude' | 'kots.io/when' };

/** strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

const YAML11_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const YAML11_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);

/** How yaml.v2 decodes a plain scalar into interface{}: bool, null, number or string. */
function yamlV2Plain(text: string): { bool: boolean } | { type: string } | { string: string } {
  if (YAML11_TRUE.has(text)) return { bool: true };
  if (YAML11_FALSE.has(text)) return { bool: false };
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL')
    return { type: '<nil>' };
  if (/^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0b[01_]+|0[0-7_]+)$/.test(text)) return { type: 'int' };
  if (
    /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text) ||
    /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(text)
  )
    return { type: 'float64' };
  return { string: text };
}

function decideOne(by: 'kots.io/exclude' | 'kots.io/when', src: AnnotationSource, render: Render): Decision {
  if ('other' in src) return { error: `unexpected type in ${shortName(by)} annotation: ${src.other}`, by };
  const rendered = render(src.text);
  if (rendered.dynamic) return { undecided: true, by, text: src.text };
  const decoded = src.plain ? yamlV2Plain(rendered.value.trim()) : { string: rendered.value };
  let value: boolean | undefined;
  if ('bool' in decoded) value = decoded.bool;
  else if ('type' in decoded)
    return { error: `unexpected type in ${shortName(by)} annotation: ${decoded.type}`, by };
  else {
    value = parseGoBool(decoded.string);
    if (value === undefined)
      return { error: `unable to parse ${decoded.string} as bool in ${shortName(by)} annotation`, by };
  }
  const excluded = by === 'kots.io/exclude' ? value : !value;
  return excluded ? { deployed: false, by } : { deployed: true, by };
}

function shortName(by: string): string {
  return by === 'kots.io/exclude' ? 'exclude' : 'when';
}

/** The decision for one document from its two annotations (absent ones undefined). */
export function decideDeployed(
  exclude: AnnotationSource | undefined,
  when: AnnotationSource | undefined,
  render: Render = literalOnly,
): Decision {
  if (exclude !== undefined) return decideOne('kots.io/exclude', exclude, render);
  if (when !== undefined) return decideOne('kots.io/when', when, render);
  return { deployed: true };
}

// KOTS template detection, for the scanner and the planner alike. KOTS renders `repl{{ … }}` and
// `{{repl … }}` before it scans images (its Go templates use `{{repl` / `}}` as delimiters and rewrite
// `repl{{` to them: replicatedhq/kots pkg/template/builder.go), so `{{ repl … }}` is no template to it.
// A static scan reports templated values as dynamic, except a value that is exactly one call wrapping a
// literal image (`LocalImageName "x"`, `ReplicatedImageName "x" [true|false]`), which can still be checked.
import type { Templating } from './model-scan.js';

/** True when the text contains a KOTS template opener. */
export function hasTemplate(text: string): boolean {
  return text.includes('repl{{') || text.includes('{{repl');
}

// One template, nothing else: opener, optional trim marker, the function, a "literal" or `literal`,
// an optional bool (ReplicatedImageName only, checked below), optional trim marker, closer.
const WRAPPED =
  /^(?:repl\{\{|\{\{repl)-?\s*(LocalImageName|ReplicatedImageName)\s+(?:"([^"\\]*)"|`([^`]*)`)(?:\s+(true|false))?\s*-?\}\}$/;

/** Classifies an image value as written. */
export function classifyTemplating(raw: string): Templating {
  if (!hasTemplate(raw)) return { kind: 'none' };
  const m = WRAPPED.exec(raw.trim());
  if (m) {
    const fn = m[1] as 'LocalImageName' | 'ReplicatedImageName';
    const literal = m[2] ?? m[3] ?? '';
    const boolOk = m[4] === undefined || fn === 'ReplicatedImageName';
    if (boolOk && literal !== '' && !literal.includes('{{')) return { kind: 'wrapped', fn, literal };
  }
  return { kind: 'dynamic' };
}

/** Lines that hold only KOTS templates (`repl{{ if … }}`, `{{repl end }}`): YAML reads them at block level. */
const BLOCK_TEMPLATE_LINE = /^[ \t]*(?:repl\{\{|\{\{repl)[^\n]*\}\}[ \t]*\r?$/gm;

/** Replaces every whole-line template in `text` with spaces, keeping every offset and line break. */
export function blankBlockTemplates(text: string): { text: string; count: number } {
  let count = 0;
  BLOCK_TEMPLATE_LINE.lastIndex = 0;
  const out = text.replace(BLOCK_TEMPLATE_LINE, (line) => {
    count++;
    return line.endsWith('\r') ? `${' '.repeat(line.length - 1)}\r` : ' '.repeat(line.length);
  });
  return { text: out, count };
}

// Literal images written directly in chart templates (`image: quay.io/org/x:1`). Templates are not
// YAML until Helm renders them, so this is line-based: a line counts only when it is a plain
// `image:` key (optionally a `- ` list item) with one unquoted or quoted token and no template action
// on it, and it is not inside a multi-line `{{ … }}` action (e.g. a `{{/* … */}}` comment).
// Lines under `{{ if }}` are still reported: only Helm can tell whether they render. Pure.

import type { SourcePos } from '../../model.js';

export interface TemplateLiteralImage {
  /** The value as written, without quotes. */
  raw: string;
  /** Position of the value's first character (its opening quote if quoted). */
  pos: SourcePos;
}

// key, then a double-quoted, single-quoted or plain token, then an optional comment. Linear: no
// nested quantifiers, so a hostile line cannot make it backtrack.
const LINE =
  /^(\s*(?:-\s+)?image:[ \t]+)(?:"([^"\\\s]+)"|'([^'\s]+)'|([^\s"'#{[|>&*!%@`,][^\s#]*))[ \t]*(?:#.*)?$/;

export function findTemplateLiteralImages(templateText: string, file: string): TemplateLiteralImage[] {
  const out: TemplateLiteralImage[] = [];
  let inAction = false;
  const lines = templateText.split(/\r?\n/);
  lines.forEach((line, i) => {
    const startsInAction = inAction;
    inAction = endsInAction(line, inAction);
    if (startsInAction || line.includes('{{') || line.includes('}}')) return;
    const m = LINE.exec(line);
    if (!m) return;
    const raw = m[2] ?? m[3] ?? m[4];
    if (raw === undefined) return;
    out.push({ raw, pos: { file, line: i + 1, column: (m[1]?.length ?? 0) + 1 } });
  });
  return out;
}

/** Whether a `{{` is still open at the end of the line. */
function endsInAction(line: string, open: boolean): boolean {
  let state = open;
  for (let at = 0; at < line.length; ) {
    const next = line.indexOf(state ? '}}' : '{{', at);
    if (next < 0) break;
    state = !state;
    at = next + 2;
  }
  return state;
}

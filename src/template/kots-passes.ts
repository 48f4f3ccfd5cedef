// KOTS's two rendering passes (replicatedhq/kots pkg/template builder.go RenderTemplate): the text
// is rendered with `{{repl … }}` delimiters, then the result with `repl{{ … }}`, both with nil data.
// The mapped variant also composes each pass's source map, so output positions lead back to the
// original text. Pure.
import type { FuncMap } from './funcs.js';
import { render, TemplateError } from './index.js';
import type { StepPool } from './limits.js';
import { composeMaps, identityMap, MapRecorder, type SourceMap, sourceOffset } from './source-map.js';

/** Builder.RenderTemplate: `{{repl … }}` first, then `repl{{ … }}`, with nil data. */
export function renderPasses(text: string, funcs: FuncMap, name: string, pool?: StepPool): string {
  if (text === '') return '';
  let cur = text;
  // Without its left delimiter a pass is plain text and leaves the text as it is.
  for (const [l, r] of [
    ['{{repl', '}}'],
    ['repl{{', '}}'],
  ] as const)
    if (cur.includes(l))
      cur = render(cur, undefined, { name, leftDelim: l, rightDelim: r, funcs, ...(pool ? { pool } : {}) });
  return cur;
}

/** Offset where 1-based `line` starts in `text`; with `upTo`, instead the line number of offset `upTo`. */
function lineStart(text: string, line: number, upTo?: number): number {
  if (upTo !== undefined) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }
  let off = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', off);
    if (nl < 0) break;
    off = nl + 1;
  }
  return off;
}

/** renderPasses with a source map: each pass records its chunks, the second pass's map is composed
 *  onto the first's. `recorder` is set while a pass runs so function calls report into it. */
export function renderPassesMapped(
  text: string,
  funcs: FuncMap,
  name: string,
  setRecorder: (r: MapRecorder | undefined) => void,
  pool: StepPool,
): { output: string; map: SourceMap } {
  let cur = text;
  let map = identityMap(text.length);
  for (const [l, r] of [
    ['{{repl', '}}'],
    ['repl{{', '}}'],
  ] as const) {
    if (!cur.includes(l)) continue;
    const rec = new MapRecorder();
    setRecorder(rec);
    try {
      cur = render(cur, undefined, { name, leftDelim: l, rightDelim: r, funcs, hooks: rec, pool });
    } catch (e: unknown) {
      // The second pass reads the first one's output: give its error the line of the original text.
      if (e instanceof TemplateError && map.length > 0 && cur !== text) {
        const at = sourceOffset(map, lineStart(cur, e.line));
        throw new TemplateError(e.message, e.templateName, lineStart(text, 0, at));
      }
      throw e;
    } finally {
      setRecorder(undefined);
    }
    map = composeMaps(rec.segments, map);
  }
  return { output: cur, map };
}

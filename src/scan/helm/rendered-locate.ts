// Two look-ups that tie a rendered document back to its chart: the object path of the scalar at a
// line and column (to compare the plain and the marked render there), and the chart's template
// files by the name Helm prints in `# Source:` lines. Pure.

import { isMap, isPair, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { SourcePos } from '../../model.js';
import type { ChartArchive } from './archive.js';

type Path = Array<string | number>;

/** The object path of the scalar value that holds `pos` in a rendered document's text, or null. */
export function scalarPathAt(text: string, pos: Pick<SourcePos, 'line' | 'column'>): Path | null {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < pos.line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  offset += pos.column - 1;
  const doc = parseDocument(text, { uniqueKeys: false });
  let found: Path | null = null;
  const walk = (n: unknown, path: Path): void => {
    if (found !== null) return;
    if (isScalar(n)) {
      const r = n.range;
      if (r && r[0] <= offset && offset < Math.max(r[1], r[0] + 1)) found = path;
      return;
    }
    if (isMap(n)) {
      for (const pair of n.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        walk(pair.value, [...path, String(pair.key.value)]);
      }
      return;
    }
    if (isSeq(n)) {
      (n.items as Node[]).forEach((item, i) => {
        walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return found;
}

/** Template files of a chart and its subcharts by Helm's name for them: `<chart>/templates/x.yaml`,
 *  `<chart>/charts/<alias or name>/templates/y.yaml`. */
export function templateFiles(chart: ChartArchive): Map<string, { file: string; text: string }> {
  const out = new Map<string, { file: string; text: string }>();
  const walk = (c: ChartArchive, prefix: string): void => {
    const base = `${c.displayPath}!${c.dir}/`;
    for (const t of c.templates) {
      if (t.file.startsWith(base)) out.set(`${prefix}/${t.file.slice(base.length)}`, t);
    }
    for (const sub of c.subcharts) {
      const deps = c.dependencies.filter((d) => d.name === sub.name);
      const keys = deps.length === 0 ? [sub.name] : deps.map((d) => d.alias ?? d.name);
      for (const k of keys) walk(sub, `${prefix}/charts/${k}`);
    }
  };
  walk(chart, chart.name);
  return out;
}

// Node-level helpers shared by the extractors: key lookup, alias resolution with a budget, and turning a
// value node into its text and source position. Everything here works on one composed document.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isCollection, isMap, isScalar, isSeq, type LineCounter } from 'yaml';
import { finding } from '../../finding.js';
import type { SourcePos } from '../../model.js';
import { type SourceMap, sourceOffset } from '../../template/kots.js';
import type { TreeHooks } from '../helm/values-tree.js';
import { taintedSource } from '../rendered.js';
import type { ScanSink } from '../sink.js';

/** Aliases followed per document before we stop following them (guards against alias bombs). */
export const MAX_ALIAS_COUNT = 100;
const ALIAS_LIMIT = 'alias limit exceeded';

/** One document being scanned. Node offsets are relative to `src`; `base` maps them into the file. */
export interface DocCtx {
  file: string;
  /** The file text (BOM removed) the offsets + base point into: the original, never the blanked copy. */
  text: string;
  base: number;
  lc: LineCounter;
  docIndex: number;
  contents: Node | null;
  sink: ScanSink;
  /** Reasons kustomize cannot take this document, deduplicated in insertion order. */
  problems: Set<string>;
  aliasesFollowed: number;
  anchors?: Map<string, Node[]>;
  /** Set when `text` is the KOTS rendering of the file: positions are reported in the original. */
  origin?: Origin;
  /** Offsets [start, end) of the document in `text`. */
  range?: [number, number];
}

/** The original file behind a rendered text: its map and its line index. */
interface Origin {
  map: SourceMap;
  lc: LineCounter;
  /** The original text. */
  source: string;
}

export function posAt(d: DocCtx, offset: number): SourcePos {
  const abs = d.base + offset;
  const { line, col } = d.origin ? d.origin.lc.linePos(sourceOffset(d.origin.map, abs)) : d.lc.linePos(abs);
  return { file: d.file, line, column: col };
}

/** Follows an alias to its anchored node (the last one defined before it), within the budget. */
function deref(d: DocCtx, node: unknown): Node | null {
  if (!isAlias(node)) return (node as Node | null | undefined) ?? null;
  if (d.aliasesFollowed >= MAX_ALIAS_COUNT) {
    if (!d.problems.has(ALIAS_LIMIT)) {
      d.problems.add(ALIAS_LIMIT);
      const message = `more than ${MAX_ALIAS_COUNT} aliases in one document; the rest were not followed`;
      const pos = posAt(d, node.range?.[0] ?? 0);
      d.sink.findings.push(finding('yaml-parse-error', pos, message));
    }
    return null;
  }
  d.aliasesFollowed++;
  d.anchors ??= collectAnchors(d.contents);
  const candidates = d.anchors.get(node.source);
  const at = node.range?.[0] ?? 0;
  let found: Node | null = null;
  for (const c of candidates ?? []) if ((c.range?.[0] ?? 0) < at) found = c;
  // An anchored node is never itself an alias, so no chain to follow.
  return found;
}

/** One pass over the document, only on the first alias met: anchor name → nodes in document order. */
function collectAnchors(root: Node | null): Map<string, Node[]> {
  const map = new Map<string, Node[]>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!isScalar(n) && !isCollection(n)) continue;
    if (n.anchor) {
      const list = map.get(n.anchor) ?? [];
      list.push(n);
      map.set(n.anchor, list);
    }
    if (isMap(n)) for (const p of n.items) stack.push(p.value, p.key);
    else if (isSeq(n)) for (const it of n.items) stack.push(it);
  }
  for (const list of map.values()) list.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  return map;
}

/** The plain string of a key node, or null for complex keys. */
export function keyString(pair: Pair): string | null {
  const k = pair.key;
  if (isScalar(k) && k.value !== null && k.value !== undefined) return k.source ?? String(k.value);
  return null;
}

/** Value node of `key` in a map node (first match); the map may be an alias. The value is returned as
 *  written (possibly an alias, so a use keeps its own position): every reader here derefs it. */
export function get(d: DocCtx, map: unknown, key: string): Node | null {
  const m = deref(d, map);
  if (!isMap(m)) return null;
  for (const p of m.items) if (keyString(p) === key) return (p.value as Node | null) ?? null;
  return null;
}

export function asMap(d: DocCtx, node: unknown): YAMLMap | null {
  const n = deref(d, node);
  return isMap(n) ? n : null;
}

/** Items of a sequence node, aliases not yet followed (callers deref each item). */
export function seqItems(d: DocCtx, node: unknown): unknown[] {
  const n = deref(d, node);
  return isSeq(n) ? n.items : [];
}

/** A value as text, where it starts, and whether it is a KOTS template YAML read as a flow map. */
export interface TextValue {
  raw: string;
  offset: number;
  flowTemplate: boolean;
}

const TEMPLATE_OPEN = '{{';
const TRAILING_COMMENT = /[ \t]#/;

/** An unquoted `{{repl X }}` / `{{ … }}` that YAML read as a flow collection. */
function isFlowTemplate(d: DocCtx, node: Node | null): boolean {
  return (
    isCollection(node) &&
    node.flow === true &&
    !!node.range &&
    d.text.startsWith(TEMPLATE_OPEN, d.base + node.range[0])
  );
}

/** Scalar → its source string (so `1.10` stays `1.10`); null/empty scalars → null. An unquoted
 *  `{{repl X }}` (a flow map to YAML) → the source text from `{{` to the end of its line, minus a
 *  trailing comment, and the document is marked: kustomize cannot take it as written. */
export function textValue(d: DocCtx, node: unknown): TextValue | null {
  if (isAlias(node)) {
    // The value of the anchored node, positioned where the alias is used (each use its own location).
    const target = textValue(d, deref(d, node));
    return target && node.range ? { ...target, offset: node.range[0] } : target;
  }
  const n = node as Node | null | undefined;
  if (isScalar(n)) return scalarText(n as Scalar);
  if (isCollection(n) && n.flow && n.range) {
    const start = n.range[0];
    const abs = d.base + start;
    if (d.text.startsWith(TEMPLATE_OPEN, abs)) {
      d.problems.add('template parsed as a flow map');
      return { raw: templateSource(d.text, abs, d.base + n.range[1]), offset: start, flowTemplate: true };
    }
  }
  return null;
}

function scalarText(n: Scalar): TextValue | null {
  if (n.value === null || n.value === undefined || !n.range) return null;
  const raw = n.source ?? String(n.value);
  if (raw === '') return null;
  return { raw, offset: n.range[0], flowTemplate: false };
}

/** Source from `start` to the end of its line (or the node end, if later), without a ` #` comment. */
function templateSource(text: string, start: number, end: number): string {
  let lineEnd = text.indexOf('\n', start);
  if (lineEnd < 0) lineEnd = text.length;
  let s = text.slice(start, Math.max(lineEnd, end));
  const lastClose = s.lastIndexOf('}}');
  const hash = s.search(TRAILING_COMMENT);
  if (hash >= 0 && hash > lastClose) s = s.slice(0, hash);
  return s.trimEnd();
}

/** String value of a scalar (its source text), or undefined. */
export function str(d: DocCtx, node: unknown): string | undefined {
  return textValue(d, node)?.raw;
}

/** How a values tree (helm/values-tree.ts) is built from this document: positions through `base`,
 *  aliases within the budget, unquoted `{{ … }}` as the template's text; `skip` is left out. */
export function treeHooks(d: DocCtx, skip?: Node): TreeHooks {
  return {
    file: d.file,
    posOf: (n) => posAt(d, n.range?.[0] ?? 0),
    resolve: (a) => deref(d, a),
    flowText: (n) => (isFlowTemplate(d, n) ? textValue(d, n)?.raw : undefined),
    writtenText: (n) => {
      if (!d.origin || !isScalar(n) || !n.range) return undefined;
      const q = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE' ? 1 : 0;
      return taintedSource(d.origin, d.base + n.range[0] + q, d.base + n.range[1] - q);
    },
    ...(skip ? { skip: (n: Node) => n === skip } : {}),
  };
}

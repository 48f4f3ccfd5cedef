// Helm values as a tree whose every node remembers where it was written, and Helm's coalescing rules
// (pkg/chartutil/coalesce.go) over such trees: a chart's values.yaml, the values the parent chart
// passes to a subchart, and the KOTS HelmChart CR's `values` each form a layer, and the merged tree
// says, for every leaf, which file and line decided it. Pure: text or YAML nodes in, data out.

import {
  type Alias,
  type Document,
  isAlias,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { SourcePos } from '../../model.js';
import { firstLine } from '../../util.js';
import { lineCounterOf } from '../yaml/positions.js';

/** Which layer a node came from; higher wins. Chart values.yaml: 0 for the top chart, -1 for its
 *  subcharts, -2 below; HelmChart CR values: 1 and up. Only used to pick where to report. */
export type Layer = number;

export interface ValueMap {
  kind: 'map';
  entries: Map<string, ValueNode>;
  pos: SourcePos;
  layer: Layer;
}
interface ValueSeq {
  kind: 'seq';
  items: ValueNode[];
  pos: SourcePos;
  layer: Layer;
}
interface ValueScalar {
  kind: 'scalar';
  /** As YAML 1.2 core reads it (`1.10` is the number 1.1, as it is for Helm). */
  value: string | number | boolean | null;
  pos: SourcePos;
  layer: Layer;
}
/** Anything else (an unresolvable alias, a flow map made by an unquoted `{{ }}`). */
interface ValueOther {
  kind: 'other';
  pos: SourcePos;
  layer: Layer;
}
export type ValueNode = ValueMap | ValueSeq | ValueScalar | ValueOther;

/** Walk limits against YAML alias bombs and absurd nesting. */
const MAX_NODES = 200_000;
const MAX_DEPTH = 100;

export function emptyValues(file: string, layer: Layer): ValueMap {
  return { kind: 'map', entries: new Map(), pos: { file, line: 1, column: 1 }, layer };
}

/** Parses a values document (values.yaml). A non-map root yields an empty tree; YAML errors are
 *  returned, and whatever the parser could still build is kept. */
export function valuesFromText(
  text: string,
  file: string,
  layer: Layer = 0,
): { values: ValueMap; errors: string[] } {
  // Positions ignore a leading BOM, as scanText's do.
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineCounter = lineCounterOf(src);
  const doc = parseDocument(src, { uniqueKeys: false });
  const errors = doc.errors.map((e) => `${file}: ${firstLine(e.message)}`);
  return { values: valuesFromNode(doc.contents, lineCounter, file, layer, doc), errors };
}

/** Converts a YAML node (e.g. a HelmChart CR's `spec.values`) into a values tree. Pass `doc` so that
 *  aliases resolve; without it they become `other`. */
export function valuesFromNode(
  node: unknown,
  lineCounter: LineCounter,
  file: string,
  layer: Layer = 1,
  doc?: Document,
): ValueMap {
  return convertTree(node, layer, {
    file,
    posOf: (n) => {
      const { line, col } = lineCounter.linePos(n.range?.[0] ?? 0);
      return { file, line, column: col };
    },
    resolve: (a) => (doc ? a.resolve(doc) : undefined),
  });
}

/** How convertTree sees the document a node comes from. */
export interface TreeHooks {
  /** File name for positions that have no node. */
  file: string;
  posOf(n: Node): SourcePos;
  /** An alias's anchored node, or undefined when it cannot (or may no longer) be followed. */
  resolve(a: Alias): unknown;
  /** The text of an unquoted `{{ … }}` that YAML read as a flow collection: it becomes a string leaf. */
  flowText?(n: Node): string | undefined;
  /** Subtrees to leave out (e.g. a custom resource's PodSpec, scanned another way). */
  skip?(n: Node): boolean;
  /** A scalar's text as written, when the text being read is a rendering that only the install can
   *  tell for this value (a placeholder decided it). */
  writtenText?(n: Node): string | undefined;
}

/** Converts any YAML node into a values tree, with positions and alias resolution from `hooks`. */
export function convertTree(node: unknown, layer: Layer, hooks: TreeHooks): ValueMap {
  const { file, posOf } = hooks;
  let budget = MAX_NODES;
  const convert = (n: unknown, depth: number): ValueNode => {
    if (--budget < 0 || depth > MAX_DEPTH) return { kind: 'other', pos: { file, line: 1, column: 1 }, layer };
    if (isAlias(n)) {
      const target = hooks.resolve(n);
      return target ? convert(target, depth + 1) : { kind: 'other', pos: posOf(n), layer };
    }
    if (n && typeof n === 'object' && hooks.skip?.(n as Node))
      return { kind: 'other', pos: posOf(n as Node), layer };
    if (isScalar(n)) {
      const v = hooks.writtenText?.(n) ?? n.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
      return { kind: 'scalar', value, pos: posOf(n), layer };
    }
    const flow = isCollection(n) ? hooks.flowText?.(n) : undefined;
    if (flow !== undefined) return { kind: 'scalar', value: flow, pos: posOf(n as Node), layer };
    if (isMap(n)) {
      const entries = new Map<string, ValueNode>();
      for (const pair of n.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        // A key written without a value (`tag:`) is null, as in Helm.
        entries.set(
          key,
          pair.value == null ? nullAt(pair.key, posOf, layer) : convert(pair.value, depth + 1),
        );
      }
      return { kind: 'map', entries, pos: posOf(n), layer };
    }
    if (isSeq(n))
      return { kind: 'seq', items: n.items.map((i) => convert(i, depth + 1)), pos: posOf(n), layer };
    return {
      kind: 'other',
      pos: n && typeof n === 'object' && 'range' in n ? posOf(n as Node) : { file, line: 1, column: 1 },
      layer,
    };
  };
  const root = node == null ? undefined : convert(node, 0);
  return root?.kind === 'map' ? root : emptyValues(file, layer);
}

function nullAt(key: unknown, posOf: (n: Node) => SourcePos, layer: Layer): ValueScalar {
  const pos = isScalar(key) ? posOf(key) : { file: '', line: 1, column: 1 };
  return { kind: 'scalar', value: null, pos, layer };
}

/** Helm's coalesce: `over` (user-supplied, higher precedence) onto `base` (chart defaults). Maps merge
 *  key by key; any other value in `over` replaces. A null in `over` is Helm's way to delete a default:
 *  it is kept as a null leaf (readers treat null as unset) so that it also deletes the key from
 *  subchart defaults merged in later, as Helm does. Inputs are not modified. */
export function coalesceValues(over: ValueMap, base: ValueMap): ValueMap {
  const entries = new Map(base.entries);
  for (const [key, value] of over.entries) {
    const prev = entries.get(key);
    if (value.kind === 'map' && prev?.kind === 'map') entries.set(key, coalesceValues(value, prev));
    else entries.set(key, value);
  }
  return { kind: 'map', entries, pos: over.pos, layer: over.layer };
}

/** KOTS's `optionalValues` with `recursiveMerge: false` (the default): each top-level key of `over`
 *  replaces that key of `base` whole (Replicated docs, HelmChart `optionalValues.recursiveMerge`). */
export function replaceTopLevel(over: ValueMap, base: ValueMap): ValueMap {
  const entries = new Map(base.entries);
  for (const [key, value] of over.entries) entries.set(key, value);
  return { kind: 'map', entries, pos: over.pos, layer: over.layer };
}

/** The values a subchart sees (Helm's coalesceDeps + coalesceGlobals): the parent's values under
 *  `key` (the dependency's alias or name), with the parent's `global` merged over the subchart's
 *  `global` (parent wins), all over the subchart's own values.yaml. */
export function subchartValues(parent: ValueMap, key: string, defaults: ValueMap): ValueMap {
  const scoped = parent.entries.get(key);
  const over: ValueMap =
    scoped?.kind === 'map'
      ? { ...scoped, entries: new Map(scoped.entries) }
      : { ...emptyValues(parent.pos.file, parent.layer) };
  const parentGlobal = parent.entries.get('global');
  if (parentGlobal?.kind === 'map') {
    const own = over.entries.get('global');
    over.entries.set('global', own?.kind === 'map' ? coalesceValues(parentGlobal, own) : parentGlobal);
  }
  return coalesceValues(over, defaults);
}

/** The node at a dotted-path's keys, or undefined. */
export function lookup(values: ValueMap, path: readonly string[]): ValueNode | undefined {
  let node: ValueNode | undefined = values;
  for (const key of path) {
    if (node?.kind !== 'map') return undefined;
    node = node.entries.get(key);
  }
  return node;
}

/** Helm's `condition`: comma-separated paths; the first that holds a boolean decides; none → enabled. */
export function conditionEnabled(values: ValueMap, condition: string | undefined): boolean {
  for (const path of (condition ?? '').split(',')) {
    const trimmed = path.trim();
    if (trimmed === '') continue;
    const node = lookup(values, trimmed.split('.'));
    if (node?.kind === 'scalar' && typeof node.value === 'boolean') return node.value;
  }
  return true;
}

/** The tree as plain data (what Helm reads from a values file); `other` nodes become null. */
export function plainValues(node: ValueNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainValues);
  if (node.kind === 'map') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of node.entries) out[k] = plainValues(v);
    return out;
  }
  return null;
}

/** The node at a values path whose numbers index lists, or undefined. */
export function lookupPath(values: ValueNode, path: ReadonlyArray<string | number>): ValueNode | undefined {
  let node: ValueNode | undefined = values;
  for (const seg of path) {
    if (node === undefined) return undefined;
    if (typeof seg === 'number') node = node.kind === 'seq' ? node.items[seg] : undefined;
    else node = node.kind === 'map' ? node.entries.get(seg) : undefined;
  }
  return node;
}

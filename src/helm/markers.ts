// Marked values for tracing: every string leaf of the values Helm sees gets a unique marker put in
// front of it (`kpx00042` + the original text), so that a second render shows which value paths
// produced each character of an image string. Keeping the original text after the marker lets
// templates that split or test the value (`splitList ":"`, `hasPrefix`) still work.

import { isMap, type Values } from './values-merge.js';

export type ValuePath = ReadonlyArray<string | number>;

/** One source of values, lowest precedence first: a chart's values.yaml at the key its parent gives
 *  it (alias or name), then the CR's values at the root. */
export interface ValueLayer {
  /** Where the values come from, e.g. `cr` or `istiod/charts/pilot/values.yaml`. */
  origin: string;
  /** Where the layer sits in the top chart's values, e.g. [] or ['pilot']. */
  at: ValuePath;
  values: Values;
}

export interface MarkedLeaf {
  marker: string;
  path: ValuePath;
  origin: string;
  original: string;
}

export interface MarkedValues {
  prefix: string;
  values: Values;
  leaves: Map<string, MarkedLeaf>;
}

export const MARKER_DIGITS = 5;
const CANDIDATE_PREFIXES = ['kpx', 'kpq', 'kqz', 'zqk', 'qxk', 'xqz'];

/** The first marker prefix that no haystack (values, chart output) already contains followed by
 *  digits, so that a marker found in the output can only be ours. */
export function chooseMarkerPrefix(haystacks: readonly string[]): string | null {
  for (const p of CANDIDATE_PREFIXES) {
    const re = new RegExp(`${p}\\d{${MARKER_DIGITS}}`, 'i');
    if (!haystacks.some((h) => re.test(h))) return p;
  }
  return null;
}

/** Merges the layers as Helm coalesces them (mappings merge, anything else replaces, null removes
 *  the default) and marks each string leaf with the origin of the layer that set it. */
export function markValues(
  layers: readonly ValueLayer[],
  prefix: string,
  /** Marks only the string leaves this accepts (all when omitted). */
  only?: (path: ValuePath, value: string) => boolean,
): MarkedValues {
  interface Leaf {
    value: unknown;
    origin: string;
  }
  type Tree = Map<string, Tree | Leaf>;
  const root: Tree = new Map();
  /** The map under `key`, created (over a leaf too) when there is none. */
  const subtree = (tree: Tree, key: string): Tree => {
    const sub = tree.get(key);
    if (sub instanceof Map) return sub;
    const created: Tree = new Map();
    tree.set(key, created);
    return created;
  };
  const place = (tree: Tree, key: string, v: unknown, origin: string): void => {
    // A null stays a null leaf: passed to Helm it removes the chart's default, as in the plain
    // render (dropping the key would bring the default back).
    if (isMap(v)) {
      const sub = subtree(tree, key);
      for (const [k, x] of Object.entries(v)) place(sub, k, x, origin);
      return;
    }
    tree.set(key, { value: v, origin });
  };
  for (const layer of layers) {
    let tree = root;
    for (const seg of layer.at) tree = subtree(tree, String(seg));
    for (const [k, v] of Object.entries(layer.values)) place(tree, k, v, layer.origin);
  }

  const leaves = new Map<string, MarkedLeaf>();
  const mark = (value: unknown, path: ValuePath, origin: string): unknown => {
    // An empty string stays empty: `default` and `if` treat it as unset, and a marker would change
    // what the chart renders (`.Values.image.tag | default .Chart.AppVersion`).
    if (typeof value === 'string' && value !== '' && (only === undefined || only(path, value))) {
      const marker = `${prefix}${String(leaves.size + 1).padStart(MARKER_DIGITS, '0')}`;
      leaves.set(marker, { marker, path, origin, original: value });
      return marker + value;
    }
    if (Array.isArray(value)) return value.map((x, i) => mark(x, [...path, i], origin));
    if (isMap(value))
      return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, mark(x, [...path, k], origin)]));
    return value;
  };
  const build = (tree: Tree, path: ValuePath): Values => {
    const out: Values = {};
    for (const [k, node] of tree) {
      out[k] = node instanceof Map ? build(node, [...path, k]) : mark(node.value, [...path, k], node.origin);
    }
    return out;
  };
  return { prefix, values: build(root, []), leaves };
}

/** The narrower marking tried when marking every string changed what the chart rendered: only the
 *  values an image could be built from (a key naming an image part, or a value shaped like a
 *  reference or a version), so that switches such as `mode: standalone` stay as they were. */
export function imageLikeLeaf(path: ValuePath, value: string): boolean {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  if (/image|registry|repo|hub|tag|digest|version|name|prefix|suffix|host/i.test(key)) return true;
  return /^[\w.-]+(:\d+)?\/[\w./-]+/.test(value) || /^v?\d+\.\d+/.test(value) || /^sha256:/.test(value);
}

/** The narrowest marking: only the values an image's name is built from, never a tag or a version,
 *  for charts that compare the tag as a version (`semverCompare ">=0.9.0" .Values.image.tag`). The
 *  name is then traced and the tag is left as the chart printed it. */
export function nameLikeLeaf(path: ValuePath, value: string): boolean {
  const key = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  if (/tag|digest|version/i.test(key) || /^v?\d+\.\d+/.test(value) || /^sha256:/.test(value)) return false;
  return /image|registry|repo|hub|name|prefix|host/i.test(key) || /^[\w.-]+(:\d+)?\/[\w./-]+/.test(value);
}

/** `global.hub`, `images[0].name`, `a["odd.key"]`. */
export function formatValuePath(path: ValuePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

// Traces strings of a plain render back to the value paths that produced them, by comparing them
// with the same strings in a render made with marked values (see markers.ts). A string is traced
// only when removing the markers from its marked twin gives the plain string exactly; anything else
// (a value transformed by `upper`, `trunc`, a hash, a chart that branches on the value) is untraced
// with a reason, never guessed.

import type { RenderedManifest } from './manifests.js';
import { formatValuePath, MARKER_DIGITS, type MarkedLeaf, type ValuePath } from './markers.js';
import { isMap } from './values-merge.js';

/** Which part of an image reference a value produced. */
export type ImagePart = 'registry' | 'repository' | 'tag' | 'digest';

export interface Contribution {
  path: ValuePath;
  /** formatValuePath(path), e.g. `global.hub`. */
  pathText: string;
  origin: string;
  /** [start, end) in the plain string; end === start when the value did not appear verbatim. */
  start: number;
  end: number;
  /** The value's text appears unchanged at start. */
  verbatim: boolean;
}

export type StringTrace =
  | {
      status: 'traced';
      contributions: Contribution[];
      /** Characters no value produced (template literals), as [start, end) ranges. */
      literals: Array<[number, number]>;
    }
  | { status: 'untraced'; reason: string };

export type ImageTrace =
  | (Extract<StringTrace, { status: 'traced' }> & {
      parts: Record<ImagePart, [number, number] | null>;
      /** Each contribution's index → the parts it overlaps. */
      partsByContribution: ImagePart[][];
      /** The value that produced the start of the reference (its registry, or the first path
       *  component when the image names no registry): the one to rewrite to move the image. Null
       *  when the template writes that start literally. */
      repositoryPath: Contribution | null;
    })
  | { status: 'untraced'; reason: string };

/** Traces `plain` against its marked twin. */
export function traceString(
  plain: string,
  marked: string,
  leaves: ReadonlyMap<string, MarkedLeaf>,
  prefix: string,
): StringTrace {
  const re = new RegExp(`${prefix}\\d{${MARKER_DIGITS}}`, 'g');
  let clean = '';
  let last = 0;
  const found: Array<{ leaf: MarkedLeaf; at: number }> = [];
  for (const m of marked.matchAll(re)) {
    const leaf = leaves.get(m[0]);
    if (leaf === undefined) return { status: 'untraced', reason: `unknown marker ${m[0]}` };
    clean += marked.slice(last, m.index);
    found.push({ leaf, at: clean.length });
    last = m.index + m[0].length;
  }
  clean += marked.slice(last);
  if (clean !== plain) {
    return { status: 'untraced', reason: `the marked render gave '${clean}' instead of '${plain}'` };
  }
  const contributions = found.map(({ leaf, at }): Contribution => {
    const verbatim = plain.startsWith(leaf.original, at);
    return {
      path: leaf.path,
      pathText: formatValuePath(leaf.path),
      origin: leaf.origin,
      start: at,
      end: verbatim ? at + leaf.original.length : at,
      verbatim,
    };
  });
  return { status: 'traced', contributions, literals: gaps(plain.length, contributions) };
}

/** Traces an image string and says which reference part each value produced. */
export function traceImage(
  plain: string,
  marked: string,
  leaves: ReadonlyMap<string, MarkedLeaf>,
  prefix: string,
): ImageTrace {
  const t = traceString(plain, marked, leaves, prefix);
  if (t.status === 'untraced') return t;
  const parts = imageParts(plain);
  const partsByContribution = t.contributions.map((c) =>
    (Object.keys(parts) as ImagePart[]).filter((p) => {
      const r = parts[p];
      return r !== null && overlaps(c.start, c.end, r[0], r[1]);
    }),
  );
  const first = t.contributions.find((c) => c.start === 0 && c.end > 0) ?? null;
  return { ...t, parts, partsByContribution, repositoryPath: first };
}

/** Ranges of the parts of an image reference (distribution/reference's shape: a first component
 *  with a dot or colon, or `localhost`, is a registry). */
export function imageParts(image: string): Record<ImagePart, [number, number] | null> {
  const at = image.indexOf('@');
  const nameEnd = at >= 0 ? at : image.length;
  const digest: [number, number] | null = at >= 0 ? [at + 1, image.length] : null;
  const lastSlash = image.lastIndexOf('/', nameEnd);
  const colon = image.indexOf(':', lastSlash + 1);
  const tag: [number, number] | null = colon >= 0 && colon < nameEnd ? [colon + 1, nameEnd] : null;
  const repoEnd = tag !== null ? colon : nameEnd;
  const firstSlash = image.indexOf('/');
  const head = firstSlash >= 0 && firstSlash < repoEnd ? image.slice(0, firstSlash) : '';
  const hasRegistry = head !== '' && (head.includes('.') || head.includes(':') || head === 'localhost');
  return {
    registry: hasRegistry ? [0, firstSlash] : null,
    repository: [hasRegistry ? firstSlash + 1 : 0, repoEnd],
    tag,
    digest,
  };
}

export type ManifestsAlignment = { status: 'aligned' } | { status: 'untraced'; reason: string };

/** The marked render must have the same documents from the same templates as the plain one;
 *  otherwise the markers changed what the chart rendered and nothing is traced. */
export function alignManifests(
  plain: readonly RenderedManifest[],
  marked: readonly RenderedManifest[],
): ManifestsAlignment {
  if (plain.length !== marked.length) {
    return {
      status: 'untraced',
      reason: `the marked render has ${marked.length} documents, the plain one ${plain.length}`,
    };
  }
  for (let i = 0; i < plain.length; i++) {
    const p = plain[i];
    const m = marked[i];
    if (p === undefined || m === undefined) continue;
    if (p.source !== m.source || kindOf(p.object) !== kindOf(m.object)) {
      return {
        status: 'untraced',
        reason: `document ${i + 1} is ${kindOf(m.object)} from ${m.source} in the marked render, ${kindOf(p.object)} from ${p.source} in the plain one`,
      };
    }
  }
  return { status: 'aligned' };
}

/** The value at `path` inside a parsed document, or undefined. */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isMap(cur) ? cur[seg] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function kindOf(o: unknown): string {
  const r = typeof o === 'object' && o !== null ? (o as Record<string, unknown>) : {};
  return `${String(r.apiVersion ?? '?')}/${String(r.kind ?? '?')}`;
}

function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

function gaps(length: number, cs: readonly Contribution[]): Array<[number, number]> {
  const covered = new Array<boolean>(length).fill(false);
  for (const c of cs) for (let i = c.start; i < c.end; i++) covered[i] = true;
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < length) {
    if (covered[i]) {
      i++;
      continue;
    }
    const s = i;
    while (i < length && !covered[i]) i++;
    out.push([s, i]);
  }
  return out;
}

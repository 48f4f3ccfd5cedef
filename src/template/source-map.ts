// A source map of rendered KOTS text: which part of the output came from which part of the template,
// verbatim (a text node) or from an action, and whether a placeholder (a customer- or cluster-dependent
// value) decided it. Pure. KOTS renders twice (`{{repl`, then `repl{{`), so maps compose.
import type { Chunk, ExecHooks } from './exec-state.js';

export interface Segment {
  outStart: number;
  outEnd: number;
  /** Source range: the copied characters (text), or the whole action that printed this (action). */
  srcStart: number;
  srcEnd: number;
  action: boolean;
  /** Pipelines of the actions that produced this output, as written. */
  pipes: string[];
  /** Placeholder functions that decided this output (the action itself or an enclosing if/range/with). */
  placeholders: string[];
  /** `LocalImageName "x"` calls in the action: the literal image each one named. */
  wraps: string[];
}

export type SourceMap = Segment[];

/** The map of a text that was not rendered: one verbatim segment. */
export function identityMap(length: number): SourceMap {
  return length === 0 ? [] : [seg(0, length, 0, length, false)];
}

function seg(outStart: number, outEnd: number, srcStart: number, srcEnd: number, action: boolean): Segment {
  return { outStart, outEnd, srcStart, srcEnd, action, pipes: [], placeholders: [], wraps: [] };
}

/**
 * Execution hooks that build a map. `taint` and `wrap` are called by the function map while an
 * action runs; what they record goes to the next printed action (declarations pass theirs on to it,
 * which errs on the side of "not known"), and to everything inside an if/with/range they decided.
 */
export class MapRecorder implements ExecHooks {
  readonly segments: Segment[] = [];
  private offset = 0;
  private pending = new Set<string>();
  private pendingWraps: string[] = [];
  private readonly stack: string[][] = [];

  taint(fn: string): void {
    this.pending.add(fn);
  }

  wrap(literal: string): void {
    this.pendingWraps.push(literal);
  }

  emit(c: Chunk): void {
    if (c.text.length === 0 && !c.action) return;
    const s = seg(this.offset, this.offset + c.text.length, c.start, c.end, c.action);
    const taints = new Set(this.stack.flat());
    if (c.action) {
      for (const p of this.pending) taints.add(p);
      if (c.pipe !== undefined) s.pipes.push(c.pipe);
      s.wraps.push(...this.pendingWraps);
      this.pending = new Set();
      this.pendingWraps = [];
    }
    s.placeholders = [...taints].sort();
    this.segments.push(s);
    this.offset += c.text.length;
  }

  enter(): void {
    this.stack.push([...this.pending]);
    this.pending = new Set();
  }

  leave(): void {
    this.stack.pop();
    this.pending = new Set();
  }
}

/** The segments of `map` that overlap [start, end), plus empty ones that sit inside it. */
export function overlapping(map: SourceMap, start: number, end: number): Segment[] {
  const out: Segment[] = [];
  let i = firstAtOrAfter(map, start);
  for (; i < map.length; i++) {
    const s = map[i] as Segment;
    if (s.outStart > end || (s.outStart === end && end > start)) break;
    const empty = s.outStart === s.outEnd;
    if (empty ? s.outStart >= start : s.outEnd > start) out.push(s);
  }
  return out;
}

/** Index of the first segment that ends after `o` (or is empty at `o`). */
function firstAtOrAfter(map: SourceMap, o: number): number {
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = map[mid] as Segment;
    if (s.outEnd < o || (s.outEnd === o && s.outStart < o)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The source offset of output offset `o`: exact in copied text, the action's start in its output. */
export function sourceOffset(map: SourceMap, o: number): number {
  // An action that printed nothing right at `o` is where a value starting there comes from.
  const cands = overlapping(map, o, o + 1).filter((s) => s.outEnd > s.outStart || s.action);
  const s = cands[0];
  if (!s) {
    const last = map[map.length - 1];
    return last ? last.srcEnd + (o - last.outEnd) : o;
  }
  return s.action ? s.srcStart : s.srcStart + (o - s.outStart);
}

/** `outer` maps output → an intermediate text, `inner` maps that text → source: output → source. */
export function composeMaps(outer: SourceMap, inner: SourceMap): SourceMap {
  const out: SourceMap = [];
  for (const o of outer) {
    const under = overlapping(inner, o.srcStart, o.srcEnd);
    if (o.action) {
      const s = seg(o.outStart, o.outEnd, o.srcStart, o.srcEnd, true);
      if (under.length > 0) {
        const ranges = under.map((u) => mappedRange(u, o.srcStart, o.srcEnd));
        s.srcStart = Math.min(...ranges.map((r) => r[0]));
        s.srcEnd = Math.max(...ranges.map((r) => r[1]));
      }
      s.pipes = [...under.flatMap((u) => u.pipes), ...o.pipes];
      s.placeholders = union(o.placeholders, ...under.map((u) => u.placeholders));
      s.wraps = [...under.flatMap((u) => u.wraps), ...o.wraps];
      out.push(s);
      continue;
    }
    for (const u of under) {
      const a = Math.max(o.srcStart, u.outStart);
      const b = Math.min(o.srcEnd, u.outEnd);
      const shift = o.outStart - o.srcStart;
      const s = u.action
        ? seg(a + shift, b + shift, u.srcStart, u.srcEnd, true)
        : seg(a + shift, b + shift, u.srcStart + (a - u.outStart), u.srcStart + (b - u.outStart), false);
      s.pipes = [...u.pipes];
      s.wraps = [...u.wraps];
      s.placeholders = union(o.placeholders, u.placeholders);
      out.push(s);
    }
  }
  return out;
}

/** The source range of the part [a, b) of `u`'s output: exact for copied text, the action otherwise. */
function mappedRange(u: Segment, a: number, b: number): [number, number] {
  if (u.action) return [u.srcStart, u.srcEnd];
  const lo = Math.max(a, u.outStart);
  const hi = Math.min(b, u.outEnd);
  return [u.srcStart + (lo - u.outStart), u.srcStart + (hi - u.outStart)];
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

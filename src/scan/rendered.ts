// A release file as KOTS sees it: the whole text rendered as one template (replicatedhq/kots
// pkg/base/replicated.go renderReplicated → builder.RenderTemplate, `{{repl` then `repl{{`), with the
// Config defaults of a first install, before it is split into documents. Pure: the renderer is given.
// Image uses found in the rendered text are classified by where their characters came from.
import type { LineCounter } from 'yaml';
import { finding } from '../finding.js';
import type { Finding } from '../model.js';
import type { ImageUse, Templating } from '../model-scan.js';
import { parseReference } from '../reference.js';
import { TemplateError, unsupportedFunction } from '../template/index.js';
import {
  type ConfigGroup,
  type MappedKotsResult,
  mappedKotsRenderer,
  overlapping,
  type Segment,
  type SourceMap,
} from '../template/kots.js';
import { hasTemplate } from '../templates.js';
import { lineCounterOf } from './yaml/positions.js';

/** Renders one file's text as KOTS does; throws TemplateError. */
export type FileRenderer = (text: string, file: string) => MappedKotsResult;

export interface RenderedFile {
  text: string;
  /** Present when `text` is a rendering: positions map back to the original through it. */
  origin?: { map: SourceMap; lc: LineCounter; source: string };
  findings: Finding[];
}

/** KOTS's renderer for the release's files on a first install: the Config defaults, no local
 *  registry, `Namespace` the app namespace. The app namespace is written as nothing (`namespace: `
 *  renders to an absent namespace), which is what an absent namespace means to the scan and to
 *  kustomize. `LocalImageName "x"` gives `x` and the map records it (what KOTS gives it is planned). */
export function releaseRenderer(configGroups: ConfigGroup[], appSlug: string): FileRenderer {
  const r = mappedKotsRenderer({ namespace: '', appSlug, configGroups, localImageName: (img) => img });
  return (text, file) => r(text, file);
}

/** The kots.io/exclude and kots.io/when seam: a value rendered with the Config defaults, dynamic
 *  when a placeholder decided it or when this evaluator cannot render it. */
export function annotationRenderer(
  configGroups: ConfigGroup[],
  appSlug: string,
): (text: string) => { value: string; dynamic: boolean } {
  const render = releaseRenderer(configGroups, appSlug);
  return (text) => {
    try {
      const r = render(text, 'annotation');
      return { value: r.output, dynamic: r.placeholders.length > 0 };
    } catch {
      // A template error here already failed the file's own rendering, which reported it.
      return { value: text, dynamic: true };
    }
  };
}

/** A file whose top-level kinds are all `Config`. */
function onlyConfig(text: string): boolean {
  const kinds = [...text.matchAll(/^kind:[ \t]*["']?([^\s"'#]*)/gm)].map((m) => m[1]);
  return kinds.length > 0 && kinds.every((k) => k === 'Config');
}

/** The text to scan: the rendering when the file has templates and renders, else the text itself
 *  (with a finding saying why it was not rendered). */
export function renderFile(file: string, text: string, render: FileRenderer | undefined): RenderedFile {
  // The Config CR's item templates are rendered item by item by the config context, not as a file.
  if (!render || !hasTemplate(text) || onlyConfig(text)) return { text, findings: [] };
  try {
    const r = render(text, file);
    return { text: r.output, origin: { map: r.map, lc: lineCounterOf(text), source: text }, findings: [] };
  } catch (e: unknown) {
    if (!(e instanceof TemplateError)) throw e;
    const pos = { file, line: Math.max(1, e.line), column: 1 };
    const fn = unsupportedFunction(e);
    if (fn !== undefined) {
      const msg = `template function ${fn} is not evaluated by this preview, so this file is scanned as written and its templated values stay dynamic`;
      return { text, findings: [finding('template-function-unsupported', pos, msg)] };
    }
    const msg = `KOTS cannot render this file (the install fails here): ${e.message}; the file is scanned as written`;
    return { text, findings: [finding('template-error', pos, msg)] };
  }
}

/** Offset in the original text of a 1-based line and column. */
function offsetOf(lc: LineCounter, line: number, column: number): number {
  return (lc.lineStarts[line - 1] ?? 0) + column - 1;
}

/** The rendered offset whose characters came from original offset `src`. */
function renderedOffset(map: SourceMap, src: number): number | undefined {
  for (const s of map) {
    if (s.action ? s.srcStart === src : s.srcStart <= src && src < s.srcEnd)
      return s.action ? s.outStart : s.outStart + (src - s.srcStart);
  }
  return undefined;
}

/** Re-classifies the uses found in a rendered text by the template actions that made them. */
export function classifyRenderedUses(uses: ImageUse[], rendered: RenderedFile): void {
  const origin = rendered.origin;
  if (!origin) return;
  for (const use of uses) {
    const at = renderedOffset(origin.map, offsetOf(origin.lc, use.pos.line, use.pos.column));
    if (at === undefined) continue;
    const quoted = rendered.text[at] === '"' || rendered.text[at] === "'";
    const start = at + (quoted ? 1 : 0);
    // A value KOTS rendered reads the same in the rendered text (unless YAML escapes changed it).
    if (!rendered.text.startsWith(use.raw, start)) continue;
    if (use.raw === '') {
      // Rendered to nothing: only the install (a value the user gives) can tell the image.
      const segs = overlapping(origin.map, start, start + 1).filter((s) => s.action && s.outStart === start);
      use.templating = { kind: 'dynamic' };
      use.raw = writtenText(origin.source, segs, start, start);
      continue;
    }
    // An action that printed nothing right after the value (an empty tag) is part of it too.
    const end = start + use.raw.length;
    const segs = overlapping(origin.map, start, end + 1).filter((s) => s.outStart < end || s.outEnd === end);
    const c = classify(use.raw, segs, start);
    if (!c) continue;
    use.templating = c.templating;
    // What only the install knows is reported as written, as is a wrapped image.
    if (c.templating.kind !== 'none')
      use.raw = writtenText(origin.source, segs, start, start + use.raw.length);
    if (c.resolvedFrom.length > 0) use.resolvedFrom = c.resolvedFrom;
  }
}

/** The original text of the output range [start, end) when a placeholder decided any of it: what
 *  only the install knows is kept as written, for the caller to judge. */
export function taintedSource(
  origin: RenderedFile['origin'],
  start: number,
  end: number,
): string | undefined {
  if (!origin) return undefined;
  const segs = overlapping(origin.map, start, end);
  if (!segs.some((s) => s.placeholders.length > 0)) return undefined;
  return writtenText(origin.source, segs, start, end);
}

/** The original text of the output range [start, end). */
function writtenText(source: string, segs: Segment[], start: number, end: number): string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const s of segs) {
    const a = s.action ? s.srcStart : s.srcStart + Math.max(0, start - s.outStart);
    const b = s.action ? s.srcEnd : s.srcStart + (Math.min(end, s.outEnd) - s.outStart);
    lo = Math.min(lo, a);
    hi = Math.max(hi, b);
  }
  return lo < hi ? source.slice(lo, hi) : '';
}

/** How an image value made of these segments is known, or undefined when no action made any of it. */
function classify(
  raw: string,
  segs: Segment[],
  start: number,
): { templating: Templating; resolvedFrom: string[] } | undefined {
  const actions = segs.filter((s) => s.action);
  if (actions.length === 0 && segs.every((s) => s.placeholders.length === 0)) return undefined;
  const resolvedFrom = [...new Set(actions.flatMap((s) => s.pipes))];
  const taintedAt = segs.find((s) => s.placeholders.length > 0)?.outStart;
  const wraps = actions.flatMap((s) => s.wraps);
  if (taintedAt === undefined && actions.length === 1 && wraps.length === 1 && wraps[0] === raw)
    return { templating: { kind: 'wrapped', fn: 'LocalImageName', literal: raw }, resolvedFrom: [] };
  if (taintedAt === undefined && parseReference(raw).ok)
    return { templating: { kind: 'none' }, resolvedFrom };
  // Not known, or not an image with the Config defaults: still checkable when the characters before
  // the first unknown (or templated) one are a whole repository followed by `:` or `@`.
  const firstUnknown = taintedAt ?? Math.min(...actions.map((s) => s.outStart));
  const prefix = raw.slice(0, Math.max(0, firstUnknown - start));
  const m = /^(.+?)[:@][^/]*$/.exec(prefix);
  const repository = m?.[1];
  if (repository && !repository.endsWith('/')) {
    const ref = parseReference(repository);
    if (ref.ok && !ref.ref.tag && !ref.ref.digest)
      return { templating: { kind: 'tag-only', repository }, resolvedFrom };
  }
  return { templating: { kind: 'dynamic' }, resolvedFrom };
}

// A render plus the marked render that traces its images to values (markers.ts, trace.ts). The
// plain render is the truth; the marked one only explains it. When marking every string changes
// what the chart renders (it validates or branches on a value), a narrower marking of image-like
// values is tried; when that fails too, the chart is untraced with the reason.

import { asError, firstLine } from '../util.js';
import { isHelmError } from './errors.js';
import type { RenderedManifest } from './manifests.js';
import {
  chooseMarkerPrefix,
  imageLikeLeaf,
  MARKER_DIGITS,
  type MarkedLeaf,
  type MarkedValues,
  markValues,
  nameLikeLeaf,
  type ValueLayer,
  type ValuePath,
} from './markers.js';
import { type RenderChartOptions, type RenderChartResult, renderChart } from './render.js';
import { alignManifests, type ImageTrace, traceImage, valueAt } from './trace.js';

export interface TracedRenderOptions extends RenderChartOptions {
  /** The chart's own value layers (chartValueLayers(chart).layers); opts.values is the CR layer. */
  defaults: readonly ValueLayer[];
}

type Marking = 'all-strings' | 'image-like' | 'names';

export type ChartTrace =
  | {
      status: 'traced';
      /** Which marking rendered like the plain render. */
      marking: Marking;
      prefix: string;
      leaves: ReadonlyMap<string, MarkedLeaf>;
      marked: RenderedManifest[];
      /** Why the wider marking was dropped, when it was. */
      fallbackReason?: string;
    }
  | { status: 'untraced'; reason: string };

export interface TracedRenderResult extends RenderChartResult {
  trace: ChartTrace;
}

/** Where a string sits in the plain render: document index and path inside the object. */
export interface RenderedLocation {
  index: number;
  path: ValuePath;
}

/** Renders the chart (errors as renderChart) and traces it (never throws for tracing). */
export async function renderChartTraced(opts: TracedRenderOptions): Promise<TracedRenderResult> {
  const layers: ValueLayer[] = [...opts.defaults, { origin: 'cr', at: [], values: opts.values ?? {} }];
  const prefix = chooseMarkerPrefix([JSON.stringify(layers.map((l) => l.values))]);
  const markedOpts = (values: RenderChartOptions['values']): RenderChartOptions => ({
    ...opts,
    values,
    // Markers lengthen every marked string.
    maxOutputBytes: opts.maxOutputBytes === undefined ? undefined : opts.maxOutputBytes * 2,
  });
  const all = prefix === null ? null : markValues(layers, prefix);
  const [plain, markedAll] = await Promise.all([
    renderChart(opts),
    all === null ? Promise.resolve(null) : attempt(renderChart(markedOpts(all.values))),
  ]);
  if (prefix === null || all === null) {
    return { ...plain, trace: { status: 'untraced', reason: 'the values already hold every marker prefix' } };
  }
  // The output may hold the prefix by itself (a chart literal); markers would then be ambiguous.
  if (new RegExp(`${prefix}\\d{${MARKER_DIGITS}}`, 'i').test(plain.output)) {
    return {
      ...plain,
      trace: { status: 'untraced', reason: `the chart itself prints ${prefix}NNNNN strings` },
    };
  }
  const traced = (marking: Marking, m: MarkedValues, marked: RenderChartResult, fallbackReason?: string) => ({
    ...plain,
    trace: {
      status: 'traced',
      marking,
      prefix,
      leaves: m.leaves,
      marked: marked.manifests,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
    } satisfies ChartTrace,
  });
  const first = check(plain, markedAll);
  if ('marked' in first) return traced('all-strings', all, first.marked);
  const renderMarked = async (m: MarkedValues) =>
    check(plain, await attempt(renderChart(markedOpts(m.values))));
  const narrow = markValues(layers, prefix, imageLikeLeaf);
  const second = await renderMarked(narrow);
  if ('marked' in second) return traced('image-like', narrow, second.marked, first.reason);
  const bothReasons = `${first.reason}; ${second.reason}`;
  // Charts that compare the tag as a version: mark only what names the image.
  const names = markValues(layers, prefix, nameLikeLeaf);
  const third = await renderMarked(names);
  if ('marked' in third) return traced('names', names, third.marked, bothReasons);
  // Bitnami charts refuse images that differ from their Chart.yaml `images` annotation unless
  // `global.security.allowInsecureImages` is set (common.errors.insecureImages): a chart that
  // declares that switch gets it in the marked render only, where every image differs by design.
  if (layers.some((l) => declaresInsecureSwitch(l))) {
    const allow: ValueLayer = {
      origin: 'cr',
      at: [],
      values: { global: { security: { allowInsecureImages: true } } },
    };
    const lenient = markValues([...layers, allow], prefix, imageLikeLeaf);
    const fourth = await renderMarked(lenient);
    if ('marked' in fourth) return traced('image-like', lenient, fourth.marked, bothReasons);
  }
  return {
    ...plain,
    trace: {
      status: 'untraced',
      reason: `marked render: ${first.reason}; image-like marked render: ${second.reason}`,
    },
  };
}

function declaresInsecureSwitch(layer: ValueLayer): boolean {
  const g = valueAt(layer.values, ['global', 'security']);
  return typeof g === 'object' && g !== null && 'allowInsecureImages' in g;
}

/** Traces the image string at `at` in the plain render. */
export function traceImageAt(result: TracedRenderResult, at: RenderedLocation): ImageTrace {
  if (result.trace.status === 'untraced') return result.trace;
  const plainDoc = result.manifests[at.index];
  const markedDoc = result.trace.marked[at.index];
  const plain = plainDoc === undefined ? undefined : valueAt(plainDoc.object, at.path);
  const marked = markedDoc === undefined ? undefined : valueAt(markedDoc.object, at.path);
  if (typeof plain !== 'string')
    return { status: 'untraced', reason: 'no string at that location in the render' };
  if (typeof marked !== 'string')
    return { status: 'untraced', reason: 'the marked render has no string there' };
  return traceImage(plain, marked, result.trace.leaves, result.trace.prefix);
}

async function attempt(p: Promise<RenderChartResult>): Promise<RenderChartResult | Error> {
  try {
    return await p;
  } catch (e: unknown) {
    return asError(e);
  }
}

/** The marked render when it lines up with the plain one, else why it does not. */
function check(
  plain: RenderChartResult,
  marked: RenderChartResult | Error | null,
): { marked: RenderChartResult } | { reason: string } {
  if (marked === null) return { reason: 'not run' };
  if (marked instanceof Error)
    return {
      reason: isHelmError(marked)
        ? `${marked.code}: ${firstLine(marked.message)}`
        : firstLine(marked.message),
    };
  const a = alignManifests(plain.manifests, marked.manifests);
  return a.status === 'aligned' ? { marked } : { reason: a.reason };
}

// Renders many charts with the helm binary, a few at a time: each render (plain and marked, see
// traced-render.ts) starts its own helm processes, so the bound keeps a release with many charts
// from starting dozens of them at once. Every job's failure is kept as that job's result. The pull
// request chooses how many HelmChart CRs there are, so all renders share one phase deadline: a render
// is given no more than the time left, and a job not started when it passes fails as a timeout.

import { asError, runPool } from '../util.js';
import { HelmError } from './errors.js';
import type { HelmBinary } from './locate.js';
import type { ValueLayer } from './markers.js';
import { DEFAULT_RENDER_TIMEOUT_MS } from './render.js';
import { renderChartTraced, type TracedRenderResult } from './traced-render.js';
import type { Values } from './values-merge.js';

export interface ChartRenderJob {
  /** Absolute path of the chart archive. */
  chart: string;
  /** The archive as the release names it, for messages. */
  display: string;
  releaseName: string;
  /** Absent: KOTS's namespace placeholder (render.ts). */
  namespace?: string;
  values: Values;
  /** The chart's own value layers (chartValueLayers). */
  defaults: readonly ValueLayer[];
}

export interface RenderManyOptions {
  concurrency?: number;
  timeoutMs?: number;
  /** Milliseconds all renders of one call may take together (default DEFAULT_HELM_PHASE_MS). */
  phaseTimeoutMs?: number;
  maxOutputBytes?: number;
}

export const DEFAULT_CHART_CONCURRENCY = 4;
/** Five default render timeouts: room for a release's real charts, a bound on a hostile count. */
const DEFAULT_HELM_PHASE_MS = 5 * DEFAULT_RENDER_TIMEOUT_MS;

/** One result per job, in job order: the traced render, or the error it threw. */
export async function renderChartsTraced(
  jobs: readonly ChartRenderJob[],
  helm: HelmBinary,
  opts: RenderManyOptions = {},
): Promise<Array<TracedRenderResult | Error>> {
  const results: Array<TracedRenderResult | Error> = new Array(jobs.length);
  const phaseMs = opts.phaseTimeoutMs ?? DEFAULT_HELM_PHASE_MS;
  const phaseEnd = Date.now() + phaseMs;
  const perRender = opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
  await runPool(jobs, opts.concurrency ?? DEFAULT_CHART_CONCURRENCY, async (job, i) => {
    const left = phaseEnd - Date.now();
    if (left <= 0) {
      results[i] = new HelmError(
        'timeout',
        `helm template ${job.display}: not rendered, the Helm phase reached its time limit of ${Math.round(phaseMs / 1000)} s`,
      );
      return;
    }
    try {
      results[i] = await renderChartTraced({
        chart: job.chart,
        display: job.display,
        releaseName: job.releaseName,
        ...(job.namespace !== undefined ? { namespace: job.namespace } : {}),
        values: job.values,
        defaults: job.defaults,
        helm,
        timeoutMs: Math.min(perRender, left),
        ...(opts.maxOutputBytes !== undefined ? { maxOutputBytes: opts.maxOutputBytes } : {}),
      });
    } catch (e: unknown) {
      results[i] = asError(e);
    }
  });
  return results;
}

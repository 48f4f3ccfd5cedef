// Renders many charts with the helm binary, a few at a time: each render (plain and marked, see
// traced-render.ts) starts its own helm processes, so the bound keeps a release with many charts
// from starting dozens of them at once. Every job's failure is kept as that job's result.

import { asError, runPool } from '../util.js';
import type { HelmBinary } from './locate.js';
import type { ValueLayer } from './markers.js';
import { renderChartTraced, type TracedRenderResult } from './traced-render.js';
import type { Values } from './values-merge.js';

export interface ChartRenderJob {
  /** Absolute path of the chart archive. */
  chart: string;
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
  maxOutputBytes?: number;
}

export const DEFAULT_CHART_CONCURRENCY = 4;

/** One result per job, in job order: the traced render, or the error it threw. */
export async function renderChartsTraced(
  jobs: readonly ChartRenderJob[],
  helm: HelmBinary,
  opts: RenderManyOptions = {},
): Promise<Array<TracedRenderResult | Error>> {
  const results: Array<TracedRenderResult | Error> = new Array(jobs.length);
  await runPool(jobs, opts.concurrency ?? DEFAULT_CHART_CONCURRENCY, async (job, i) => {
    try {
      results[i] = await renderChartTraced({
        chart: job.chart,
        releaseName: job.releaseName,
        ...(job.namespace !== undefined ? { namespace: job.namespace } : {}),
        values: job.values,
        defaults: job.defaults,
        helm,
        ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
        ...(opts.maxOutputBytes !== undefined ? { maxOutputBytes: opts.maxOutputBytes } : {}),
      });
    } catch (e: unknown) {
      results[i] = asError(e);
    }
  });
  return results;
}

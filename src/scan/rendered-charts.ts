// HelmChart CRs rendered by Helm instead of approximated: what to render each chart with (the values,
// release name and namespace KOTS passes), and the scan once the renders are back, where every chart
// that rendered has its images from the render and every chart that did not keeps the approximation
// with a finding saying why. Pure: the pipeline runs helm (src/helm/charts.ts) in between.

import * as path from 'node:path';
import { finding } from '../finding.js';
import type { ChartRenderJob } from '../helm/charts.js';
import { isHelmError } from '../helm/errors.js';
import { chartValueLayers } from '../helm/layers.js';
import type { RenderedManifest } from '../helm/manifests.js';
import type { ChartTrace } from '../helm/traced-render.js';
import { ChartValuesError, kotsChartValues, type RenderString } from '../helm/values-merge.js';
import { literalExclude } from '../kots/chart-archive.js';
import type { Finding } from '../model.js';
import { type HelmChartInfo, KOTS_API_V1, KOTS_API_V2, type ScanResult } from '../model-scan.js';
import { hasTemplate } from '../templates.js';
import { renderedChartUses } from './helm/rendered.js';
import { renderedChartFiles } from './helm/rendered-files.js';
import { plainValues } from './helm/values-tree.js';
import { type JoinedChart, scanText } from './index.js';

/** What Helm gave for one chart: its render, or the error it failed with. */
export type ChartRender =
  | {
      status: 'rendered';
      manifests: readonly RenderedManifest[];
      trace: ChartTrace;
    }
  | {
      status: 'failed';
      error: Error;
      /** The values still held KOTS templates, which may be why Helm refused them. */
      templated?: boolean;
    };

export type PlannedRender =
  /** `templated`: the values still hold KOTS templates. */
  { chart: JoinedChart; job: ChartRenderJob; templated: boolean } | { chart: JoinedChart; finding: Finding };

const identity: RenderString = (s) => s;

/** The release name KOTS renders with: v1 `spec.chart.releaseName`, else the CR's `metadata.name`
 *  (HelmChart v1beta1 GetDirName); v2 `spec.releaseName`, else `spec.chart.name` (GetReleaseName). */
export function kotsReleaseName(chart: HelmChartInfo): string {
  if (chart.releaseName !== undefined && chart.releaseName !== '') return chart.releaseName;
  return chart.apiVersion === KOTS_API_V2 ? chart.chartName : chart.name;
}

/** The job for each joined chart, or the finding where KOTS fails before rendering (a `when` that
 *  is not a boolean). `renderString` renders the CR's KOTS templates (identity until the template
 *  evaluator is wired); an optionalValues `when` that holds a template counts as true here, since
 *  only KOTS can evaluate it, so the chart's images under that entry are still found. */
export function chartRenderJobs(
  scan: ScanResult,
  joined: readonly JoinedChart[],
  cwd: string,
  renderString: RenderString = identity,
): PlannedRender[] {
  return joined.flatMap((j): PlannedRender[] => {
    const info = scan.helmCharts[j.index];
    // `spec.exclude: true`: KOTS neither renders nor installs the chart.
    if (info === undefined || literalExclude(info.exclude) === true) return [];
    const spec = {
      values: plainValues(j.layers.values),
      optionalValues: j.layers.optional.map((o) => ({
        when: o.when !== undefined && hasTemplate(o.when) ? 'true' : o.when,
        recursiveMerge: o.recursiveMerge,
        values: plainValues(o.values),
      })),
    };
    try {
      const values = kotsChartValues(spec, renderString);
      const job: ChartRenderJob = {
        chart: path.resolve(cwd, j.archive.displayPath),
        display: j.archive.displayPath,
        releaseName: kotsReleaseName(info),
        ...(info.namespace !== undefined && info.namespace !== '' ? { namespace: info.namespace } : {}),
        values,
        defaults: chartValueLayers(j.archive).layers,
      };
      // A templated release name or namespace (`repl{{ ConfigOption … }}`) is only known to KOTS too.
      const templated =
        holdsTemplate(values) || holdsTemplate(job.releaseName) || holdsTemplate(job.namespace);
      return [{ chart: j, job, templated }];
    } catch (e: unknown) {
      if (!(e instanceof ChartValuesError)) throw e;
      const message = `HelmChart "${info.name}": ${e.message}; KOTS fails the chart there`;
      return [{ chart: j, finding: finding('helm-chart-render-failed', chartPos(info), message) }];
    }
  });
}

/** The scan with each rendered chart's images taken from its render. */
export function applyChartRenders(
  scan: ScanResult,
  renders: ReadonlyArray<{ chart: JoinedChart; render: ChartRender }>,
  outDir: string,
): ScanResult {
  const replaced = new Set<number>();
  const uses = [];
  const findings: Finding[] = [];
  const files = [...scan.files];
  const workloads = [...scan.workloads];
  const subBases = new Map<number, string[]>();
  for (const { chart: j, render } of renders) {
    const info = scan.helmCharts[j.index];
    if (info === undefined) continue;
    if (render.status === 'failed') {
      findings.push(failureFinding(info, render));
      continue;
    }
    replaced.add(j.index);
    const r = renderedChartUses({
      index: j.index,
      chart: info,
      archive: j.archive,
      layers: j.layers,
      valueLayers: chartValueLayers(j.archive).layers,
      manifests: render.manifests,
      trace: render.trace,
      scan: scanText,
    });
    uses.push(...r.uses);
    findings.push(...r.findings);
    if (info.apiVersion === KOTS_API_V1) {
      // KOTS deploys a v1 chart's objects through its kustomize base: they join the preview.
      const rendered = renderedChartFiles({
        chart: info,
        index: j.index,
        releaseName: kotsReleaseName(info),
        outDir,
        manifests: render.manifests,
        scan: scanText,
      });
      files.push(...rendered.files);
      workloads.push(...rendered.workloads);
      if (rendered.subBases.length > 0) subBases.set(j.index, rendered.subBases);
    }
  }
  const kept = scan.uses.filter(
    (u) =>
      !(
        u.helmChart !== undefined &&
        replaced.has(u.helmChart) &&
        (u.context === 'helm-value' || u.context === 'helm-template')
      ),
  );
  const helmCharts = scan.helmCharts.map((c, i) => {
    const subs = subBases.get(i);
    return subs ? { ...c, subBases: subs } : c;
  });
  return {
    ...scan,
    helmCharts,
    files,
    workloads,
    uses: [...kept, ...uses],
    findings: [...scan.findings, ...findings],
  };
}

/** The one notice when no helm renders the joined charts: they keep the approximation. */
export function helmNotFoundNotice(
  scan: ScanResult,
  joined: readonly JoinedChart[],
  why: string,
): Finding | null {
  const charts = joined.flatMap((j) => {
    const c = scan.helmCharts[j.index];
    return c === undefined ? [] : [c];
  });
  const first = charts[0];
  if (first === undefined) return null;
  const names = charts.map((c) => `"${c.name}" (${c.file})`).join(', ');
  return finding(
    'helm-not-found',
    chartPos(first),
    `${why}: the images of ${names} are approximated from values.yaml and template literals; install Helm 3 or 4, or pass --helm PATH (action input helm), to render them as KOTS does`,
  );
}

function failureFinding(
  info: HelmChartInfo,
  { error, templated }: { error: Error; templated?: boolean },
): Finding {
  // Helm's error spans lines (template, position, cause); its hint about --debug is no use here.
  const first = error.message
    .split('\n')
    .filter((l) => !l.startsWith('Use --debug flag'))
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
  if (isHelmError(error, 'missing-dependency')) {
    return finding(
      'helm-chart-missing-dependency',
      chartPos(info),
      `HelmChart "${info.name}": ${first}; KOTS's dependency check fails the install (its images are approximated)`,
    );
  }
  if (templated && isHelmError(error, 'render-failed')) {
    return finding(
      'helm-chart-render-templated',
      chartPos(info),
      `HelmChart "${info.name}": ${first}; the CR's values still hold KOTS templates that only KOTS renders, so its images are approximated`,
    );
  }
  return finding(
    'helm-chart-render-failed',
    chartPos(info),
    `HelmChart "${info.name}": ${first}; KOTS fails the install there (its images are approximated)`,
  );
}

function holdsTemplate(v: unknown): boolean {
  if (typeof v === 'string') return hasTemplate(v);
  if (Array.isArray(v)) return v.some(holdsTemplate);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(holdsTemplate);
  return false;
}

function chartPos(info: HelmChartInfo) {
  return info.chartPos ?? info.pos;
}

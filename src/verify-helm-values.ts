// The second (verification) render of each HelmChart v2 that has a generated values file: the file's
// KOTS templates are rendered as a first online install renders them (HasLocalRegistry false,
// ImagePullSecretName `<slug>-registry`), its `values` are merged over the CR's values the way KOTS
// merges values (kotskinds MergeHelmChartValues), and Helm renders the chart again. A private image
// that still does not go through the proxy is a helm-v2-values-incomplete finding, so the file is
// proven rather than assumed. Images written in the templates already have their own finding.

import { parse as parseYaml } from 'yaml';
import { finding } from './finding.js';
import { type ChartRenderJob, DEFAULT_CHART_CONCURRENCY } from './helm/charts.js';
import type { HelmBinary } from './helm/locate.js';
import { renderChart } from './helm/render.js';
import { isMap, mergeHelmChartValues } from './helm/values-merge.js';
import type { Finding, GeneratedFile } from './model.js';
import type { Plan } from './model-plan.js';
import type { ScanResult } from './model-scan.js';
import { parseReference } from './reference.js';
import { renderKots } from './template/kots.js';
import { errorMessage, firstLine, runPool } from './util.js';

export async function verifyHelmValues(
  plan: Plan,
  files: readonly GeneratedFile[],
  scan: ScanResult,
  jobs: ReadonlyMap<number, ChartRenderJob>,
  helm: HelmBinary,
  appSlug: string,
): Promise<Finding[]> {
  const perChart: Finding[][] = plan.helmValues.map(() => []);
  const { proxyDomain } = plan.effective;
  const proxied = `${proxyDomain}/proxy/${appSlug}/`;
  const status = new Map(plan.images.map((i) => [i.image, i.status]));
  // Each render starts its own helm process: as many at once as renderChartsTraced allows.
  await runPool(plan.helmValues, DEFAULT_CHART_CONCURRENCY, async (v, i) => {
    const out = perChart[i] as Finding[];
    const index = scan.helmCharts.indexOf(v.chart);
    const job = jobs.get(index);
    const file = files.find((f) => f.path.endsWith(`/${v.fileName}`) || f.path === v.fileName);
    if (!job || !file) return;
    const literal = new Set(
      scan.uses.filter((u) => u.helmChart === index && u.context === 'helm-template').map((u) => u.raw),
    );
    let images: string[];
    try {
      const text = renderKots(file.content, { namespace: job.namespace ?? 'default', appSlug }).output;
      const parsed = parseYaml(text) as { values?: unknown } | null;
      const generated = isMap(parsed?.values) ? parsed.values : {};
      const rendered = await renderChart({
        chart: job.chart,
        display: job.display,
        releaseName: job.releaseName,
        ...(job.namespace !== undefined ? { namespace: job.namespace } : {}),
        values: mergeHelmChartValues(job.values, generated),
        helm,
      });
      images = rendered.manifests.flatMap((m) => containerImages(m.object));
    } catch (e: unknown) {
      out.push(
        finding(
          'helm-v2-values-incomplete',
          v.chart.pos,
          `HelmChart v2 "${v.chart.name}" did not render with ${v.fileName} merged in (${firstLine(errorMessage(e))}): check the generated values`,
        ),
      );
      return;
    }
    const left = [...new Set(images)].filter((image) => {
      if (image.startsWith(proxied) || literal.has(image) || plan.effective.excluded.has(image)) return false;
      const s = status.get(image);
      if (s === 'public' || s === 'dynamic') return false;
      return parseReference(image).ok;
    });
    for (const image of left.sort()) {
      out.push(
        finding(
          'helm-v2-values-incomplete',
          v.chart.pos,
          `HelmChart v2 "${v.chart.name}" rendered with ${v.fileName} merged in still runs "${image}" outside ${proxied}…: the value it comes from is not one the file sets; set it by hand`,
        ),
      );
    }
  });
  return perChart.flat();
}

/** The `image` of every container, init container and ephemeral container in a rendered object. */
function containerImages(object: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isMap(v)) {
      for (const [k, x] of Object.entries(v)) {
        if (
          (k === 'containers' || k === 'initContainers' || k === 'ephemeralContainers') &&
          Array.isArray(x)
        ) {
          for (const c of x) if (isMap(c) && typeof c.image === 'string') out.push(c.image);
        } else walk(x);
      }
    }
  };
  walk(object);
  return out;
}

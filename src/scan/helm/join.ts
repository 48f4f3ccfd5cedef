// Image uses of HelmChart CRs, and the join of each CR with the chart archive the release ships
// (KOTS matches them by `chart.name` and `chart.chartVersion`). Pure.

import type { ImageContext, ImageUse, ScanResult } from '../../model-scan.js';
import { classifyTemplating } from '../../templates.js';
import { append } from '../../util.js';
import { type ChartArchive, matchChartArchive } from './archive.js';
import { type CrLayers, crImages } from './chart-images.js';
import { registryPart, type ValueImageSlot } from './image-slots.js';
import { readsPlainStrings } from './pull-secret-shape.js';
import { findTemplateLiteralImages } from './template-literals.js';
import { lookup, valuesFromText } from './values-tree.js';

/** One image slot as an ImageUse. */
export function slotUse(
  slot: ValueImageSlot,
  context: Extract<ImageContext, 'helm-value' | 'operator'>,
  helmChart?: number,
): ImageUse {
  const use: ImageUse = { raw: slot.ref, templating: classifyTemplating(slot.ref), pos: slot.pos, context };
  if (slot.switchedOff) use.switchedOff = true;
  if (helmChart === undefined) return use;
  use.helmChart = helmChart;
  const { parts } = slot;
  const registry = registryPart(parts);
  use.helmValue = {
    path: slot.path,
    repoKey: parts.image ? 'image' : parts.repository ? 'repository' : 'name',
    ...(registry ? { registryPath: registry.path } : {}),
    ...(slot.inList ? { inList: true as const } : {}),
  };
  return use;
}

/** The uses of a HelmChart CR on its own (no archive): its values, as KOTS merges them. */
export function crUses(layers: CrLayers, helmChart: number): { uses: ImageUse[]; pullSecrets: PullSecrets } {
  const images = crImages(layers);
  return {
    uses: images.slots.map((s) => slotUse(s, 'helm-value', helmChart)),
    pullSecrets: images.pullSecrets,
  };
}

type PullSecrets = ReturnType<typeof crImages>['pullSecrets'];

/** Replaces the CR-only `helm-value` uses of every HelmChart whose archive is in `archives` with the
 *  images of the chart as KOTS renders it: the chart's values.yaml and subcharts with the CR's values
 *  over them (a CR-set image appears once, at the CR's line; the rest at `<archive>!<path>:line`), plus
 *  the literal images written in the templates of the chart and its enabled subcharts. */
export function joinChartArchives(
  scan: ScanResult,
  layers: CrLayers[],
  archives: ChartArchive[],
): ScanResult {
  if (archives.length === 0) return scan;
  const replaced = new Set<number>();
  const added: ImageUse[] = [];
  const helmCharts = scan.helmCharts.map((chart, i) => {
    const crLayers = layers[i];
    const archive = matchChartArchive(archives, chart.chartName, chart.chartVersion);
    if (!archive || !crLayers) return chart;
    replaced.add(i);
    const images = crImages(crLayers, archive);
    append(
      added,
      images.slots.map((s) => slotUse(s, 'helm-value', i)),
    );
    for (const c of images.charts) {
      for (const t of c.templates) {
        for (const lit of findTemplateLiteralImages(t.text, t.file)) {
          added.push({
            raw: lit.raw,
            templating: classifyTemplating(lit.raw),
            pos: lit.pos,
            context: 'helm-template',
            helmChart: i,
          });
        }
      }
    }
    const { pullSecretValues: _old, ...rest } = chart;
    const withSwitch = declaresInsecureSwitch(archive)
      ? { ...rest, insecureImagesSwitch: true as const }
      : rest;
    const templates = images.charts.flatMap((c) => c.templates);
    const pullSecrets = images.pullSecrets.map((p) =>
      p.names.length === 0 && readsPlainStrings(templates, p.path) ? { ...p, strings: true } : p,
    );
    return pullSecrets.length ? { ...withSwitch, pullSecretValues: pullSecrets } : withSwitch;
  });
  const kept = scan.uses.filter(
    (u) => !(u.context === 'helm-value' && u.helmChart !== undefined && replaced.has(u.helmChart)),
  );
  return { ...scan, helmCharts, uses: [...kept, ...added] };
}

/** `global.security.allowInsecureImages` in the chart's own values.yaml (Bitnami's common chart). */
function declaresInsecureSwitch(archive: ChartArchive): boolean {
  if (!archive.values) return false;
  const { values } = valuesFromText(archive.values.text, archive.values.file);
  return lookup(values, ['global', 'security', 'allowInsecureImages']) !== undefined;
}

// The images of a chart as Helm rendered it: the rendered objects are scanned with the same PodSpec
// and operator rules as plain manifests, and each image is placed at the value that produced it
// (a marked second render says which, src/helm/trace.ts): the HelmChart CR's line when the CR sets
// it, else the chart's values.yaml line, else the template line of a literal. An image whose value
// cannot be traced is placed at the CR's `chart:` line with a notice saying why. Pure.

import { finding } from '../../finding.js';
import type { RenderedManifest } from '../../helm/manifests.js';
import type { ValuePath } from '../../helm/markers.js';
import { type Contribution, imageParts, traceString, valueAt } from '../../helm/trace.js';
import type { ChartTrace } from '../../helm/traced-render.js';
import { parseGoBool } from '../../helm/values-merge.js';
import type { Finding, SourcePos } from '../../model.js';
import { type HelmChartInfo, type HelmValueSlot, type ImageUse, KOTS_API_V1 } from '../../model-scan.js';
import { hasTemplate } from '../../templates.js';
import type { ChartArchive } from './archive.js';
import type { CrLayers } from './chart-images.js';
import { scalarPathAt, templateFiles } from './rendered-locate.js';
import { lookupPath, type ValueMap, valuesFromText } from './values-tree.js';

export interface RenderedChartInput {
  /** Index of the chart in ScanResult.helmCharts. */
  index: number;
  chart: HelmChartInfo;
  archive: ChartArchive;
  layers: CrLayers;
  /** Where each values layer sits (chartValueLayers(archive).layers): origin file and values path. */
  valueLayers: ReadonlyArray<{ origin: string; at: ValuePath }>;
  manifests: readonly RenderedManifest[];
  trace: ChartTrace;
  /** Scans one rendered document's text as a release file (scanText). */
  scan: (file: string, text: string) => { uses: ImageUse[]; findings?: Finding[] };
}

const CHART_CONTEXTS = new Set(['container', 'initContainer', 'ephemeralContainer', 'operator']);

/** The chart's image uses, each at the value (or template literal) that produced it. */
export function renderedChartUses(input: RenderedChartInput): { uses: ImageUse[]; findings: Finding[] } {
  const { index, chart, archive, trace } = input;
  const chartPos = chart.chartPos ?? chart.pos;
  const templates = templateFiles(archive);
  const valueTrees = new Map<string, ValueMap | null>();
  const uses: ImageUse[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (use: ImageUse): void => {
    use.rendered = true;
    const key = `${use.context}\0${use.raw}\0${use.pos.file}:${use.pos.line}:${use.pos.column}`;
    if (seen.has(key)) return;
    seen.add(key);
    uses.push(use);
  };
  const untraced = (u: ImageUse, source: string, reason: string): void => {
    push({
      ...u,
      pos: chartPos,
      context: u.context === 'operator' ? 'operator' : 'helm-value',
      helmChart: index,
    });
    const message = `"${u.raw}" rendered by ${source} is reported at the chart: its value could not be traced (${reason})`;
    if (!findings.some((f) => f.message === message))
      findings.push(finding('helm-image-untraced', chartPos, message));
  };
  const valuePos = (c: Contribution): SourcePos | string => {
    if (c.origin === 'cr') return crValuePos(input.layers, c.path) ?? `the CR sets no ${c.pathText}`;
    const layer = input.valueLayers.find((l) => l.origin === c.origin && startsWith(c.path, l.at));
    const tree = layer === undefined ? null : valuesTree(archive, c.origin, valueTrees);
    const node = layer && tree ? lookupPath(tree, c.path.slice(layer.at.length)) : undefined;
    return node?.pos ?? `${c.pathText} is not written in ${c.origin}`;
  };

  input.manifests.forEach((m, i) => {
    const file = `${archive.displayPath}!${m.source}`;
    const scanned = input.scan(file, m.text);
    // A v1 chart's objects go through KOTS's midstream kustomize patches like any manifest
    // (pkg/midstream/write.go), which collapse nameless containers; v2 charts are Helm's alone. The
    // rendered document has no line of the chart's own, so the finding points at the CR's chart.
    if (chart.apiVersion === KOTS_API_V1) {
      for (const f of scanned.findings ?? []) {
        if (f.rule !== 'container-without-name') continue;
        const message = `${f.message} (rendered from ${m.source})`;
        if (!findings.some((x) => x.message === message)) {
          findings.push(finding('container-without-name', chartPos, message));
        }
      }
    }
    for (const u of scanned.uses) {
      if (!CHART_CONTEXTS.has(u.context) || u.helmChart !== undefined) continue;
      const path = scalarPathAt(m.text, u.pos);
      const plain = path === null ? undefined : valueAt(m.object, path);
      if (path === null || typeof plain !== 'string') {
        untraced(u, m.source, 'no string at that place in the render');
        continue;
      }
      const start = Math.max(0, plain.indexOf(u.raw));
      const context = u.context === 'operator' ? 'operator' : undefined;
      if (trace.status === 'untraced') {
        untraced(u, m.source, trace.reason);
        continue;
      }
      const marked = valueAt(trace.marked[i]?.object, path);
      if (typeof marked !== 'string') {
        untraced(u, m.source, 'the marked render has no string there');
        continue;
      }
      const t = traceString(plain, marked, trace.leaves, trace.prefix);
      if (t.status === 'untraced') {
        untraced(u, m.source, t.reason);
        continue;
      }
      const ranges = nameRanges(u.raw, start);
      const inName = t.contributions.filter((c) => touches(c, ranges.name));
      const producer = inName.find((c) => touches(c, ranges.last)) ?? inName[0];
      if (producer === undefined) {
        // The image's name is written in the template itself.
        const tpl = templates.get(m.source);
        const pos =
          tpl === undefined
            ? undefined
            : literalPos(tpl, u.raw, u.raw.slice(ranges.name[0] - start, ranges.name[1] - start));
        if (pos === undefined) {
          untraced(u, m.source, `its name is not a value and not written in ${m.source}`);
          continue;
        }
        push({ ...u, pos, context: context ?? 'helm-template', helmChart: index });
        continue;
      }
      const pos = valuePos(producer);
      if (typeof pos === 'string') {
        untraced(u, m.source, pos);
        continue;
      }
      const use: ImageUse = { ...u, pos, context: context ?? 'helm-value', helmChart: index };
      const slot =
        context === undefined ? valueSlot(t.contributions, ranges, start, u.raw.length) : undefined;
      if (slot) use.helmValue = slot;
      push(use);
    }
  });
  return { uses, findings };
}

/** The CR's position of a value path: the last optionalValues entry that can apply and sets it, else
 *  `values`. An entry whose `when` is a KOTS template counts as applying (only KOTS evaluates it). */
function crValuePos(layers: CrLayers, path: ValuePath): SourcePos | undefined {
  const candidates = [
    ...layers.optional
      .filter((o) => o.when !== undefined && (hasTemplate(o.when) || parseGoBool(o.when) === true))
      .map((o) => o.values)
      .reverse(),
    layers.values,
  ];
  for (const v of candidates) {
    const node = lookupPath(v, path);
    if (node !== undefined) return node.pos;
  }
  return undefined;
}

function valuesTree(
  archive: ChartArchive,
  origin: string,
  cache: Map<string, ValueMap | null>,
): ValueMap | null {
  if (!cache.has(origin)) {
    const file = findValuesFile(archive, origin);
    cache.set(origin, file === undefined ? null : valuesFromText(file.text, file.file).values);
  }
  return cache.get(origin) ?? null;
}

function findValuesFile(c: ChartArchive, origin: string): { file: string; text: string } | undefined {
  if (c.values?.file === origin) return c.values;
  for (const s of c.subcharts) {
    const f = findValuesFile(s, origin);
    if (f) return f;
  }
  return undefined;
}

interface NameRanges {
  /** Registry and repository. */
  name: [number, number];
  /** The repository's last component: the part that names this image rather than its registry. */
  last: [number, number];
  registry: [number, number] | null;
  repository: [number, number];
}

function nameRanges(image: string, start: number): NameRanges {
  const parts = imageParts(image);
  const [r0, r1] = parts.repository ?? [0, image.length];
  const slash = image.lastIndexOf('/', r1 - 1);
  const last0 = slash >= r0 ? slash + 1 : r0;
  const reg = parts.registry;
  return {
    name: [start + (reg?.[0] ?? r0), start + r1],
    last: [start + last0, start + r1],
    registry: reg === null ? null : [start + reg[0], start + reg[1]],
    repository: [start + r0, start + r1],
  };
}

/** A contribution inside a range; a transformed value (zero width) counts where it was printed. */
function touches(c: Contribution, [a, b]: [number, number]): boolean {
  return c.end > c.start ? c.start < b && a < c.end : c.start >= a && c.start < b;
}

/** Where a values override can reach the image: one value holding the whole reference, or a
 *  `repository`/`name` key with the registry in another value. Nothing else is guessed. */
function valueSlot(
  cs: readonly Contribution[],
  r: NameRanges,
  start: number,
  length: number,
): HelmValueSlot | undefined {
  const exact = (c: Contribution, [a, b]: [number, number]) => c.verbatim && c.start === a && c.end === b;
  const strings = (p: ValuePath) => p.map(String);
  const inList = (p: ValuePath) => p.some((s) => typeof s === 'number');
  const whole = cs.find((c) => exact(c, [start, start + length]));
  if (whole)
    return { path: strings(whole.path), repoKey: 'image', ...(inList(whole.path) ? { inList: true } : {}) };
  // One value writes registry and repository (`repository: quay.io/prometheus/prometheus`).
  const name = cs.find((c) => exact(c, r.name));
  const nameKey = name?.path[name.path.length - 1];
  if (name && (nameKey === 'repository' || nameKey === 'name')) {
    return {
      path: strings(name.path.slice(0, -1)),
      repoKey: nameKey,
      ...(inList(name.path) ? { inList: true as const } : {}),
    };
  }
  const repo = cs.find((c) => exact(c, r.repository));
  const key = repo?.path[repo.path.length - 1];
  if (!repo || (key !== 'repository' && key !== 'name')) return prefixSlot(cs, r, start);
  const registry = r.registry === null ? undefined : cs.find((c) => exact(c, r.registry as [number, number]));
  if (r.registry !== null && registry === undefined) return undefined;
  const listed = inList(repo.path) || (registry !== undefined && inList(registry.path));
  return {
    path: strings(repo.path.slice(0, -1)),
    repoKey: key,
    ...(registry ? { registryPath: strings(registry.path) } : {}),
    ...(listed ? { inList: true as const } : {}),
  };
}

/** A value that writes the start of the name up to a `/` (a hub or a registry with a path), with the
 *  rest of the name written after it: replacing that value moves every image built on it. */
function prefixSlot(cs: readonly Contribution[], r: NameRanges, start: number): HelmValueSlot | undefined {
  // Only right before the last component: a local registry keeps just that component
  // (pkg/imageutil/image.go), so `<host>/<namespace>` + `/<last>` names the image as KOTS does.
  const lead = cs.find((c) => c.verbatim && c.start === r.name[0] && c.end === r.last[0] - 1);
  if (lead === undefined) return undefined;
  const strings = lead.path.map(String);
  return {
    path: strings,
    repoKey: 'image',
    prefixLength: lead.end - start,
    ...(lead.path.some((s) => typeof s === 'number') ? { inList: true as const } : {}),
  };
}

/** The line of a literal image in its template: the whole reference, else its name. */
function literalPos(tpl: { file: string; text: string }, image: string, name: string): SourcePos | undefined {
  for (const needle of [image, name]) {
    if (needle === '') continue;
    const at = tpl.text.indexOf(needle);
    if (at < 0) continue;
    const before = tpl.text.slice(0, at);
    const line = before.split('\n').length;
    return { file: tpl.file, line, column: at - before.lastIndexOf('\n') };
  }
  return undefined;
}

function startsWith(path: ValuePath, prefix: ValuePath): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => String(path[i]) === String(s));
}

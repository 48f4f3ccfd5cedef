// The scanner's public API: release paths → files → one ScanResult (architecture: walk → parse → extract).
// scanText is pure; scanRelease reads files one at a time so memory stays bounded by the largest file.

import { readFile as fsReadFile, open } from 'node:fs/promises';
import * as path from 'node:path';
import { Composer, Parser } from 'yaml';
import { finding } from '../finding.js';
import { mayHoldConfig, readConfigCr } from '../kots/config-cr.js';
import { type Finding, UsageError } from '../model.js';
import type { DocumentInfo, ScanResult } from '../model-scan.js';
import type { ConfigGroup } from '../template/kots.js';
import { append, firstErrorLine } from '../util.js';
import { type ChartArchive, matchChartArchive, readChartArchive } from './helm/archive.js';
import {
  DEFAULT_ARCHIVE_BUDGET,
  MAX_ARCHIVE_FILE_BYTES,
  overBudgetMessage,
  retainedSize,
} from './helm/archive-budget.js';
import type { CrLayers } from './helm/chart-images.js';
import { joinChartArchives } from './helm/join.js';
import { ownStrings } from './own-strings.js';
import { readAhead } from './read-ahead.js';
import { classifyRenderedUses, type FileRenderer, releaseRenderer, renderFile } from './rendered.js';
import type { ScanSink } from './sink.js';
import { pathSkipped, type WalkResult, walkRelease } from './walk.js';
import { scanDocument } from './yaml/document.js';
import type { DocCtx } from './yaml/nodes.js';
import { lineCounterOf } from './yaml/positions.js';

export { walkRelease };

/** Scans one file's text. `file` is the display path (relative to the working directory, `/`
 *  separators). Positions are 1-based and ignore a leading BOM; CRLF line ends are fine. Documents
 *  that are empty (only comments or `---`) are not documents: `docIndex` counts the others, so it is
 *  the index into `files[0].documents`. */
export function scanText(file: string, text: string, render?: FileRenderer): ScanResult {
  return scanFile(file, text, render).result;
}

/** scanText plus each HelmChart CR's values layers (parallel to `result.helmCharts`). With `render`,
 *  a file holding KOTS templates is scanned as KOTS renders it; positions stay the original's. */
function scanFile(
  file: string,
  text: string,
  render?: FileRenderer,
): { result: ScanResult; layers: CrLayers[] } {
  const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rendered = renderFile(file, original, render);
  const src = rendered.text;
  // Line starts come from the text itself, not from Parser's onNewLine callback (see lineCounterOf).
  const lc = lineCounterOf(src);
  const parser = new Parser();
  const composer = new Composer();
  const sink: ScanSink = {
    uses: [],
    workloads: [],
    helmCharts: [],
    chartLayers: [],
    findings: [...rendered.findings],
  };
  const documents: DocumentInfo[] = [];
  for (const doc of composer.compose(parser.parse(src))) {
    const d: DocCtx = {
      file,
      text: src,
      base: 0,
      lc,
      docIndex: documents.length,
      contents: null,
      sink,
      problems: new Set(),
      aliasesFollowed: 0,
      ...(rendered.origin ? { origin: rendered.origin } : {}),
    };
    const info = scanDocument(d, doc);
    if (info) documents.push(info);
  }
  classifyRenderedUses(sink.uses, rendered);
  const result: ScanResult = {
    files: [{ file, documents, ...(rendered.origin ? { rendered: { text: src } } : {}) }],
    uses: sink.uses,
    workloads: sink.workloads,
    helmCharts: sink.helmCharts,
    findings: sink.findings,
  };
  if (sink.application) result.application = sink.application;
  // Without this, the values kept (image references, names) would keep the whole text alive.
  ownStrings([result, sink.chartLayers]);
  return { result, layers: sink.chartLayers };
}

/** Concatenates per-file results in order, remapping `workload` and `helmChart` indices. Only the first
 *  Application counts (KOTS takes one per release); later ones are dropped without a finding. */
export function mergeScans(parts: ScanResult[]): ScanResult {
  const out: ScanResult = { files: [], uses: [], workloads: [], helmCharts: [], findings: [] };
  for (const p of parts) {
    const w0 = out.workloads.length;
    const h0 = out.helmCharts.length;
    append(out.files, p.files);
    for (const u of p.uses) {
      const use = { ...u };
      if (u.workload !== undefined) use.workload = u.workload + w0;
      if (u.helmChart !== undefined) use.helmChart = u.helmChart + h0;
      out.uses.push(use);
    }
    append(out.workloads, p.workloads);
    append(out.helmCharts, p.helmCharts);
    append(out.findings, p.findings);
    if (!out.application && p.application) out.application = p.application;
  }
  return out;
}

/** Reads a file as UTF-8; injectable for tests. */
type ReadFile = (absolutePath: string) => Promise<string>;
/** Reads a file's bytes (chart archives); injectable for tests. */
type ReadBytes = (absolutePath: string) => Promise<Uint8Array>;

/** How scanRelease reads and renders the release; every field has a default. */
export interface ScanOptions {
  /** Default: the file itself, as UTF-8. */
  readFile?: ReadFile;
  /** Default: the file's bytes. */
  readBytes?: ReadBytes;
  /** Text kept from all chart archives (helm/archive-budget.ts; default DEFAULT_ARCHIVE_BUDGET);
   *  archives past it are skipped with a finding. */
  archiveBudget?: number;
  /** The app's slug, which KOTS templates read (ImagePullSecretName); default none (''). */
  appSlug?: string;
}

/** Walks the PATHs, then reads and scans each file in order, reads the chart archives, and joins each
 *  HelmChart CR with its archive (helm/join.ts). A file or archive that cannot be read gives a
 *  `path-skipped` finding and the others are still scanned. Throws UsageError for a missing PATH or
 *  an unreadable file named as a PATH. */
export async function scanRelease(
  paths: string[],
  cwd: string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  return (await scanReleaseCharts(paths, cwd, options)).scan;
}

/** A HelmChart CR joined with the chart archive the release ships, for rendering with Helm. */
export interface JoinedChart {
  /** Index into ScanResult.helmCharts. */
  index: number;
  archive: ChartArchive;
  layers: CrLayers;
}

/** A chart directory already packaged (src/fs/chart-dirs.ts): `dir` relative to the working directory
 *  is the archive's display name, so positions read `charts/web!web/values.yaml` until the report maps
 *  them to the directory's own files (helm/chart-paths.ts). */
interface PackagedChartInput {
  dir: string;
  bytes: Uint8Array;
}

/** scanReleaseCharts's options: scanRelease's, plus the chart directories packaged in memory. */
export interface ScanChartsOptions extends ScanOptions {
  /** Default none. */
  packaged?: readonly PackagedChartInput[];
}

/** scanRelease, plus each HelmChart CR that found its archive. `packaged` charts join like the
 *  release's `.tgz` files (after them); files under their directories are not scanned as manifests,
 *  since a chart's templates and values are not manifests KOTS applies. */
export async function scanReleaseCharts(
  paths: string[],
  cwd: string,
  options: ScanChartsOptions = {},
): Promise<{ scan: ScanResult; charts: JoinedChart[] }> {
  const {
    readFile = (p) => fsReadFile(p, 'utf8'),
    readBytes = readArchiveFile,
    archiveBudget = DEFAULT_ARCHIVE_BUDGET,
    appSlug = '',
    packaged = [],
  } = options;
  const walked = excludeChartDirs(await walkRelease(paths, cwd), packaged);
  const config = await readReleaseConfig(walked.files, cwd, readFile);
  const render = releaseRenderer(config.groups, appSlug);
  // A manifest named on the command line that cannot be read is unreadable input (exit 2); one found
  // by walking a directory is skipped with a finding so the rest of the release is still scanned.
  const explicit = new Set(paths.map((p) => path.resolve(cwd, p)));
  const parts: ScanResult[] = [];
  const layers: CrLayers[] = [];
  const skipped: Finding[] = [];
  for await (const read of readAhead(walked.files, (file) => readFile(path.resolve(cwd, file)))) {
    const { file } = read;
    if ('error' in read) {
      const e = read.error;
      if (explicit.has(path.resolve(cwd, file)))
        throw new UsageError(`cannot read ${file}: ${firstErrorLine(e)}`);
      skipped.push(pathSkipped(file, `cannot read file: ${firstErrorLine(e)}`));
      continue;
    }
    const scanned = scanFile(file, read.text, render);
    parts.push(scanned.result);
    append(layers, scanned.layers);
  }
  const archives: ChartArchive[] = [];
  let retained = 0;
  const sources = [
    ...walked.archives.map((file) => ({ file, read: () => readBytes(path.resolve(cwd, file)) })),
    ...packaged.map((p) => ({ file: p.dir, read: async () => p.bytes })),
  ];
  for (const { file, read } of sources) {
    if (retained >= archiveBudget) {
      skipped.push(pathSkipped(file, overBudgetMessage(archiveBudget)));
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await read();
    } catch (e: unknown) {
      skipped.push(pathSkipped(file, `cannot read file: ${firstErrorLine(e)}`));
      continue;
    }
    const chart = readChartArchive(file, bytes);
    if ('error' in chart) {
      skipped.push(pathSkipped(file, `not a readable Helm chart archive: ${chart.error}`));
      continue;
    }
    retained += retainedSize(chart);
    if (retained > archiveBudget) {
      skipped.push(pathSkipped(file, overBudgetMessage(archiveBudget)));
      continue;
    }
    for (const w of allWarnings(chart)) skipped.push(pathSkipped(file, w));
    archives.push(chart);
  }
  const merged = joinChartArchives(mergeScans(parts), layers, archives);
  merged.findings = [...walked.findings, ...skipped, ...config.findings, ...merged.findings];
  if (config.groups.length > 0) merged.config = config.groups;
  merged.chartArchives = archives.map((a) => ({ file: a.displayPath, name: a.name, version: a.version }));
  const charts: JoinedChart[] = [];
  merged.helmCharts.forEach((c, index) => {
    const archive = matchChartArchive(archives, c.chartName, c.chartVersion);
    const crLayers = layers[index];
    if (archive && crLayers) charts.push({ index, archive, layers: crLayers });
  });
  return { scan: merged, charts };
}

/** A chart archive's bytes, refused by its size first (MAX_ARCHIVE_FILE_BYTES). */
async function readArchiveFile(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_ARCHIVE_FILE_BYTES)
      throw new Error(`larger than ${MAX_ARCHIVE_FILE_BYTES} bytes (${size}), so it was not read`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The release's Config CR (KOTS takes the first one): read before any file is rendered, since
 *  every file's templates may read its items. Unreadable files are left to the scan to report. */
async function readReleaseConfig(
  files: string[],
  cwd: string,
  readFile: ReadFile,
): Promise<{ groups: ConfigGroup[]; findings: Finding[] }> {
  for await (const read of readAhead(files, (file) => readFile(path.resolve(cwd, file)))) {
    if ('error' in read) continue;
    const { file, text } = read;
    if (!mayHoldConfig(text)) continue;
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const cr = readConfigCr(src);
    if (!cr) continue;
    const lc = lineCounterOf(src);
    const findings = cr.problems.map((p) => {
      const { line, col } = lc.linePos(p.offset);
      return finding('template-error', { file, line, column: col }, p.message);
    });
    return { groups: cr.groups, findings };
  }
  return { groups: [], findings: [] };
}

function excludeChartDirs(walked: WalkResult, packaged: readonly PackagedChartInput[]): WalkResult {
  if (packaged.length === 0) return walked;
  const under = (file: string) => packaged.some((p) => p.dir === '.' || file.startsWith(`${p.dir}/`));
  return {
    ...walked,
    files: walked.files.filter((f) => !under(f)),
    archives: walked.archives.filter((f) => !under(f)),
  };
}

function allWarnings(c: ChartArchive): string[] {
  return [...c.warnings, ...c.subcharts.flatMap(allWarnings)];
}

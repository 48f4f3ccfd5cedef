// The scanner's public API: release paths → files → one ScanResult (architecture: walk → parse → extract).
// scanText is pure; scanRelease reads files one at a time so memory stays bounded by the largest file.
import { readFile as fsReadFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Composer, LineCounter, Parser } from 'yaml';
import type { DocumentInfo, Finding, ScanResult } from '../model.js';
import { scanDocument } from './document.js';
import type { DocCtx, ScanSink } from './nodes.js';
import { pathSkipped, walkRelease } from './walk.js';

export { walkRelease };

/** Scans one file's text. `file` is the display path (relative to the working directory, `/`
 *  separators). Positions are 1-based and ignore a leading BOM; CRLF line ends are fine. Documents
 *  that are empty (only comments or `---`) are not documents: `docIndex` counts the others, so it is
 *  the index into `files[0].documents`. */
export function scanText(file: string, text: string): ScanResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lc = new LineCounter();
  const parser = new Parser(lc.addNewLine);
  const composer = new Composer();
  const sink: ScanSink = { uses: [], workloads: [], helmCharts: [], findings: [] };
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
    };
    const info = scanDocument(d, doc);
    if (info) documents.push(info);
  }
  const result: ScanResult = {
    files: [{ file, documents }],
    uses: sink.uses,
    workloads: sink.workloads,
    helmCharts: sink.helmCharts,
    findings: sink.findings,
  };
  if (sink.application) result.application = sink.application;
  return result;
}

/** Concatenates per-file results in order, remapping `workload` and `helmChart` indices. Only the first
 *  Application counts (KOTS takes one per release); later ones are dropped without a finding. */
export function mergeScans(parts: ScanResult[]): ScanResult {
  const out: ScanResult = { files: [], uses: [], workloads: [], helmCharts: [], findings: [] };
  for (const p of parts) {
    const w0 = out.workloads.length;
    const h0 = out.helmCharts.length;
    out.files.push(...p.files);
    for (const u of p.uses) {
      const use = { ...u };
      if (u.workload !== undefined) use.workload = u.workload + w0;
      if (u.helmChart !== undefined) use.helmChart = u.helmChart + h0;
      out.uses.push(use);
    }
    out.workloads.push(...p.workloads);
    out.helmCharts.push(...p.helmCharts);
    out.findings.push(...p.findings);
    if (!out.application && p.application) out.application = p.application;
  }
  return out;
}

/** Reads a file as UTF-8; injectable for tests. */
export type ReadFile = (absolutePath: string) => Promise<string>;

/** Walks the PATHs, then reads and scans each file in order. A file that cannot be read gives a
 *  `path-skipped` finding and the others are still scanned. Throws UsageError for a missing PATH. */
export async function scanRelease(
  paths: string[],
  cwd: string,
  readFile: ReadFile = (p) => fsReadFile(p, 'utf8'),
): Promise<ScanResult> {
  const walked = await walkRelease(paths, cwd);
  const parts: ScanResult[] = [];
  const skipped: Finding[] = [];
  for (const file of walked.files) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, file));
    } catch (e: unknown) {
      const reason = e instanceof Error ? e.message.split('\n', 1)[0] : String(e);
      skipped.push(pathSkipped(file, `cannot read file: ${reason}`));
      continue;
    }
    parts.push(scanText(file, text));
  }
  const merged = mergeScans(parts);
  merged.findings.unshift(...walked.findings, ...skipped);
  return merged;
}

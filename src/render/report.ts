// Plan → the JSON report of docs/interface.md and the human summary. Pure and deterministic.

import type { Finding, Level, Report, ReportImage } from '../model.js';
import type { FailOn } from '../options.js';
import { fitTable, middleEllipsis } from './fit.js';

/** Serialises with the key order of docs/interface.md, so equal reports are byte-identical. */
export function reportJson(report: Report): string {
  return [...reportJsonChunks(report)].join('');
}

/** The pieces are joined until they reach this size: one write per piece, not per image. */
const CHUNK_CHARS = 1 << 16;

/** reportJson's text in pieces, built as they are consumed, so a large report never exists as one
 *  string (nor as its copy in bytes) while it is written. The text is exactly
 *  `JSON.stringify(ordered, null, 2)`: only the top level and its arrays are written here, and each
 *  element is JSON.stringify's own output, indented one level further (JSON strings never hold a
 *  raw line break, so every line break in it is indentation). */
export function* reportJsonChunks(report: Report): Generator<string> {
  // Each array element is put in key order only when it is written.
  const top: Array<[string, unknown, ((item: never) => unknown)?]> = [
    ['version', report.version],
    ['appSlug', report.appSlug],
    ['proxyDomain', report.proxyDomain],
    ['images', report.images, orderedImage],
    ['findings', report.findings, orderedFinding],
    ['generated', report.generated],
  ];
  // JSON.stringify leaves out a property whose value it cannot write.
  const fields = top.filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  let pending = '';
  for (const [i, [key, value, order]] of fields.entries()) {
    pending += `${i === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      pending += indent(JSON.stringify(value, null, 2));
      continue;
    }
    pending += '[';
    for (const [j, item] of value.entries()) {
      const json = JSON.stringify(order ? order(item as never) : item, null, 2) ?? 'null';
      pending += `${j === 0 ? '' : ','}\n    ${indent(indent(json))}`;
      if (pending.length >= CHUNK_CHARS) {
        yield pending;
        pending = '';
      }
    }
    pending += '\n  ]';
  }
  yield `${pending}${fields.length === 0 ? '{}' : '\n}'}\n`;
}

function indent(json: string): string {
  return json.replaceAll('\n', '\n  ');
}

function orderedImage(i: ReportImage): object {
  return {
    image: i.image,
    ...(i.normalized !== undefined ? { normalized: i.normalized } : {}),
    status: i.status,
    credentials: i.credentials,
    proxy: i.proxy,
    ...(i.reason !== undefined ? { reason: i.reason } : {}),
    locations: i.locations.map((l) => ({ file: l.file, line: l.line, column: l.column })),
  };
}

function orderedFinding(f: Finding): object {
  return { rule: f.rule, level: f.level, file: f.file, line: f.line, column: f.column, message: f.message };
}

function countByLevel(findings: Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.level] += 1;
  return counts;
}

export type Verbosity = 'quiet' | 'normal' | 'verbose';

function where(image: ReportImage, verbose: boolean): string {
  const [first, ...rest] = image.locations;
  if (!first) return '';
  const at = `${first.file}:${first.line}:${first.column}`;
  if (verbose) return [at, ...rest.map((l) => `${l.file}:${l.line}:${l.column}`)].join(', ');
  return rest.length ? `${at} (+${rest.length} more)` : at;
}

/** Columns are padded to at most this width: one 1 MB image must not pad every other row to 1 MB. */
const MAX_COLUMN_WIDTH = 100;

/** Left-aligned columns; the last column is not padded. (No `Math.max(...rows)`: spread arguments
 *  overflow the stack beyond ~100k rows.) */
function table(rows: string[][]): string[] {
  const widths =
    rows[0]?.map((_, c) =>
      rows.reduce((w, r) => Math.max(w, Math.min(MAX_COLUMN_WIDTH, (r[c] ?? '').length)), 0),
    ) ?? [];
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The summary the CLI prints on stderr: images, findings, generated files, totals. */
/** The table for a terminal `columns` wide: image, status and where on one row; the proxy name, the
 *  credentials verdict and the reason on lines of their own below it, so the image column keeps its
 *  room. Every line is shortened in the middle to fit. */
function narrowTable(report: Report, verbose: boolean, columns: number): string[] {
  const rows = [['IMAGE', 'STATUS', 'WHERE']];
  const below: string[][] = [[]];
  for (const i of report.images) {
    rows.push([i.image, i.status, where(i, verbose)]);
    const extra: string[] = [];
    if (i.proxy !== null) extra.push(`  → ${i.proxy}`);
    const why = [
      ...(i.credentials === 'not-checked' ? [] : [`credentials ${i.credentials}`]),
      ...(i.reason && i.status !== 'public' ? [i.reason] : []),
    ];
    if (why.length) extra.push(`  ↳ ${why.join('; ')}`);
    below.push(extra.map((line) => middleEllipsis(line, columns)));
  }
  const fitted = fitTable(rows, columns);
  return fitted.flatMap((line, r) => [line, ...(below[r] ?? [])]);
}

export function humanSummary(report: Report, verbosity: Verbosity, columns?: number): string {
  const lines: string[] = [];
  const counts = countByLevel(report.findings);
  const proxied = report.images.filter((i) => i.proxy !== null).length;
  if (verbosity !== 'quiet' && report.images.length) {
    if (columns === undefined) {
      const rows = [['IMAGE', 'STATUS', 'CREDENTIALS', 'PROXY', 'WHERE']];
      for (const i of report.images) {
        rows.push([i.image, i.status, i.credentials, i.proxy ?? '-', where(i, verbosity === 'verbose')]);
        if (i.reason && i.status !== 'public') rows.push([`  ↳ ${i.reason}`, '', '', '', '']);
      }
      for (const line of table(rows)) lines.push(line);
    } else {
      for (const line of narrowTable(report, verbosity === 'verbose', columns)) lines.push(line);
    }
    lines.push('');
  }
  const shown = report.findings.filter(
    (f) =>
      verbosity === 'verbose' ||
      f.level !== 'notice' ||
      (verbosity === 'normal' && f.rule !== 'image-needs-proxy'),
  );
  const shownLevels = verbosity === 'quiet' ? shown.filter((f) => f.level === 'error') : shown;
  for (const f of shownLevels) {
    lines.push(`${f.file}:${f.line}:${f.column}: ${f.level} [${f.rule}] ${f.message}`);
  }
  if (shownLevels.length) lines.push('');
  if (verbosity !== 'quiet' && report.generated.length)
    lines.push(`generated: ${report.generated.join(', ')}`);
  const hidden = report.findings.length - shownLevels.length;
  lines.push(
    `${report.images.length} image(s), ${proxied} through the proxy; ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s)` +
      (hidden ? `; ${hidden} not shown (--verbose to show)` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** The findings at or above `failOn` (`never`: none); a non-empty result fails the run. */
export function findingsAtOrAbove(findings: Finding[], failOn: FailOn): Finding[] {
  if (failOn === 'never') return [];
  return findings.filter((f) => f.level === 'error' || (failOn === 'warning' && f.level === 'warning'));
}

/** True when a finding at or above `failOn` exists. */
export function reachesFailLevel(findings: Finding[], failOn: FailOn): boolean {
  return findingsAtOrAbove(findings, failOn).length > 0;
}

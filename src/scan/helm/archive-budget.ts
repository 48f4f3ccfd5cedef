// A release can ship any number of chart archives, each within its own size limit; together they
// could still exhaust the heap. Archives are read in path order while the text they keep in memory
// (values and templates, subcharts included) fits one budget for the whole run; the rest are
// skipped with a `path-skipped` finding.
import type { ChartArchive } from './archive.js';

/** Text kept from all chart archives of one run (UTF-16 code units, as V8 holds them). */
export const DEFAULT_ARCHIVE_BUDGET = 128 * 1024 * 1024;

export function retainedSize(chart: ChartArchive): number {
  let size = chart.values?.text.length ?? 0;
  for (const t of chart.templates) size += t.text.length;
  for (const s of chart.subcharts) size += retainedSize(s);
  return size;
}

export function overBudgetMessage(budget: number): string {
  return `not read: the chart archives of this release exceed the memory budget of ${Math.round(budget / (1024 * 1024))} MiB`;
}

/** Bytes a chart archive file may have on disk: 1 MiB over the reader's 50 MiB uncompressed limit
 *  (src/scan/helm/archive.ts), since gzip output that large is never much smaller than its input. A
 *  larger file could not be read anyway, so it is refused by its size before it is held in memory. */
export const MAX_ARCHIVE_FILE_BYTES = 51 * 1024 * 1024;

// Fits the CLI's stderr table to the terminal: columns wider than their share are shortened in the
// middle (`quay.io/acme…/api:1.0`), where image references differ least; the JSON report keeps the
// full values. The last column is not padded, and shortened last so the locations stay readable.

const ELLIPSIS = '…';
const GAP = 2;
const MIN_WIDTH = 8;

/** `text` at most `width` characters, the middle replaced by an ellipsis. */
export function middleEllipsis(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return ELLIPSIS.slice(0, width);
  const keep = width - 1;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}${ELLIPSIS}${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** Column widths whose sum (with gaps) is at most `columns`: the widest column gives up room first. */
export function fitWidths(natural: readonly number[], columns: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);
  while (total() > columns) {
    let widest = -1;
    for (let c = 0; c < widths.length; c++) {
      if (widths[c]! > MIN_WIDTH && (widest < 0 || widths[c]! > widths[widest]!)) widest = c;
    }
    if (widest < 0) break; // every column at its minimum: let the terminal wrap
    widths[widest] = Math.max(MIN_WIDTH, widths[widest]! - Math.max(1, total() - columns));
  }
  return widths;
}

/** Left-aligned rows that fit `columns`. */
export function fitTable(rows: readonly string[][], columns: number): string[] {
  const n = rows[0]?.length ?? 0;
  const natural = Array.from({ length: n }, (_, c) =>
    rows.reduce((w, r) => Math.max(w, [...(r[c] ?? '')].length), 0),
  );
  const widths = fitWidths(natural, columns);
  return rows.map((r) =>
    r
      .map((cell, c) => {
        const short = middleEllipsis(cell, widths[c] ?? cell.length);
        return c === r.length - 1
          ? short
          : short + ' '.repeat(Math.max(0, (widths[c] ?? 0) - [...short].length));
      })
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
}

// Positions inside a chart packaged from a directory name the packaged archive:
// `charts/web!web/values.yaml` (display name = the directory, then the path inside the archive, whose
// first component is the chart's name). The file a person edits is `charts/web/values.yaml`, so the
// report maps every such position, and every message naming one, onto the directory's real file.
// A subchart archive inside the directory keeps its own `!`: `charts/web/charts/db-1.0.0.tgz!db/…`.
// Pure.

export interface ChartDirName {
  /** The chart directory relative to the working directory. */
  dir: string;
  /** The chart's name: the archive's first path component. */
  name: string;
}

/** `charts/web!web/values.yaml` → `charts/web/values.yaml`; any other path unchanged. */
export function chartDirMapper(charts: readonly ChartDirName[]): (text: string) => string {
  const pairs = charts.map((c) => [`${c.dir}!${c.name}/`, c.dir === '.' ? '' : `${c.dir}/`] as const);
  if (pairs.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const [from, to] of pairs) if (out.includes(from)) out = out.replaceAll(from, to);
    return out;
  };
}

const MAPPED = new Set(['file', 'message', 'reason']);

/** A copy of `value` with `map` applied to every string under a `file`, `message` or `reason` key. */
export function mapPositions<T>(value: T, map: (text: string) => string): T {
  return walk(value, map, '') as T;
}

function walk(value: unknown, map: (text: string) => string, key: string): unknown {
  if (typeof value === 'string') return MAPPED.has(key) ? map(value) : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, map, ''));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, map, k);
  return out;
}

// The values KOTS passes to Helm for a HelmChart CR: `values`, then each `optionalValues` entry whose
// `when` parses as true, merged recursively when `recursiveMerge` is set and else replacing top-level
// keys (pkg/base/replicated.go and pkg/apparchive/helm-v1beta2.go in replicatedhq/kots; the merge is
// MergeHelmChartValues in replicatedhq/kotskinds apis/kots/v1beta2/helmchart_types.go).

export type Values = Record<string, unknown>;

interface OptionalValuesEntry {
  when?: unknown;
  recursiveMerge?: unknown;
  values?: unknown;
}

export interface HelmChartValuesSpec {
  values?: unknown;
  optionalValues?: unknown;
}

/** Renders KOTS template text (`repl{{ ... }}`, `{{repl ...}}`); identity until an evaluator is given. */
export type RenderString = (text: string) => string;

export class ChartValuesError extends Error {
  override readonly name = 'ChartValuesError';
  constructor(
    /** Where in the CR's spec, e.g. `optionalValues[1].when`. */
    readonly specPath: string,
    message: string,
  ) {
    super(`spec.${specPath}: ${message}`);
  }
}

const identity: RenderString = (s) => s;

/** The values KOTS renders the chart with. Throws ChartValuesError where KOTS fails the chart. */
export function kotsChartValues(spec: HelmChartValuesSpec, renderString: RenderString = identity): Values {
  let merged: Values = isMap(spec.values) ? renderLeaves(spec.values, renderString) : {};
  const optional = Array.isArray(spec.optionalValues) ? spec.optionalValues : [];
  optional.forEach((entry: unknown, i) => {
    if (!isMap(entry)) throw new ChartValuesError(`optionalValues[${i}]`, 'expected a mapping');
    const e = entry as OptionalValuesEntry;
    // KOTS runs strconv.ParseBool on the rendered `when` and fails the chart when it does not parse.
    const when = parseGoBool(renderScalar(e.when, renderString));
    if (when === null) {
      throw new ChartValuesError(
        `optionalValues[${i}].when`,
        `'${String(e.when)}' is not a boolean (true, false, 1, 0, t, f, TRUE, FALSE, True, False)`,
      );
    }
    if (!when) return;
    const values = isMap(e.values) ? renderLeaves(e.values, renderString) : {};
    const recursive =
      e.recursiveMerge === undefined ? false : parseGoBool(renderScalar(e.recursiveMerge, renderString));
    if (recursive === null) {
      throw new ChartValuesError(
        `optionalValues[${i}].recursiveMerge`,
        `'${String(e.recursiveMerge)}' is not a boolean`,
      );
    }
    merged = recursive ? mergeHelmChartValues(merged, values) : { ...merged, ...values };
  });
  return merged;
}

/** kotskinds' MergeHelmChartValues: overlay wins, except that where the base holds a mapping the
 *  two are merged key by key, and an overlay that is not a mapping leaves that base mapping as it
 *  is (the merge reads the overlay's children, which a scalar or list does not have). */
export function mergeHelmChartValues(base: Values, overlay: Values): Values {
  const result: Values = {};
  for (const [k, b] of Object.entries(base)) {
    if (!(k in overlay)) result[k] = b;
    else if (!isMap(b)) result[k] = overlay[k];
    else {
      const o = overlay[k];
      result[k] = mergeHelmChartValues(b, isMap(o) ? o : {});
    }
  }
  for (const [k, o] of Object.entries(overlay)) if (!(k in base)) result[k] = o;
  return result;
}

/** Go's strconv.ParseBool; null where Go returns an error. Booleans pass through. */
export function parseGoBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return null;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return null;
}

function renderScalar(v: unknown, render: RenderString): unknown {
  return typeof v === 'string' ? render(v) : v;
}

function renderLeaves(v: Values, render: RenderString): Values {
  const walk = (x: unknown): unknown => {
    if (typeof x === 'string') return render(x);
    if (Array.isArray(x)) return x.map(walk);
    if (isMap(x)) return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as Values;
}

export function isMap(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The value layers Helm coalesces for a chart, lowest precedence first: each subchart's values.yaml
// at the key its parent gives it (the dependency's alias, else its name; one layer per alias),
// then the chart's own values.yaml. The caller appends the CR's values as the last layer.
// Takes the chart as already read (the scanner's archive reader gives this shape), so it is pure.

import { parse } from 'yaml';
import { firstErrorLine } from '../util.js';
import type { ValueLayer, ValuePath } from './markers.js';
import { isMap } from './values-merge.js';

export interface ChartValuesSource {
  name: string;
  dependencies: ReadonlyArray<{ name: string; alias?: string }>;
  /** `file` names the values.yaml for positions, e.g. `charts/istio-1.5.4.tgz!istiod/values.yaml`. */
  values?: { file: string; text: string };
  subcharts: readonly ChartValuesSource[];
}

export interface ChartLayersResult {
  layers: ValueLayer[];
  /** values.yaml files that did not parse as a mapping (Helm would refuse the chart too). */
  problems: string[];
}

export function chartValueLayers(chart: ChartValuesSource, at: ValuePath = []): ChartLayersResult {
  const layers: ValueLayer[] = [];
  const problems: string[] = [];
  for (const sub of chart.subcharts) {
    const deps = chart.dependencies.filter((d) => d.name === sub.name);
    const keys = deps.length === 0 ? [sub.name] : deps.map((d) => d.alias ?? d.name);
    for (const key of keys) {
      const r = chartValueLayers(sub, [...at, key]);
      layers.push(...r.layers);
      problems.push(...r.problems);
    }
  }
  if (chart.values !== undefined) {
    try {
      const v: unknown = parse(chart.values.text, { maxAliasCount: 1000 });
      if (v === null || v === undefined) {
        // An empty values.yaml adds nothing.
      } else if (isMap(v)) layers.push({ origin: chart.values.file, at, values: v });
      else problems.push(`${chart.values.file}: not a mapping`);
    } catch (e: unknown) {
      problems.push(`${chart.values.file}: ${firstErrorLine(e)}`);
    }
  }
  return { layers, problems };
}

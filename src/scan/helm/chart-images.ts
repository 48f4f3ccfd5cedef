// A HelmChart CR's images: its `values` / `optionalValues` merged the way KOTS merges them, over the
// chart archive's values (with Helm's subchart scoping) when the release ships the archive. Pure.

import { append } from '../../util.js';
import type { ChartArchive } from './archive.js';
import { collectSlots, type FindOptions, type ValueImageSlot } from './image-slots.js';
import {
  coalesceValues,
  conditionEnabled,
  emptyValues,
  lookup,
  replaceTopLevel,
  subchartValues,
  type ValueMap,
  type ValueNode,
  valuesFromText,
} from './values-tree.js';

/** A values key that passes pull secrets to the chart's pods. */
interface PullSecretValue {
  /** Values path in the top chart's namespace, e.g. ['global', 'imagePullSecrets']. */
  path: string[];
  /** Secret names the default already lists (strings or `{name}` items). */
  names: string[];
  /** True when the list holds plain strings (Bitnami accepts both forms). */
  strings: boolean;
}

export interface ChartValueImages {
  slots: ValueImageSlot[];
  /** YAML errors in values files, and subcharts left out because their `condition` is false. */
  notes: string[];
  /** The chart and every subchart that is enabled (their templates render). */
  charts: ChartArchive[];
  /** Keys named `imagePullSecrets` or `pullSecrets` holding a list, in any chart's values. */
  pullSecrets: PullSecretValue[];
}

/** The CR's layers: `values` (layer 1) and each `optionalValues` entry (layer 2). */
export interface CrLayers {
  values: ValueMap;
  optional: Array<{ values: ValueMap; recursiveMerge: boolean }>;
}

/** Every image slot of a HelmChart CR: once for `values` alone and once with each `optionalValues` entry
 *  merged in (its `when` is a template only KOTS evaluates, so both renderings can happen), deduplicated.
 *  With an archive, the merged values go over the chart's values.yaml and subcharts. */
export function crImages(layers: CrLayers, archive?: ChartArchive): ChartValueImages {
  const renderings = [
    layers.values,
    ...layers.optional.map((o) =>
      o.recursiveMerge ? coalesceValues(o.values, layers.values) : replaceTopLevel(o.values, layers.values),
    ),
  ];
  const seen = new Set<string>();
  const out: ChartValueImages = { slots: [], notes: [], charts: [], pullSecrets: [] };
  for (const values of renderings) {
    const r = archive
      ? chartValueImages(archive, [values])
      : {
          slots: markSwitchedOff(collectSlots(values), values, 0),
          notes: [],
          charts: [],
          pullSecrets: pullSecretValues(values, []),
        };
    for (const s of r.slots) {
      const key = `${s.path.join('\0')}\0${s.ref}\0${s.pos.file}:${s.pos.line}:${s.pos.column}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.slots.push(s);
      }
    }
    for (const n of r.notes) if (!out.notes.includes(n)) out.notes.push(n);
    for (const c of r.charts) if (!out.charts.includes(c)) out.charts.push(c);
    for (const p of r.pullSecrets)
      if (!out.pullSecrets.some((q) => q.path.join('\0') === p.path.join('\0'))) out.pullSecrets.push(p);
  }
  return out;
}

/** Every image slot of a chart and its subcharts, after Helm merges `overrides` (the HelmChart CR's
 *  values, lowest precedence first, built at layer >= 1) over values.yaml, the parent's values over
 *  each subchart's, and the parent's globals over the subchart's. */
export function chartValueImages(chart: ChartArchive, overrides: ValueMap[] = []): ChartValueImages {
  const out: ChartValueImages = { slots: [], notes: [], charts: [], pullSecrets: [] };
  const defaultsOf = (c: ChartArchive, depth: number): ValueMap => {
    if (!c.values) return emptyValues(`${c.displayPath}!${c.dir}/values.yaml`, -depth);
    const { values, errors } = valuesFromText(c.values.text, c.values.file, -depth);
    append(out.notes, errors);
    return values;
  };
  const walk = (c: ChartArchive, values: ValueMap, prefix: string[], depth: number) => {
    out.charts.push(c);
    const subs: Array<[string, ChartArchive, string | undefined]> = [];
    for (const sub of c.subcharts) {
      const deps = c.dependencies.filter((d) => d.name === sub.name);
      if (deps.length === 0) subs.push([sub.name, sub, undefined]);
      for (const d of deps) subs.push([d.alias ?? d.name, sub, d.condition]);
    }
    const opts: FindOptions = { prefix };
    if (c.appVersion) opts.defaultTag = c.appVersion;
    const skip = new Set(subs.map(([k]) => k));
    append(out.slots, markSwitchedOff(collectSlots(values, opts, skip), values, prefix.length));
    append(out.pullSecrets, pullSecretValues(values, prefix, skip));
    for (const [key, sub, condition] of subs) {
      if (!conditionEnabled(values, condition)) {
        out.notes.push(`subchart ${[...prefix, key].join('.')} is disabled by condition ${condition}`);
        continue;
      }
      walk(sub, subchartValues(values, key, defaultsOf(sub, depth + 1)), [...prefix, key], depth + 1);
    }
  };
  const top = overrides.reduce((acc, o) => coalesceValues(o, acc), defaultsOf(chart, 0));
  walk(chart, top, [], 0);
  return out;
}

/** Slots under a map whose `enabled` is false in the merged values (`metrics.enabled: false` with
 *  `metrics.image`): the usual Helm switch, so findings about such an image would be noise. */
function markSwitchedOff(slots: ValueImageSlot[], values: ValueMap, prefixLength: number): ValueImageSlot[] {
  for (const slot of slots) {
    const rel = slot.path.slice(prefixLength);
    for (let i = rel.length - 1; i >= 0; i--) {
      const node = lookup(values, [...rel.slice(0, i), 'enabled']);
      if (node?.kind === 'scalar' && node.value === false) {
        slot.switchedOff = true;
        break;
      }
    }
  }
  return slots;
}

const PULL_SECRET_KEYS = new Set(['imagePullSecrets', 'pullSecrets']);

/** Keys named imagePullSecrets / pullSecrets whose value is a list (or empty), at any depth outside lists. */
function pullSecretValues(values: ValueMap, prefix: string[], skip?: ReadonlySet<string>): PullSecretValue[] {
  const out: PullSecretValue[] = [];
  const visit = (node: ValueMap, path: string[]) => {
    for (const [k, v] of node.entries) {
      if (path.length === 0 && skip?.has(k)) continue;
      // A subchart's `global` is the parent's, set at the top: report it once, there.
      if (path.length === 0 && prefix.length > 0 && k === 'global') continue;
      if (PULL_SECRET_KEYS.has(k) && (v.kind === 'seq' || (v.kind === 'scalar' && v.value === null))) {
        out.push({ path: [...prefix, ...path, k], ...secretNames(v) });
      } else if (v.kind === 'map') {
        visit(v, [...path, k]);
      }
    }
  };
  visit(values, []);
  return out;
}

function secretNames(node: ValueNode): { names: string[]; strings: boolean } {
  if (node.kind !== 'seq') return { names: [], strings: false };
  const names: string[] = [];
  let strings = false;
  for (const item of node.items) {
    if (item.kind === 'scalar' && typeof item.value === 'string') {
      names.push(item.value);
      strings = true;
    } else if (item.kind === 'map') {
      const name = item.entries.get('name');
      if (name?.kind === 'scalar' && typeof name.value === 'string') names.push(name.value);
    }
  }
  return { names, strings };
}

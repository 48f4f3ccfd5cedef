// Images named in Helm values, with the position of what decides them (issue 5 item 2).
// Recognised at any depth, under a key `image` or `<word>Image` (`sidecarImage`):
//   image: "quay.io/org/x:1"                            → the string as written
//   image: {registry, repository, tag | digest}          → registry/repository[:tag|@digest]
//   image: {repository, tag} + sibling `imageRegistry`   → imageRegistry/repository:tag
//   image: {name, tag}                                   → name:tag (when there is no `repository`)
// Registry precedence follows Bitnami's common.images.image, the de facto convention:
// `global.imageRegistry` > `image.registry` > a sibling `imageRegistry`. A digest wins over a tag and
// the tag is then dropped (Bitnami again). With neither tag nor digest, the chart's appVersion is the
// tag (`helm create`'s `image.tag | default .Chart.AppVersion`), with a note. Pure.

import type { SourcePos } from '../model.js';
import type { ChartArchive } from './helm-archive.js';
import {
  coalesceValues,
  conditionEnabled,
  emptyValues,
  type Layer,
  lookup,
  subchartValues,
  type ValueMap,
  type ValueNode,
  valuesFromText,
} from './helm-values-tree.js';

export type PartKey =
  | 'image'
  | 'registry'
  | 'repository'
  | 'name'
  | 'tag'
  | 'digest'
  | 'imageRegistry'
  | 'global.imageRegistry';

/** One values leaf that went into a slot. */
export interface ValuePart {
  value: string;
  pos: SourcePos;
  layer: Layer;
  /** The YAML value was a number (`tag: 1.10`), printed here as JavaScript prints it. */
  numeric?: true;
}

export interface ValueImageSlot {
  /** Values path of the image key in the top chart's namespace, e.g. ['redis', 'image']. */
  path: string[];
  /** The composed reference. */
  ref: string;
  /** False for a map with no repository (e.g. a CR that sets only `tag`): `ref` is then not an image. */
  complete: boolean;
  /** Where to report. Without overrides: the value that names the repository (`image` string,
   *  `repository`, or `name`). When a higher layer (parent chart values, CR values) set any part,
   *  the highest such layer's part, preferring image > repository > name > registry > imageRegistry >
   *  tag > digest. `global.imageRegistry` never moves the position (it is shared by every image). */
  pos: SourcePos;
  /** The leaves it came from, so that overrides can be merged. */
  parts: Partial<Record<PartKey, ValuePart>>;
  /** Things the user may want to know: a numeric tag, a tag taken from appVersion. */
  notes: string[];
}

export interface FindOptions {
  /** Layer given to every part (see Layer). Default 0. */
  layer?: Layer;
  /** Prefix for every slot path (the subchart key when the text is a subchart's values.yaml). */
  prefix?: string[];
  /** Keep map slots that have no repository (CR partial overrides). Default false. */
  includePartial?: boolean;
  /** Tag used when a map has neither tag nor digest (the chart's appVersion). */
  defaultTag?: string;
}

const ORDER: PartKey[] = ['image', 'repository', 'name', 'registry', 'imageRegistry', 'tag', 'digest'];
const IMAGE_KEY = /^(?:image|[a-z][A-Za-z0-9]*Image)$/;

/** Image slots of one values document (values.yaml text), without any merging. */
export function findValueImages(valuesText: string, file: string, opts: FindOptions = {}): ValueImageSlot[] {
  return collectSlots(valuesFromText(valuesText, file, opts.layer ?? 0).values, opts);
}

/** Image slots of a values tree. `skipKeys` are top-level keys that belong to subcharts. */
export function collectSlots(
  values: ValueMap,
  opts: FindOptions = {},
  skipKeys?: ReadonlySet<string>,
): ValueImageSlot[] {
  const out: ValueImageSlot[] = [];
  const globalRegistry = stringPart(lookup(values, ['global', 'imageRegistry']));
  const visit = (node: ValueNode, path: string[], parent: ValueMap | undefined, key: string | undefined) => {
    if (key !== undefined && parent && IMAGE_KEY.test(key)) {
      const parts = slotParts(node, parent, globalRegistry);
      if (parts) {
        const slot = composeSlot([...(opts.prefix ?? []), ...path], parts, opts.defaultTag);
        if (slot.complete || opts.includePartial) out.push(slot);
        return;
      }
    }
    if (node.kind === 'map') {
      for (const [k, v] of node.entries) {
        if (path.length === 0 && skipKeys?.has(k)) continue;
        visit(v, [...path, k], node, k);
      }
    } else if (node.kind === 'seq') {
      node.items.forEach((item, i) => {
        visit(item, [...path, String(i)], undefined, undefined);
      });
    }
  };
  visit(values, [], undefined, undefined);
  return out;
}

/** Merges the slots of a HelmChart CR's values over a chart's slots, by path, with Helm's rule that
 *  the user's value replaces unless both are maps. CR slots with no chart counterpart are kept when
 *  complete. Does not see a `global.imageRegistry` set only by the CR, subchart scoping or null
 *  deletion: use chartValueImages for full Helm semantics. */
export function mergeValueSlots(chartSlots: ValueImageSlot[], crSlots: ValueImageSlot[]): ValueImageSlot[] {
  const key = (s: ValueImageSlot) => JSON.stringify(s.path);
  const crByPath = new Map(crSlots.map((s) => [key(s), s]));
  const used = new Set<string>();
  const out: ValueImageSlot[] = [];
  for (const chart of chartSlots) {
    const cr = crByPath.get(key(chart));
    if (!cr) {
      out.push(chart);
      continue;
    }
    used.add(key(chart));
    // CR parts always outrank the chart's, whatever layer the caller parsed them at.
    const top = Math.max(...Object.values(chart.parts).map((p) => p.layer)) + 1;
    const crParts = Object.fromEntries(Object.entries(cr.parts).map(([k, p]) => [k, { ...p, layer: top }]));
    const shapesAgree = (chart.parts.image === undefined) === (cr.parts.image === undefined);
    const parts = shapesAgree ? { ...chart.parts, ...crParts } : crParts;
    // A chart-wide global registry still applies to a CR map (it is not part of the CR slot).
    if (shapesAgree && chart.parts['global.imageRegistry'])
      parts['global.imageRegistry'] = chart.parts['global.imageRegistry'];
    out.push(composeSlot(chart.path, parts));
  }
  for (const cr of crSlots) if (!used.has(key(cr)) && cr.complete) out.push(cr);
  return out;
}

export interface ChartValueImages {
  slots: ValueImageSlot[];
  /** YAML errors in values files, and subcharts left out because their `condition` is false. */
  notes: string[];
}

/** Every image slot of a chart and its subcharts, after Helm merges `overrides` (the HelmChart CR's
 *  values, lowest precedence first, built with valuesFromNode at layer >= 1) over values.yaml, the
 *  parent's values over each subchart's, and the parent's globals over the subchart's. */
export function chartValueImages(chart: ChartArchive, overrides: ValueMap[] = []): ChartValueImages {
  const notes: string[] = [];
  const slots: ValueImageSlot[] = [];
  const defaultsOf = (c: ChartArchive, depth: number): ValueMap => {
    if (!c.values) return emptyValues(`${c.displayPath}!${c.dir}/values.yaml`, -depth);
    const { values, errors } = valuesFromText(c.values.text, c.values.file, -depth);
    notes.push(...errors);
    return values;
  };
  const walk = (c: ChartArchive, values: ValueMap, prefix: string[], depth: number) => {
    const subs: Array<[string, ChartArchive, string | undefined]> = [];
    for (const sub of c.subcharts) {
      const deps = c.dependencies.filter((d) => d.name === sub.name);
      if (deps.length === 0) subs.push([sub.name, sub, undefined]);
      for (const d of deps) subs.push([d.alias ?? d.name, sub, d.condition]);
    }
    const opts: FindOptions = { prefix };
    if (c.appVersion) opts.defaultTag = c.appVersion;
    slots.push(...collectSlots(values, opts, new Set(subs.map(([k]) => k))));
    for (const [key, sub, condition] of subs) {
      if (!conditionEnabled(values, condition)) {
        notes.push(`subchart ${[...prefix, key].join('.')} is disabled by condition ${condition}`);
        continue;
      }
      walk(sub, subchartValues(values, key, defaultsOf(sub, depth + 1)), [...prefix, key], depth + 1);
    }
  };
  const top = overrides.reduce((acc, o) => coalesceValues(o, acc), defaultsOf(chart, 0));
  walk(chart, top, [], 0);
  return { slots, notes };
}

/** A string leaf, or a number printed as Helm prints it. Empty strings, booleans and null are unset. */
function stringPart(node: ValueNode | undefined): ValuePart | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const { value, pos, layer } = node;
  if (typeof value === 'number') return { value: String(value), pos, layer, numeric: true };
  return typeof value === 'string' && value !== '' ? { value, pos, layer } : undefined;
}

/** The parts of an image value, or undefined when the node is not an image (no slot keys at all). */
function slotParts(
  node: ValueNode,
  parent: ValueMap,
  globalRegistry: ValuePart | undefined,
): Partial<Record<PartKey, ValuePart>> | undefined {
  if (node.kind === 'scalar') {
    const image = typeof node.value === 'string' && node.value !== '' ? stringPart(node) : undefined;
    return image ? { image } : undefined;
  }
  if (node.kind !== 'map') return undefined;
  const get = (k: string) => stringPart(node.entries.get(k));
  const parts: Partial<Record<PartKey, ValuePart>> = {};
  const set = (k: PartKey, p: ValuePart | undefined) => {
    if (p) parts[k] = p;
  };
  set('repository', get('repository'));
  if (!parts.repository) set('name', get('name'));
  set('registry', get('registry'));
  set('tag', get('tag'));
  set('digest', get('digest'));
  if (Object.keys(parts).length === 0) return undefined;
  // `{name}` alone is too weak a signal (many maps have a name); it needs a tag, digest or registry.
  if (parts.name && Object.keys(parts).length === 1) return undefined;
  set('imageRegistry', stringPart(parent.entries.get('imageRegistry')));
  set('global.imageRegistry', globalRegistry);
  return parts;
}

/** Builds the slot from its parts (see the header for the composition rules). */
export function composeSlot(
  path: string[],
  parts: Partial<Record<PartKey, ValuePart>>,
  defaultTag?: string,
): ValueImageSlot {
  const notes: string[] = [];
  const repo = parts.image ?? parts.repository ?? parts.name;
  let ref: string;
  if (parts.image) {
    ref = parts.image.value;
  } else {
    const registry = parts['global.imageRegistry'] ?? parts.registry ?? parts.imageRegistry;
    ref = `${registry ? `${registry.value}/` : ''}${repo?.value ?? ''}`;
    if (parts.digest) ref += `@${parts.digest.value}`;
    else if (parts.tag) ref += `:${parts.tag.value}`;
    else if (defaultTag && repo) {
      ref += `:${defaultTag}`;
      notes.push(`no tag: assuming the chart's appVersion ${defaultTag}`);
    }
  }
  if (parts.tag?.numeric && !parts.digest)
    notes.push(
      `tag ${parts.tag.value} is a YAML number: Helm may print it differently (1.10 as 1.1); quote it`,
    );
  return { path, ref, complete: repo !== undefined, pos: reportPos(parts), parts, notes };
}

function reportPos(parts: Partial<Record<PartKey, ValuePart>>): SourcePos {
  const own = ORDER.flatMap((k) => (parts[k] ? [parts[k]] : []));
  const top = Math.max(...own.map((p) => p.layer));
  // ORDER puts the repository first: without overrides it names the image; an override outranks it.
  const best = own.find((p) => p.layer === top) ?? parts['global.imageRegistry'];
  return best?.pos ?? { file: '', line: 1, column: 1 };
}

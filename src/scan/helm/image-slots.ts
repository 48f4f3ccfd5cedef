// Images named in a values tree: Helm values (a chart's values.yaml, a HelmChart CR's `values`) and the
// spec of an operator's custom resource. The one set of rules for image-shaped values:
//   image: "quay.io/org/x:1"                            → the string as written
//   image: {registry, repository, tag, digest}          → registry/repository[:tag][@digest]
//   image: {repository} with an enclosing imageRegistry → imageRegistry/repository…
//   image: {name, tag}                                  → name:tag (when there is no `repository`)
//   <word>Image: … (`sidecarImage`)                     → the same forms
//   any map with `repository` and a tag, digest or registry, under any key
// Registry precedence follows Bitnami's common.images.image, the de facto convention:
// `global.imageRegistry` > the map's own `registry` > the nearest enclosing `imageRegistry`. A tag and a
// digest are both kept (`repo:tag@digest`, valid, and what the scanner keeps for container images; the
// digest decides what is pulled). With neither, the chart's appVersion is the tag (`helm create`'s
// `image.tag | default .Chart.AppVersion`), with a note. Subtrees under `annotations`, `labels` and
// `metadata` never hold images. Pure.

import type { SourcePos } from '../../model.js';
import { parseReference } from '../../reference.js';
import { hasTemplate } from '../../templates.js';
import { looksLikeImage } from '../image-like.js';
import { type Layer, lookup, type ValueMap, type ValueNode, valuesFromText } from './values-tree.js';

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
  /** Values path of the leaf (in the walked tree's namespace, prefix included). */
  path: string[];
  /** The YAML value was a number (`tag: 1.10`), printed here as JavaScript prints it. */
  numeric?: true;
}

export interface ValueImageSlot {
  /** Values path of the image key in the top chart's namespace, e.g. ['redis', 'image']. */
  path: string[];
  /** An enclosing map sets `enabled: false`: the chart's templates switch this image off. */
  switchedOff?: true;
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
  /** True when the path goes through a list item: a values override cannot reach it without
   *  replacing the whole list. */
  inList: boolean;
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
  /** `helm` (default): any string under `image` is an image (an invalid one is reported by the planner).
   *  `operator`: a custom resource, where a value must look like an image (image-like.ts). */
  mode?: 'helm' | 'operator';
}

const ORDER: PartKey[] = ['image', 'repository', 'name', 'registry', 'imageRegistry', 'tag', 'digest'];
const SUFFIX_KEY = /^[a-z][A-Za-z0-9]*Image$/;
/** Keys whose subtrees never hold images (a pod template's annotations, labels, metadata). */
const NEVER_IMAGES = new Set(['annotations', 'labels', 'metadata']);

/** Image slots of one values document (values.yaml text), without any merging. */
export function findValueImages(valuesText: string, file: string, opts: FindOptions = {}): ValueImageSlot[] {
  return collectSlots(valuesFromText(valuesText, file, opts.layer ?? 0).values, opts);
}

type Registry = ValuePart | undefined;

/** Image slots of a values tree. `skipKeys` are top-level keys that belong to subcharts. */
export function collectSlots(
  values: ValueMap,
  opts: FindOptions = {},
  skipKeys?: ReadonlySet<string>,
): ValueImageSlot[] {
  const out: ValueImageSlot[] = [];
  const prefix = opts.prefix ?? [];
  const mode = opts.mode ?? 'helm';
  const globalRegistry = stringPart(lookup(values, ['global', 'imageRegistry']), [
    ...prefix,
    'global',
    'imageRegistry',
  ]);
  const push = (path: string[], parts: Partial<Record<PartKey, ValuePart>>, inList: boolean) => {
    const slot = composeSlot([...prefix, ...path], parts, opts.defaultTag, inList);
    if (!slot.complete && !opts.includePartial) return;
    if (!accepts(slot, mode)) return;
    out.push(slot);
  };
  const visit = (node: ValueNode, path: string[], inherited: Registry, inList: boolean): void => {
    if (node.kind === 'seq') {
      node.items.forEach((item, i) => {
        visit(item, [...path, String(i)], inherited, true);
      });
      return;
    }
    if (node.kind !== 'map') return;
    const own = stringPart(node.entries.get('imageRegistry'), [...prefix, ...path, 'imageRegistry']);
    const registry = own ?? inherited;
    for (const [k, v] of node.entries) {
      if (path.length === 0 && skipKeys?.has(k)) continue;
      if (NEVER_IMAGES.has(k)) continue;
      const childPath = [...path, k];
      const isImageKey = k === 'image' || SUFFIX_KEY.test(k);
      const parts =
        isImageKey || isImageMap(v)
          ? slotParts(v, [...prefix, ...childPath], registry, globalRegistry)
          : undefined;
      if (parts && (isImageKey || parts.repository)) {
        if (!parts.image || acceptsString(parts.image.value, k, mode)) push(childPath, parts, inList);
        continue;
      }
      visit(v, childPath, registry, inList);
    }
  };
  visit(values, [], undefined, false);
  return out;
}

/** A map that names an image under any key: `repository` with a tag, digest or registry. */
function isImageMap(node: ValueNode): boolean {
  if (node.kind !== 'map') return false;
  const has = (k: string) => node.entries.get(k)?.kind === 'scalar';
  return has('repository') && (has('tag') || has('digest') || has('registry'));
}

/** A full reference under an image key. Helm values take any string under `image`; `*Image` keys need
 *  a valid reference; custom resources need it to look like one. Templates always count. */
function acceptsString(value: string, key: string, mode: 'helm' | 'operator'): boolean {
  if (hasTemplate(value)) return true;
  if (mode === 'operator') return looksLikeImage(value, key === 'image' ? 'image-field' : 'named');
  return key === 'image' || parseReference(value).ok;
}

/** Custom resources: a composed map must be a template or a valid reference, never a guess. */
function accepts(slot: ValueImageSlot, mode: 'helm' | 'operator'): boolean {
  if (mode === 'helm' || slot.parts.image || !slot.complete) return true;
  return hasTemplate(slot.ref) || parseReference(slot.ref).ok;
}

/** A string leaf, or a number printed as Helm prints it. Empty strings, booleans and null are unset. */
function stringPart(node: ValueNode | undefined, path: string[]): ValuePart | undefined {
  if (node?.kind !== 'scalar') return undefined;
  const { value, pos, layer } = node;
  if (typeof value === 'number') return { value: String(value), pos, layer, path, numeric: true };
  return typeof value === 'string' && value !== '' ? { value, pos, layer, path } : undefined;
}

/** The parts of an image value, or undefined when the node is not an image (no slot keys at all). */
function slotParts(
  node: ValueNode,
  path: string[],
  inherited: Registry,
  globalRegistry: Registry,
): Partial<Record<PartKey, ValuePart>> | undefined {
  if (node.kind === 'scalar') {
    const image = typeof node.value === 'string' ? stringPart(node, path) : undefined;
    return image ? { image } : undefined;
  }
  if (node.kind !== 'map') return undefined;
  const get = (k: string) => stringPart(node.entries.get(k), [...path, k]);
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
  set('imageRegistry', inherited);
  set('global.imageRegistry', globalRegistry);
  return parts;
}

/** Builds the slot from its parts (see the header for the composition rules). */
function composeSlot(
  path: string[],
  parts: Partial<Record<PartKey, ValuePart>>,
  defaultTag?: string,
  inList = false,
): ValueImageSlot {
  const notes: string[] = [];
  const repo = parts.image ?? parts.repository ?? parts.name;
  let ref: string;
  if (parts.image) {
    ref = parts.image.value;
  } else {
    const registry = registryPart(parts);
    ref = `${registry ? `${registry.value.replace(/\/+$/, '')}/` : ''}${repo?.value ?? ''}`;
    if (parts.tag) ref += `:${parts.tag.value}`;
    if (parts.digest) ref += `@${parts.digest.value}`;
    if (!parts.tag && !parts.digest && defaultTag && repo) {
      ref += `:${defaultTag}`;
      notes.push(`no tag: assuming the chart's appVersion ${defaultTag}`);
    }
  }
  if (parts.tag?.numeric && !parts.image)
    notes.push(
      `tag ${parts.tag.value} is a YAML number: Helm may print it differently (1.10 as 1.1); quote it`,
    );
  return { path, ref, complete: repo !== undefined, pos: reportPos(parts), parts, inList, notes };
}

/** The registry a composed slot uses, by the precedence in the header. */
export function registryPart(parts: Partial<Record<PartKey, ValuePart>>): ValuePart | undefined {
  return parts.image ? undefined : (parts['global.imageRegistry'] ?? parts.registry ?? parts.imageRegistry);
}

function reportPos(parts: Partial<Record<PartKey, ValuePart>>): SourcePos {
  const own = ORDER.flatMap((k) => (parts[k] ? [parts[k]] : []));
  const top = Math.max(...own.map((p) => p.layer));
  // ORDER puts the repository first: without overrides it names the image; an override outranks it.
  const best = own.find((p) => p.layer === top) ?? parts['global.imageRegistry'];
  return best?.pos ?? { file: '', line: 1, column: 1 };
}

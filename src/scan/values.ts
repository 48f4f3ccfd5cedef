// A generic walk over a value tree for image fields: HelmChart `spec.values` (context `helm-value`) and
// custom resource specs (context `operator`). Recognised forms:
//   image: "<full reference>"                  (and `*Image: "<ref>"`, e.g. `kubectlImage`)
//   image: {registry, repository, tag|digest}  (any map with `repository` and a tag/digest/registry,
//                                               or a map under an `image`/`*Image` key)
//   image: {name, tag}                         (only under an `image`/`*Image` key)
// A composed map's registry is `global.imageRegistry` when set (Bitnami's precedence), else the map's own
// `registry`, else the nearest enclosing `imageRegistry`. Its use is positioned at the `repository`
// (or `name`) value and its raw text is the composed `registry/repository:tag@digest`.
import type { Node, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import type { ImageContext } from '../model.js';
import { parseReference } from '../reference.js';
import { looksLikeImage } from './image-like.js';
import { type DocCtx, deref, get, isFlowTemplate, keyString, type TextValue, textValue } from './nodes.js';
import { addUse } from './podspec.js';
import { hasTemplate } from './template.js';

export interface ValuesWalk {
  context: Extract<ImageContext, 'helm-value' | 'operator'>;
  helmChart?: number;
  /** `global.imageRegistry` of the values tree being walked, if any. */
  globalRegistry: TextValue | null;
  /** Nodes already scanned another way (a custom resource's PodSpec). */
  skip?: Node;
  /** Set when any scalar under the tree mentions `ImagePullSecretName`. */
  sawPullSecret: boolean;
}

const MAX_DEPTH = 100;
const PULL_SECRET_FN = 'ImagePullSecretName';
const TRAILING_SLASHES = /\/+$/;
/** Keys whose subtrees never hold images (a pod template's annotations, labels, metadata). */
const NEVER_IMAGES = new Set(['annotations', 'labels', 'metadata']);

function imageKey(key: string | null): 'image' | 'suffix' | null {
  if (key === 'image') return 'image';
  return key !== null && key.length > 5 && key.endsWith('Image') ? 'suffix' : null;
}

/** The global registry of a values root: `global.imageRegistry`, when set and not empty. */
export function globalRegistryOf(d: DocCtx, values: Node | null): TextValue | null {
  return textValue(d, get(d, get(d, values, 'global'), 'imageRegistry'));
}

export function walkValues(
  d: DocCtx,
  node: unknown,
  w: ValuesWalk,
  inherited: TextValue | null,
  depth = 0,
): void {
  const n = deref(d, node);
  if (n === null || n === w.skip || depth > MAX_DEPTH) return;
  if (isSeq(n)) {
    for (const item of n.items) walkValues(d, item, w, inherited, depth + 1);
    return;
  }
  if (isFlowTemplate(d, n)) {
    if (textValue(d, n)?.raw.includes(PULL_SECRET_FN)) w.sawPullSecret = true;
    return;
  }
  if (isScalar(n)) {
    if (typeof n.value === 'string' && n.value.includes(PULL_SECRET_FN)) w.sawPullSecret = true;
    return;
  }
  if (!isMap(n)) return;
  const own = textValue(d, get(d, n, 'imageRegistry'));
  const registry = own ?? inherited;
  if (get(d, n, 'repository') !== null && hasAny(d, n, ['tag', 'digest', 'registry'])) {
    composite(d, n, w, registry, 'repository');
  }
  for (const pair of n.items) {
    const key = keyString(pair);
    if (key !== null && NEVER_IMAGES.has(key)) continue;
    const kind = imageKey(key);
    const value = deref(d, pair.value);
    if (isFlowTemplate(d, value)) {
      // An unquoted `{{repl X }}`: YAML made it a flow map; it is one template string.
      const tv = textValue(d, pair.value);
      if (tv && kind !== null) addUse(d, tv, w.context, chartOf(w));
    } else if (kind !== null && isMap(value)) {
      // `image: {repository}` with no tag/registry is handled here, the full map form when visited.
      if (get(d, value, 'repository') === null) composite(d, value, w, registry, 'name');
      else if (!hasAny(d, value, ['tag', 'digest', 'registry']))
        composite(d, value, w, registry, 'repository');
    } else if (kind !== null) {
      const tv = textValue(d, pair.value);
      if (tv && acceptsFullRef(w, kind, tv.raw)) addUse(d, tv, w.context, chartOf(w));
    }
    walkValues(d, value, w, registry, depth + 1);
  }
}

function hasAny(d: DocCtx, map: YAMLMap, keys: string[]): boolean {
  for (const k of keys) if (get(d, map, k) !== null) return true;
  return false;
}

function chartOf(w: ValuesWalk): { helmChart?: number } {
  return w.helmChart === undefined ? {} : { helmChart: w.helmChart };
}

/** A full reference under an image key. Helm values take any string under `image` (an invalid one is
 *  reported by the planner); `*Image` keys and custom resources need the value to look like an image. */
function acceptsFullRef(w: ValuesWalk, kind: 'image' | 'suffix', raw: string): boolean {
  if (hasTemplate(raw)) return true;
  if (w.context === 'helm-value' && kind === 'image') return true;
  return looksLikeImage(raw, kind === 'image' ? 'image-field' : 'named');
}

function composite(
  d: DocCtx,
  m: YAMLMap,
  w: ValuesWalk,
  inherited: TextValue | null,
  repoKey: 'repository' | 'name',
): void {
  const repo = textValue(d, get(d, m, repoKey));
  if (!repo) return;
  const registry = w.globalRegistry ?? textValue(d, get(d, m, 'registry')) ?? inherited;
  const tag = textValue(d, get(d, m, 'tag'));
  const digest = textValue(d, get(d, m, 'digest'));
  let raw = registry ? `${registry.raw.replace(TRAILING_SLASHES, '')}/${repo.raw}` : repo.raw;
  if (tag) raw += `:${tag.raw}`;
  if (digest) raw += `@${digest.raw}`;
  // Custom resources: only keep what is a template or a valid reference, never guess.
  if (w.context === 'operator' && !hasTemplate(raw) && !parseReference(raw).ok) return;
  addUse(d, repo, w.context, chartOf(w), raw);
}

// PodSpecs (replicatedhq/kots pkg/image finds images in them): the containers KOTS and kustomize rewrite, the workload that receives the
// pull secret, and the operator-style image references in container env and args.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { finding } from '../../finding.js';
import type { ImageContext, ImageUse } from '../../model-scan.js';
import { overlapping } from '../../template/kots.js';
import { classifyTemplating, hasTemplate } from '../../templates.js';
import { flagValueOffset, isImageEnvName, looksLikeImage } from '../image-like.js';
import {
  asMap,
  type DocCtx,
  get,
  keyString,
  posAt,
  seqItems,
  str,
  type TextValue,
  textValue,
} from './nodes.js';

/** The object that owns a PodSpec: the document itself, or one item of a `List`. */
export interface Owner {
  apiVersion: string;
  kind: string;
  kindOffset: number;
  name: string;
  namespace: TextValue | null;
}

const CONTAINER_LISTS: ReadonlyMap<string, ImageContext> = new Map([
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
]);

/** Records one image use; `shift` moves the position into the value (for `--flag=<image>`). */
export function addUse(
  d: DocCtx,
  tv: TextValue,
  context: ImageContext,
  extra: Pick<ImageUse, 'workload' | 'helmChart'> = {},
  raw: string = tv.raw,
  shift = 0,
): void {
  const use: ImageUse = {
    raw,
    templating: classifyTemplating(raw),
    pos: posAt(d, tv.offset + shift),
    context,
  };
  if (extra.workload !== undefined) use.workload = extra.workload;
  if (extra.helmChart !== undefined) use.helmChart = extra.helmChart;
  d.sink.uses.push(use);
}

/** A PodSpec is a map with at least one container list; anything else at a PodSpec path (a CRD's
 *  unrelated `spec.template.spec`) yields no workload. Returns true when a workload was recorded. */
export function scanPodSpec(d: DocCtx, podSpec: YAMLMap, owner: Owner, podSpecPath: string[]): boolean {
  // Container lists in source order, so uses come out in the order they are written.
  const lists: Array<[unknown, ImageContext]> = [];
  for (const pair of podSpec.items) {
    const context = CONTAINER_LISTS.get(keyString(pair) ?? '');
    if (context) lists.push([pair.value, context]);
  }
  if (lists.length === 0) return false;
  const workload = d.sink.workloads.length;
  let containerCount = 0;
  let collapses = false;
  for (const [node, context] of lists) {
    if (context === 'ephemeralContainer') continue;
    // Counted without following aliases, which would spend the alias budget the images need.
    const items = seqItems(d, node);
    containerCount += items.length;
    const nameless = namelessContainers(
      d,
      items.map((item) => (isMap(item) ? item : null)),
      context,
    );
    collapses ||= nameless;
  }
  d.sink.workloads.push({
    file: d.file,
    docIndex: d.docIndex,
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.name,
    ...(owner.namespace
      ? { namespace: owner.namespace.raw, namespacePos: posAt(d, owner.namespace.offset) }
      : {}),
    podSpecPath,
    ...(collapses ? { collapsesNameless: true as const } : {}),
    imagePullSecrets: pullSecretNames(d, podSpec),
    pos: posAt(d, owner.kindOffset),
    containerCount,
  });
  for (const [node, context] of lists) {
    for (const item of seqItems(d, node)) {
      const c = asMap(d, item);
      if (!c) continue;
      const node = get(d, c, 'image');
      const image = textValue(d, node) ?? renderedEmpty(d, node);
      if (image) addUse(d, image, context, { workload });
      scanContainerOperatorRefs(d, c, workload);
    }
  }
  return true;
}

/** Containers without `name`: the Kubernetes API rejects them, and kustomize's strategic-merge
 *  patches (KOTS's midstream patches them all) key containers by name, so two nameless ones in one
 *  list collapse into the last. */
function namelessContainers(d: DocCtx, items: Array<YAMLMap | null>, context: ImageContext): boolean {
  const nameless = items.filter((c): c is YAMLMap => c !== null && str(d, get(d, c, 'name')) === undefined);
  // One nameless container collapses with nothing; with block-level templates only one branch may render.
  if (nameless.length < 2 || d.problems.has('template at block level') || d.problems.has('parse error'))
    return false;
  const list = context === 'initContainer' ? 'initContainers' : 'containers';
  for (const c of nameless) {
    const more = `; kustomize's strategic-merge patches (KOTS patches every workload) key ${list} by name, so only the last of these ${nameless.length} nameless ones survives`;
    d.sink.findings.push(
      finding(
        'container-without-name',
        posAt(d, c.range?.[0] ?? 0),
        `a container in ${list} has no name${more}`,
      ),
    );
  }
  return true;
}

/** An image a template rendered to nothing (a Config item with no default): still an image use, which
 *  the rendered-file classification reports as written and dynamic. */
function renderedEmpty(d: DocCtx, node: Node | null): TextValue | null {
  if (!d.origin || !isScalar(node) || !node.range || (node.value !== null && node.value !== '')) return null;
  const [a, b] = node.range;
  const q = d.text[d.base + a] === '"' || d.text[d.base + a] === "'" ? 1 : 0;
  const at = d.base + a + q;
  const made = overlapping(d.origin.map, at, Math.max(at, d.base + b - q)).some((x) => x.action);
  return made ? { raw: '', offset: a, flowTemplate: false } : null;
}

function pullSecretNames(d: DocCtx, podSpec: YAMLMap): string[] | null {
  const node = get(d, podSpec, 'imagePullSecrets');
  if (node === null) return null;
  const names: string[] = [];
  for (const item of seqItems(d, node)) {
    const name = str(d, get(d, item, 'name'));
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Image references an operator container passes on: env values and args/command items. */
function scanContainerOperatorRefs(d: DocCtx, c: YAMLMap, workload: number): void {
  for (const item of seqItems(d, get(d, c, 'env'))) {
    const value = textValue(d, get(d, item, 'value'));
    if (!value) continue;
    const name = str(d, get(d, item, 'name'));
    const named = name !== undefined && isImageEnvName(name);
    if (hasTemplate(value.raw)) {
      // A named env takes any template; elsewhere only a wrapped literal proves it is an image.
      if (named || classifyTemplating(value.raw).kind === 'wrapped')
        addUse(d, value, 'operator', { workload });
    } else if (looksLikeImage(value.raw, named ? 'named' : 'anywhere')) {
      addUse(d, value, 'operator', { workload });
    }
  }
  for (const key of ['command', 'args']) {
    for (const item of seqItems(d, get(d, c, key))) {
      const tv = textValue(d, item);
      if (tv) scanArg(d, tv, workload);
    }
  }
}

/** One arg item: the whole item, or the value part of `--flag=<value>`, positioned at that part. */
function scanArg(d: DocCtx, tv: TextValue, workload: number): void {
  const off = flagValueOffset(tv.raw);
  const candidate = off >= 0 ? tv.raw.slice(off) : tv.raw;
  const isImage = hasTemplate(candidate)
    ? classifyTemplating(candidate).kind === 'wrapped'
    : looksLikeImage(candidate, 'anywhere');
  if (!isImage) return;
  addUse(d, tv, 'operator', { workload }, candidate, off >= 0 ? sourceShift(d, tv, off) : 0);
}

/** Offset in the source of character `off` of the value: exact for plain and quoted scalars without
 *  escapes before it; otherwise the value's start (a block scalar, an escape sequence). */
function sourceShift(d: DocCtx, tv: TextValue, off: number): number {
  const abs = d.base + tv.offset;
  const prefix = tv.raw.slice(0, off);
  if (d.text.startsWith(prefix, abs)) return off;
  const q = d.text[abs];
  if ((q === '"' || q === "'") && d.text.startsWith(prefix, abs + 1)) return off + 1;
  return 0;
}

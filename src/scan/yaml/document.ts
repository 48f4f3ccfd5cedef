// One YAML document → DocumentInfo, workloads and image uses. The walk visits only the paths that can
// hold images (PodSpecs, KOTS kinds, List items); custom resources are the one kind walked in full.

import type { Document, Node, YAMLMap } from 'yaml';
import { Composer, isScalar, isSeq, Parser } from 'yaml';
import { finding } from '../../finding.js';
import {
  IMAGE_RUNNER_COLLECTORS,
  isCollectorSpec,
  POD_SPEC_RUNNER_COLLECTORS,
} from '../../kots/collectors.js';
import { isKotsKind } from '../../kots/kinds.js';
import type { Finding } from '../../model.js';
import { type AnnotationInfo, type DocumentInfo, KOTS_API_V1, KOTS_API_V2 } from '../../model-scan.js';
import { overlapping } from '../../template/kots.js';
import { blankBlockTemplates, hasTemplate } from '../../templates.js';
import { firstLine } from '../../util.js';
import { collectSlots } from '../helm/image-slots.js';
import { slotUse } from '../helm/join.js';
import { convertTree } from '../helm/values-tree.js';
import { taintedSource } from '../rendered.js';
import { scanApplication, scanHelmChart } from './kots.js';
import { asMap, type DocCtx, get, keyString, posAt, seqItems, str, textValue, treeHooks } from './nodes.js';
import { addUse, type Owner, scanPodSpec } from './podspec.js';

const MAX_LIST_DEPTH = 10;
const CRONJOB_PODSPEC = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
const TEMPLATE_PODSPEC = ['spec', 'template', 'spec'];
const POD_PODSPEC = ['spec'];
/** API groups whose kinds are built in: their scalar fields are never operator image fields. */
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling']);
/** Groups whose resources KOTS or troubleshoot handle themselves: not operator custom resources. */
const NOT_OPERATOR_GROUPS = new Set(['kots.io', 'troubleshoot.sh', 'troubleshoot.replicated.com']);

type ParsedDoc = Document.Parsed;

/** Scans one composed document. Returns null for an empty document (only comments or `---`), which is
 *  not a document: it takes no docIndex. `d` arrives with contents/base unset; this fills them. */
export function scanDocument(d: DocCtx, doc: ParsedDoc): DocumentInfo | null {
  let parsed = doc;
  d.range = [doc.range[0], doc.range[2]];
  if (doc.errors.length > 0 && hasTemplate(d.text.slice(doc.range[0], doc.range[2]))) {
    // Whole-line templates (`repl{{ if … }}`) break the YAML; KOTS renders them away. Re-parse this
    // document alone with those lines blanked (offsets unchanged), so the images inside are still found.
    const { text: blanked, count } = blankBlockTemplates(d.text.slice(doc.range[0], doc.range[2]));
    if (count > 0) {
      const again = [...new Composer().compose(new Parser().parse(blanked))];
      const first = again[0];
      if (!first) return null;
      parsed = first;
      d.base = doc.range[0];
      d.problems.add('template at block level');
    }
  }
  const contents = parsed.contents as Node | null;
  const empty = contents === null || (isScalar(contents) && contents.value === null);
  if (empty && parsed.errors.length === 0 && d.problems.size === 0) return null;
  d.contents = contents;
  classifyErrors(d, parsed);
  const info: DocumentInfo = {
    docIndex: d.docIndex,
    pos: posAt(d, contents?.range?.[0] ?? parsed.range[0]),
    span: [doc.range[0], doc.range[2]],
  };
  const root = asMap(d, contents);
  if (root) {
    const apiVersion = str(d, get(d, root, 'apiVersion'));
    const kind = str(d, get(d, root, 'kind'));
    const meta = get(d, root, 'metadata');
    const name = str(d, get(d, meta, 'name'));
    const namespace = str(d, get(d, meta, 'namespace'));
    if (apiVersion !== undefined) info.apiVersion = apiVersion;
    else d.problems.add('no apiVersion');
    if (kind !== undefined) info.kind = kind;
    else d.problems.add('no kind');
    if (name !== undefined) info.name = name;
    // `namespace: ''` (what `{{repl Namespace }}` renders to here) is no namespace, as to kustomize.
    if (namespace) info.namespace = namespace;
    const annotations = get(d, meta, 'annotations');
    const exclude = annotationInfo(d, annotations, 'kots.io/exclude');
    if (exclude) info.exclude = exclude;
    const when = annotationInfo(d, annotations, 'kots.io/when');
    if (when) info.when = when;
    scanObject(d, root, [], 0);
  } else if (!empty) {
    d.problems.add('not a mapping');
  }
  if (d.problems.size > 0) info.problem = [...d.problems].join('; ');
  return info;
}

/** One annotation as yaml.v2 would see it (pkg/base/base.go decodes annotations into interface{}). */
function annotationInfo(d: DocCtx, annotations: Node | null, key: string): AnnotationInfo | undefined {
  const m = asMap(d, annotations);
  if (!m) return undefined;
  const pair = m.items.find((p) => keyString(p) === key);
  if (!pair) return undefined;
  const node = pair.value as Node | null;
  const pos = posAt(d, node?.range?.[0] ?? (pair.key as Node | null)?.range?.[0] ?? 0);
  if (node === null || isScalar(node)) {
    const tv = textValue(d, node);
    const plain = node === null || node.type === 'PLAIN';
    // Rendered with a placeholder: the value as written, which only the install can decide.
    const q = plain ? 0 : 1;
    const written =
      node?.range && taintedSource(d.origin, d.base + node.range[0] + q, d.base + node.range[1] - q);
    return { text: written || (tv?.raw ?? ''), plain, pos };
  }
  const tv = textValue(d, node);
  // An unquoted `{{repl … }}` reads as a flow map here but renders to a plain scalar in KOTS.
  if (tv?.flowTemplate) return { text: tv.raw, plain: true, pos };
  return { other: isSeq(node) ? '[]interface {}' : 'map[interface {}]interface {}', pos };
}

/** YAML errors: those on a line holding a KOTS template are the template's doing (KOTS renders it
 *  before parsing); the rest give one `yaml-parse-error` finding per document, at the first error. */
function classifyErrors(d: DocCtx, parsed: ParsedDoc): void {
  let first: Finding | null = null;
  let count = 0;
  const templateLines = new Map<number, boolean>();
  for (const e of parsed.errors) {
    const abs = d.base + e.pos[0];
    if (lineHasTemplate(d, abs, templateLines)) {
      d.problems.add('template makes the YAML invalid');
      continue;
    }
    count++;
    if (first) continue;
    const pos = posAt(d, lastContentBefore(d.text, d.base + e.pos[0]) - d.base);
    const msg = firstLine(e.message);
    first = finding('yaml-parse-error', pos, msg);
  }
  if (first) {
    if (count > 1) first.message += ` (and ${count - 1} more error${count > 2 ? 's' : ''} in this document)`;
    d.sink.findings.push(first);
    d.problems.add('parse error');
  }
}

/** yaml reports unterminated constructs at the end of input, which may be past the last line; point
 *  at the last non-blank character instead, so the position is always inside the file's text. */
function lastContentBefore(text: string, abs: number): number {
  if (/\S/.test(text.slice(abs, abs + 4096)) || (abs + 4096 < text.length && /\S/.test(text.slice(abs))))
    return abs;
  let i = Math.min(abs, text.length) - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  return Math.max(0, Math.min(abs, i));
}

/** One answer per line, found through the line index: a long line with thousands of errors (a line of
 *  `"`s) must not be rescanned for each error, which made the scan quadratic. */
function lineHasTemplate(d: DocCtx, abs: number, cache: Map<number, boolean>): boolean {
  const start = abs - d.lc.linePos(abs).col + 1;
  let known = cache.get(start);
  if (known === undefined) {
    let end = d.text.indexOf('\n', start);
    if (end < 0) end = d.text.length;
    // In a rendered file, what a placeholder printed (not the real value) may be what breaks the line.
    known = d.origin
      ? overlapping(d.origin.map, start, end).some((s) => s.placeholders.length > 0)
      : hasTemplate(d.text.slice(start, end));
    cache.set(start, known);
  }
  return known;
}

/** An object: the document root or an item of a List (`prefix` = ['items', '3'], …). */
function scanObject(d: DocCtx, root: YAMLMap, prefix: string[], depth: number): void {
  const kindNode = get(d, root, 'kind');
  const kind = str(d, kindNode);
  if (kind === undefined || !kindNode?.range) return;
  const apiVersion = str(d, get(d, root, 'apiVersion')) ?? '';
  if (kind === 'Secret' || kind === 'ConfigMap') return; // data is never an image
  const meta = get(d, root, 'metadata');
  const owner: Owner = {
    apiVersion,
    kind,
    kindOffset: kindNode.range[0],
    name: str(d, get(d, meta, 'name')) ?? '',
    namespace: textValue(d, get(d, meta, 'namespace')),
  };
  const group = apiGroup(apiVersion);
  // KOTS reads these itself and never deploys them (pkg/kotsutil/kots.go IsKotsKind).
  if (isKotsKind(apiVersion, kind)) {
    if (kind === 'Application' && apiVersion === KOTS_API_V1) scanApplication(d, root, owner);
    if (kind === 'HelmChart' && (apiVersion === KOTS_API_V1 || apiVersion === KOTS_API_V2)) {
      scanHelmChart(d, root, owner);
    }
    if (isCollectorSpec(apiVersion, kind)) scanCollectors(d, root);
    return;
  }
  const items = get(d, root, 'items');
  if (kind.endsWith('List') && items !== null) {
    if (depth >= MAX_LIST_DEPTH) return;
    seqItems(d, items).forEach((item, i) => {
      const m = asMap(d, item);
      if (m) scanObject(d, m, [...prefix, 'items', String(i)], depth + 1);
    });
    return;
  }
  const path = kind === 'Pod' ? POD_PODSPEC : kind === 'CronJob' ? CRONJOB_PODSPEC : TEMPLATE_PODSPEC;
  let podSpec: Node | null = root;
  for (const key of path) podSpec = get(d, podSpec, key);
  const podSpecMap = asMap(d, podSpec);
  if (podSpecMap) scanPodSpec(d, podSpecMap, owner, [...prefix, ...path]);
  if (isOperatorResource(group)) {
    // The whole object minus the PodSpec (scanned above); metadata is never an image (helm/image-slots.ts).
    const tree = convertTree(root, 0, treeHooks(d, podSpecMap ?? undefined));
    for (const slot of collectSlots(tree, { mode: 'operator' })) d.sink.uses.push(slotUse(slot, 'operator'));
  }
}

/** Collector images (pkg/kotsutil/kots.go GetImagesFromKotsKinds: ImageRunner and PodSpecRunner). */
function scanCollectors(d: DocCtx, root: YAMLMap): void {
  for (const item of seqItems(d, get(d, get(d, root, 'spec'), 'collectors'))) {
    for (const key of IMAGE_RUNNER_COLLECTORS) {
      const tv = textValue(d, get(d, get(d, item, key), 'image'));
      if (tv) addUse(d, tv, 'collector');
    }
    for (const key of POD_SPEC_RUNNER_COLLECTORS) {
      const podSpec = get(d, get(d, item, key), 'podSpec');
      for (const list of ['initContainers', 'containers']) {
        for (const c of seqItems(d, get(d, podSpec, list))) {
          const tv = textValue(d, get(d, c, 'image'));
          if (tv) addUse(d, tv, 'collector');
        }
      }
    }
  }
}

function apiGroup(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** A custom resource an operator reads: not a built-in kind, not KOTS or troubleshoot. */
function isOperatorResource(group: string): boolean {
  if (BUILTIN_GROUPS.has(group) || group.endsWith('.k8s.io') || group.endsWith('.kots.io')) return false;
  return !NOT_OPERATOR_GROUPS.has(group);
}

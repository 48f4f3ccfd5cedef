// KOTS custom resources (kots.io/v1beta1 and v1beta2 kinds): the Application (settings + additionalImages) and HelmChart
// v1beta1 / v1beta2 (chart identity, namespace, image values, whether a pull secret is passed).

import type { YAMLMap } from 'yaml';
import { type ApplicationSettings, type HelmChartInfo, KOTS_API_V1, KOTS_API_V2 } from '../../model-scan.js';
import { append } from '../../util.js';
import type { CrLayers } from '../helm/chart-images.js';
import { crUses } from '../helm/join.js';
import { convertTree, type ValueNode } from '../helm/values-tree.js';
import { asMap, type DocCtx, get, keyString, posAt, seqItems, str, textValue, treeHooks } from './nodes.js';
import { addUse, type Owner } from './podspec.js';

const PULL_SECRET_FN = 'ImagePullSecretName';

/** `kots.io/v1beta1 Application`. Only the first Application of a release counts (mergeScans). */
export function scanApplication(d: DocCtx, root: YAMLMap, owner: Owner): void {
  const spec = get(d, root, 'spec');
  const additionalNamespaces: string[] = [];
  const additionalNamespacePos: ApplicationSettings['additionalNamespacePos'] = [];
  for (const item of seqItems(d, get(d, spec, 'additionalNamespaces'))) {
    const tv = textValue(d, item);
    if (!tv) continue;
    additionalNamespaces.push(tv.raw);
    additionalNamespacePos.push(posAt(d, tv.offset));
  }
  const excludedImages: string[] = [];
  for (const item of seqItems(d, get(d, spec, 'excludedImages'))) {
    const s = str(d, item);
    if (s !== undefined) excludedImages.push(s);
  }
  const app: ApplicationSettings = {
    pos: posAt(d, owner.kindOffset),
    additionalNamespaces,
    additionalNamespacePos,
    excludedImages,
    proxyPublicImages: str(d, get(d, spec, 'proxyPublicImages')) === 'true',
  };
  const proxyDomain = str(d, get(d, spec, 'proxyRegistryDomain'));
  if (proxyDomain !== undefined) app.proxyRegistryDomain = proxyDomain;
  const registryDomain = str(d, get(d, spec, 'replicatedRegistryDomain'));
  if (registryDomain !== undefined) app.replicatedRegistryDomain = registryDomain;
  // Keep the first Application of the file; mergeScans keeps the first of the release.
  d.sink.application ??= app;
  for (const item of seqItems(d, get(d, spec, 'additionalImages'))) {
    const tv = textValue(d, item);
    if (tv) addUse(d, tv, 'additionalImage');
  }
}

/** `kots.io/v1beta1` or `kots.io/v1beta2` HelmChart. Containers inside its values are helm values,
 *  never PodSpecs of the HelmChart. */
export function scanHelmChart(d: DocCtx, root: YAMLMap, owner: Owner): void {
  const v2 = owner.apiVersion === KOTS_API_V2;
  const spec = get(d, root, 'spec');
  const chart = get(d, spec, 'chart');
  const ns = textValue(d, get(d, spec, 'namespace'));
  const info: HelmChartInfo = {
    file: d.file,
    apiVersion: v2 ? KOTS_API_V2 : KOTS_API_V1,
    name: owner.name,
    chartName: str(d, get(d, chart, 'name')) ?? '',
    pos: posAt(d, owner.kindOffset),
    passesPullSecret: false,
  };
  const chartKey = asMap(d, spec)?.items.find((pair) => keyString(pair) === 'chart')?.key as
    | { range?: [number, number, number] }
    | undefined;
  if (chartKey?.range) info.chartPos = posAt(d, chartKey.range[0]);
  const chartVersion = str(d, get(d, chart, 'chartVersion'));
  if (chartVersion !== undefined) info.chartVersion = chartVersion;
  // v1 keeps releaseName under chart, v2 directly under spec; accept either place for both.
  const releaseName = v2
    ? (str(d, get(d, spec, 'releaseName')) ?? str(d, get(d, chart, 'releaseName')))
    : (str(d, get(d, chart, 'releaseName')) ?? str(d, get(d, spec, 'releaseName')));
  if (releaseName !== undefined) info.releaseName = releaseName;
  if (!v2 && str(d, get(d, spec, 'useHelmInstall')) === 'true') info.useHelmInstall = true;
  const exclude = str(d, get(d, spec, 'exclude'));
  if (exclude !== undefined) info.exclude = exclude;
  if (ns) {
    info.namespace = ns.raw;
    info.namespacePos = posAt(d, ns.offset);
  }
  const helmChart = d.sink.helmCharts.length;
  d.sink.helmCharts.push(info);
  // `values` is layer 1, each optionalValues entry layer 2: an optional value outranks the one it replaces.
  const hooks = treeHooks(d);
  const layers: CrLayers = { values: convertTree(get(d, spec, 'values'), 1, hooks), optional: [] };
  for (const opt of seqItems(d, get(d, spec, 'optionalValues'))) {
    const when = str(d, get(d, opt, 'when'));
    layers.optional.push({
      values: convertTree(get(d, opt, 'values'), 2, hooks),
      recursiveMerge: str(d, get(d, opt, 'recursiveMerge')) === 'true',
      ...(when !== undefined ? { when } : {}),
    });
  }
  d.sink.chartLayers.push(layers);
  info.passesPullSecret =
    [layers.values, ...layers.optional.map((o) => o.values)].some(mentionsPullSecret) || rendersPullSecret(d);
  const { uses, pullSecrets } = crUses(layers, helmChart);
  append(d.sink.uses, uses);
  if (pullSecrets.length > 0) info.pullSecretValues = pullSecrets;
}

/** In a rendered file: an ImagePullSecretName action printed into this document. */
function rendersPullSecret(d: DocCtx): boolean {
  const [start, end] = d.range ?? [0, 0];
  return (
    d.origin?.map.some(
      (s) => s.outStart >= start && s.outStart < end && s.pipes.some((p) => p.includes(PULL_SECRET_FN)),
    ) ?? false
  );
}

/** Any string leaf that calls ImagePullSecretName (KOTS renders it to the pull secret's name). */
function mentionsPullSecret(node: ValueNode): boolean {
  if (node.kind === 'scalar') return typeof node.value === 'string' && node.value.includes(PULL_SECRET_FN);
  if (node.kind === 'seq') return node.items.some(mentionsPullSecret);
  if (node.kind === 'map') return [...node.entries.values()].some(mentionsPullSecret);
  return false;
}

// What the scanner finds in a release (walk → parse → extract): image uses with their context and
// templating, workloads, documents, the Application and HelmChart CRs, gathered in one ScanResult.
// Plain data, like everything in model.ts.

import type { Finding, SourcePos } from './model.js';
import type { ConfigGroup } from './template/kots-config.js';

/** Where in a manifest an image string was found; decides whether KOTS rewrites it. */
export type ImageContext =
  | 'container' // containers[] of a PodSpec KOTS scans
  | 'initContainer'
  | 'ephemeralContainer' // scanned by kustomize configurations only; KOTS ignores it
  | 'additionalImage' // Application spec.additionalImages: checked, never rewritten
  | 'helm-value' // a HelmChart CR value or a chart's values.yaml
  | 'helm-template' // a literal image written in a chart template
  | 'collector' // a preflight / support-bundle collector's image (KOTS rewrites it when it runs it)
  | 'operator'; // env value, arg, or custom resource field outside any PodSpec

/** A KOTS template in an image value. `wrapped` templates (`LocalImageName "x"`, `ReplicatedImageName
 *  "x"`) name a literal image we can still check; `dynamic` ones only KOTS can resolve. */
export type Templating =
  | { kind: 'none' }
  | { kind: 'dynamic' }
  | { kind: 'wrapped'; fn: 'LocalImageName' | 'ReplicatedImageName'; literal: string }
  /** The repository is written out; only the tag or digest is a template the install decides (KOTS's
   *  rewrite and the overlay's `images:` match by name, so the image is checked and rewritten by it). */
  | { kind: 'tag-only'; repository: string };

export interface ImageUse {
  /** The scalar's value exactly as written (after YAML unquoting). */
  raw: string;
  templating: Templating;
  pos: SourcePos;
  context: ImageContext;
  /** Index into ScanResult.workloads for images inside a PodSpec. */
  workload?: number;
  /** The template actions (as written) KOTS renders, with the Config defaults, into this value. */
  resolvedFrom?: string[];
  /** Index into ScanResult.helmCharts for helm-value / helm-template uses. */
  helmChart?: number;
  /** Found in the objects Helm rendered (not approximated): a v1 chart's objects are in the overlay. */
  rendered?: true;
  /** For helm-value uses: an enclosing values map sets `enabled: false`. */
  switchedOff?: true;
  /** For helm-value uses: where the image sits in the chart's values, so that a values override (the
   *  generated `helmchart-<name>.values.yaml`) can reach it. */
  helmValue?: HelmValueSlot;
}

/** Where a Helm values image lives (paths are values paths in the top chart's namespace). */
/** @public */
export interface HelmValueSlot {
  /** Path of the image key, e.g. ['redis', 'image']. */
  path: string[];
  /** The key that names the repository: `image` (the value is a full reference), `repository` or `name`. */
  repoKey: 'image' | 'repository' | 'name';
  /** Path of the value that supplies the registry (`global.imageRegistry`, the map's `registry`, an
   *  enclosing `imageRegistry`), when one does. */
  registryPath?: string[];
  /** The path goes through a list item: no values override can reach it without replacing the list. */
  inList?: true;
  /** Set when the value at `path` is only the leading part of the image name, up to a `/` (Istio's
   *  `global.hub`): its length; the chart's template writes the rest of the name after it. */
  prefixLength?: number;
}

/** A Kubernetes object that runs containers: the target of an imagePullSecrets patch. */
export interface Workload {
  file: string;
  /** Index into ScanResult.helmCharts for the objects Helm rendered for a v1 chart. */
  helmChart?: number;
  /** 0-based index of the document in its file. */
  docIndex: number;
  apiVersion: string;
  kind: string;
  name: string;
  /** `metadata.namespace` as written; absent means the app namespace. */
  namespace?: string;
  namespacePos?: SourcePos;
  /** Path from the document root to the PodSpec, e.g. ['spec', 'template', 'spec']. */
  podSpecPath: string[];
  /** Names in the PodSpec's imagePullSecrets; null when the field is absent. */
  imagePullSecrets: string[] | null;
  /** Position of the document's `kind:` value, where workload-level findings point. */
  pos: SourcePos;
  /** containers + initContainers items (KOTS's ListImages has one entry each, image or not). */
  containerCount?: number;
  /** The sub-base of a useHelmInstall chart's object (helmSubBase); absent: the chart's own base. */
  helmBase?: string;
  /** A container list holds two or more nameless containers, which a strategic-merge patch collapses. */
  collapsesNameless?: true;
}

/** One YAML document, as far as the overlay needs to know it. */
export interface DocumentInfo {
  docIndex: number;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** Start of the document, for findings about the whole document. */
  pos: SourcePos;
  /** Why kustomize cannot take this document, if it cannot (parse error, no kind, template at block level). */
  problem?: string;
  /** Offsets [start, end) of the document in the file's text (BOM removed), for a filtered copy. */
  span?: [number, number];
  /** `kots.io/exclude` and `kots.io/when` annotations as written. */
  exclude?: AnnotationInfo;
  when?: AnnotationInfo;
}

/** An annotation value as written: its text and whether it was a plain scalar, or `other` (the Go
 *  type name yaml.v2 gives a non-scalar). */
export type AnnotationInfo = ({ text: string; plain: boolean } | { other: string }) & { pos: SourcePos };

/** @public */
export interface ScannedFile {
  file: string;
  documents: DocumentInfo[];
  /** The file as KOTS deploys it, when that is not the file as written: the rendering of its KOTS
   *  templates with the Config defaults (document offsets then point into this text), or the objects
   *  Helm rendered for a v1 chart (made in memory; `chart` names the HelmChart CR), which the overlay
   *  takes through a copy. */
  rendered?: { text: string; chart?: string };
}

export interface ApplicationSettings {
  pos: SourcePos;
  additionalNamespaces: string[];
  /** Position of each namespace entry, parallel to additionalNamespaces. */
  additionalNamespacePos: SourcePos[];
  excludedImages: string[];
  proxyPublicImages: boolean;
  /** Deprecated Application fields that still change what KOTS writes. */
  proxyRegistryDomain?: string;
  replicatedRegistryDomain?: string;
}

/** HelmChart CR versions: v1 charts KOTS rewrites itself, v2 charts it installs with their own values. */
export const KOTS_API_V1 = 'kots.io/v1beta1';
export const KOTS_API_V2 = 'kots.io/v1beta2';

export interface HelmChartInfo {
  file: string;
  apiVersion: typeof KOTS_API_V1 | typeof KOTS_API_V2;
  name: string;
  chartName: string;
  chartVersion?: string;
  releaseName?: string;
  namespace?: string;
  namespacePos?: SourcePos;
  pos: SourcePos;
  /** The chart's values declare Bitnami's `global.security.allowInsecureImages`, which its
   *  templates require before they render images other than the ones they ship with. */
  insecureImagesSwitch?: true;
  /** Position of the `chart:` key, where findings about rendering the chart point. */
  chartPos?: SourcePos;
  /** True when any value (values or optionalValues) is a template with ImagePullSecretName. */
  passesPullSecret: boolean;
  /** v1 `spec.useHelmInstall: true`: KOTS gives the chart its own midstream and pull secret. */
  useHelmInstall?: true;
  /** A rendered useHelmInstall chart's sub-bases (subchart names, `crds`), each with its own
   *  midstream and pull secret. */
  subBases?: string[];
  /** `spec.exclude` as written. */
  exclude?: string;
  /** Values keys named `imagePullSecrets` / `pullSecrets` that hold a list (chart archive and CR values),
   *  with the secret names they list by default. */
  pullSecretValues?: Array<{ path: string[]; names: string[]; strings: boolean }>;
}

export interface ScanResult {
  files: ScannedFile[];
  uses: ImageUse[];
  workloads: Workload[];
  application?: ApplicationSettings;
  helmCharts: HelmChartInfo[];
  findings: Finding[];
  /** The release's Config CR groups (the first Config), which KOTS's templates read. */
  config?: ConfigGroup[];
  /** Chart archives of the release (set when a release was walked, even if it has none). */
  chartArchives?: Array<{ file: string; name: string; version: string }>;
}

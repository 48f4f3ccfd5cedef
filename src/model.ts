// The data that flows through the pipeline (see architecture: walk → parse → extract → check → plan →
// render → publish). Every type here is plain data: no methods, no I/O handles, so each stage can be
// tested with literals and the report can be serialised deterministically.

import type { Level, RuleId } from './rules.js';
import type { ConfigGroup } from './template/kots-config.js';

export type { Level, RuleId };

/** 1-based line and column of the first character of a value (its opening quote if quoted). */
export interface SourcePos {
  /** Relative to the working directory, `/` separators. For a file inside a chart archive:
   *  `<archive>!<path in archive>`. */
  file: string;
  line: number;
  column: number;
}

export interface Finding extends SourcePos {
  rule: RuleId;
  level: Level;
  message: string;
}

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

/** @public */
export type ImageStatus =
  | 'public'
  | 'private'
  | 'not-found'
  | 'unreachable'
  | 'rate-limited'
  | 'unknown'
  | 'dynamic';

/** @public */
export type CredentialsVerdict = 'ok' | 'rejected' | 'none' | 'not-checked';

/** What the registry check concluded for one normalized reference. */
export interface AccessVerdict {
  status: Exclude<ImageStatus, 'dynamic'>;
  credentials: CredentialsVerdict;
  /** One line explaining a non-public verdict, e.g. `401 from 127.0.0.1:5002 (insufficient_scope)`.
   *  Never contains a credential. */
  reason?: string;
}

/** One image of the JSON report. */
export interface ReportImage {
  image: string;
  normalized?: string;
  status: ImageStatus;
  credentials: CredentialsVerdict;
  proxy: string | null;
  /** Why the image got a non-public status, one line (a documented addition to the report). */
  reason?: string;
  locations: SourcePos[];
}

export interface Report {
  version: 1;
  appSlug: string;
  proxyDomain: string;
  images: ReportImage[];
  findings: Finding[];
  /** Paths of generated files, relative to the working directory, `/` separators. */
  generated: string[];
}

/** A file to write under the output directory; `path` is relative to the working directory. */
export interface GeneratedFile {
  path: string;
  content: string;
}

// The plan: what the checked images mean, and what the renderers write.

/** The effective settings once the Application CR is taken into account. */
export interface Effective {
  appSlug: string;
  proxyDomain: string;
  registryDomain?: string;
  proxyPublicImages: boolean;
  excluded: ReadonlySet<string>;
}

export interface ImageRewrite {
  /** Tag-less name exactly as written (kustomize matches the literal text). */
  name: string;
  newName: string;
}

export interface Plan {
  effective: Effective;
  /** The report's images: `proxy` is what KOTS rewrites an image to (null where only the overlay does). */
  images: ReportImage[];
  /** Whether any workload or chart pulls through the proxy, so the pull-secret template is needed. */
  needsPullSecret: boolean;
  findings: Finding[];
  rewrites: ImageRewrite[];
  overlay: OverlayPlan;
  /** One values file per HelmChart v2 that needs values to reach the proxy or the pull secret. */
  helmValues: HelmValuesPlan[];
}

/** A value the generated `helmchart-<name>.values.yaml` sets, at a values path. */
export type HelmValue = string | Array<string | { name: string }>;

export interface HelmValuesPlan {
  chart: HelmChartInfo;
  /** File name inside the output directory, unique within the run. */
  fileName: string;
  /** In the order they are set; a later path below an earlier leaf replaces it. */
  sets: Array<{ path: string[]; value: HelmValue }>;
  /** What no value can fix (list items, images written in templates), one line each. */
  notes: string[];
}

/** A document the overlay removes with a `$patch: delete` (KOTS custom resources are not deployed). */
export interface ObjectId {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A JSON6902 `add` on one workload's PodSpec. `append` when imagePullSecrets already exists. */
export interface PullSecretPatch extends ObjectId {
  /** JSON pointer of the imagePullSecrets field relative to the object, e.g. `/spec/template/spec/imagePullSecrets`. */
  path: string;
  append: boolean;
  secretName: string;
  /** KOTS patches with a strategic merge, which collapses nameless containers into the last of
   *  their list: the overlay applies an empty strategic-merge patch first to do the same. */
  collapseNameless?: true;
}

export interface OverlayPlan {
  /** Release files the overlay lists as resources, in scan order. */
  resources: string[];
  deletes: ObjectId[];
  patches: PullSecretPatch[];
  /** Namespaces besides the app's own that need the pull secret (sorted). */
  secretNamespaces: string[];
  /** True when an ephemeralContainer runs a proxied image: the overlay then needs `configurations`. */
  rewritesEphemeral: boolean;
  /** Release files the overlay takes through a filtered copy (listed in `resources` by their copy). */
  copies: FilteredCopy[];
  /** Generated strategic-merge patch files: later same-named documents, merged onto the first. */
  mergePatches: string[];
  /** The own pull secrets of v1 charts with `useHelmInstall: true` (name, chart namespace). */
  chartSecrets: Array<{ name: string; namespace?: string }>;
  findings: Finding[];
}

/** A copy of a release file, minus the documents KOTS does not deploy, written under OUT/. */
export interface FilteredCopy {
  /** Release file (relative to the working directory). */
  source: string;
  /** Generated path (relative to the working directory). */
  path: string;
  /** Offsets [start, end) of the documents to keep, in the file's text (BOM removed), or in its
   *  rendering when `rendered` (ScannedFile.rendered). */
  keep: Array<[number, number]>;
  /** The text the copy is made from when it is not the release file as written: its KOTS templates
   *  rendered, or a v1 chart's rendered objects (with the HelmChart CR it was rendered for). */
  rendered?: { text: string; chart?: string };
}

/** Settings every stage after the scan needs; built once from CLI flags or action inputs. */
export interface RunOptions {
  appSlug: string;
  proxyDomain: string;
  /** Set when the user gave --proxy-domain; otherwise the Application's proxyRegistryDomain may apply. */
  proxyDomainExplicit: boolean;
  registryDomain?: string;
  privateRegistries: string[];
  publicRegistries: string[];
  insecureRegistries: string[];
  /** Hosts that may resolve to internal addresses; every other host must resolve to a public one. */
  allowRegistries: string[];
  offline: boolean;
  /** Registry requests in flight at once, across all registries. */
  concurrency: number;
  /** Registry requests in flight at once to any one registry (at most `concurrency`). */
  perRegistryConcurrency: number;
  /** Seconds the registry phase may take in all. */
  timeoutS: number;
  /** Release paths whose real path lies outside this directory (relative to the working directory)
   *  are skipped, never read. */
  root: string;
  outDir: string;
  /** `--helm PATH` / input `helm`: the helm binary to render charts with (else `helm` on PATH). */
  helmPath?: string;
  /** `.replicated` `charts:`: chart directories (paths relative to the working directory, globs
   *  allowed) packaged as KOTS receives them and scanned as chart archives. */
  charts?: Array<{ path: string; chartVersion?: string; appVersion?: string }>;
}

/** Structured progress and diagnostics; the CLI writes to stderr, the action to the job log. */
export interface Logger {
  info(message: string): void;
  debug(message: string): void;
  warning(message: string): void;
}

/** A user mistake (bad flag, unreadable file): exit 2 / setFailed with this message. Bugs are other errors. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One image the registry check must classify, keyed by its normalized reference string. */
export interface CheckTarget {
  /** Normalized reference, e.g. `docker.io/library/nginx:1.25` or `quay.io/a/b@sha256:…`. */
  key: string;
  /** Registry host as normalized (`docker.io`, `127.0.0.1:5000`); the client maps docker.io to its API host. */
  domain: string;
  /** Repository path on that registry, e.g. `library/nginx`. */
  repository: string;
  /** Digest when the reference has one (it decides what is pulled), else the tag. */
  reference: string;
}

/** The registry adapter: the only stage that talks to the network. */
export interface RegistryChecker {
  check(targets: CheckTarget[]): Promise<Map<string, AccessVerdict>>;
}

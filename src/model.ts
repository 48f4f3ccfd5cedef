// The data that flows through the pipeline (see architecture: walk → parse → extract → check → plan →
// render → publish). Every type here is plain data: no methods, no I/O handles, so each stage can be
// tested with literals and the report can be serialised deterministically.

/** Severity, in the order GitHub ranks annotations. */
export type Level = 'error' | 'warning' | 'notice';

/** The finding rules of interface.md, plus the additions documented in the README. */
export const RULE_LEVELS = {
  'image-needs-proxy': 'notice',
  'credentials-missing': 'warning',
  'credentials-rejected': 'error',
  'image-not-found': 'error',
  'image-unreachable': 'warning',
  'rate-limited': 'warning',
  'invalid-image-reference': 'error',
  'dynamic-image': 'notice',
  'namespace-not-in-additional-namespaces': 'error',
  'image-not-rewritten-by-kots': 'warning',
  'operator-image-reference': 'warning',
  'helm-v2-image-not-proxied': 'warning',
  'helm-v2-missing-pull-secret': 'warning',
  'proxy-reference-mismatch': 'error',
  'yaml-parse-error': 'error',
  // Additions (README, "Extra findings"):
  /** A document the overlay cannot include (no kind, duplicate id, template at block level). */
  'overlay-excluded-document': 'warning',
  /** A namespace given as a KOTS template: only KOTS can tell whether it is covered. */
  'dynamic-namespace': 'notice',
  /** A path skipped while walking (symlink out of the tree, loop, unreadable file). */
  'path-skipped': 'warning',
  /** A proxied image kustomize cannot match by name (an IPv6 registry), so no overlay rewrites it. */
  'overlay-cannot-rewrite': 'warning',
  /** `kots.io/exclude` / `kots.io/when` that only the install can decide (a template). */
  'dynamic-exclude': 'notice',
  /** `kots.io/exclude` / `kots.io/when` that is not a Go bool: KOTS fails the whole render. */
  'invalid-exclude-annotation': 'error',
  /** A HelmChart CR whose chart archive (name and chartVersion) is not in the release: KOTS fails. */
  'helm-chart-archive-missing': 'error',
  /** An image listed in excludedImages: KOTS still deploys (and proxies) it; only air gap skips it. */
  'excluded-image-still-deployed': 'notice',
  /** A container without `name`: kustomize's strategic-merge patches key containers by name. */
  'container-without-name': 'warning',
  /** A collector image whose proxy rewrite at preflight/support-bundle time is broken (digest, port). */
  'collector-image-rewrite-broken': 'warning',
} as const satisfies Record<string, Level>;

export type RuleId = keyof typeof RULE_LEVELS;

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
  | { kind: 'wrapped'; fn: 'LocalImageName' | 'ReplicatedImageName'; literal: string };

export interface ImageUse {
  /** The scalar's value exactly as written (after YAML unquoting). */
  raw: string;
  templating: Templating;
  pos: SourcePos;
  context: ImageContext;
  /** Index into ScanResult.workloads for images inside a PodSpec. */
  workload?: number;
  /** Index into ScanResult.helmCharts for helm-value / helm-template uses. */
  helmChart?: number;
  /** For helm-value uses: an enclosing values map sets `enabled: false`. */
  switchedOff?: true;
  /** For helm-value uses: where the image sits in the chart's values, so that a values override (the
   *  generated `helmchart-<name>.values.yaml`) can reach it. */
  helmValue?: HelmValueSlot;
}

/** Where a Helm values image lives (paths are values paths in the top chart's namespace). */
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
}

/** A Kubernetes object that runs containers: the target of an imagePullSecrets patch. */
export interface Workload {
  file: string;
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

export interface ScannedFile {
  file: string;
  documents: DocumentInfo[];
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

export interface HelmChartInfo {
  file: string;
  apiVersion: 'kots.io/v1beta1' | 'kots.io/v1beta2';
  name: string;
  chartName: string;
  chartVersion?: string;
  releaseName?: string;
  namespace?: string;
  namespacePos?: SourcePos;
  pos: SourcePos;
  /** True when any value (values or optionalValues) is a template with ImagePullSecretName. */
  passesPullSecret: boolean;
  /** v1 `spec.useHelmInstall: true`: KOTS gives the chart its own midstream and pull secret. */
  useHelmInstall?: true;
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
  /** Chart archives of the release (set when a release was walked, even if it has none). */
  chartArchives?: Array<{ file: string; name: string; version: string }>;
}

export type ImageStatus =
  | 'public'
  | 'private'
  | 'not-found'
  | 'unreachable'
  | 'rate-limited'
  | 'unknown'
  | 'dynamic';

export type CredentialsVerdict = 'ok' | 'rejected' | 'none' | 'not-checked';

/** What the registry check concluded for one normalized reference. */
export interface AccessVerdict {
  status: Exclude<ImageStatus, 'dynamic'>;
  credentials: CredentialsVerdict;
  /** One line explaining a non-public verdict, e.g. `401 from 127.0.0.1:5002 (insufficient_scope)`.
   *  Never contains a credential. */
  reason?: string;
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
  offline: boolean;
  concurrency: number;
  outDir: string;
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

// What the planner decides from the scan and the verdicts: the effective settings, the rewrites, the
// overlay and the HelmChart v2 values files the renderers write. Plain data, like everything in
// model.ts.

import type { Finding, ReportImage } from './model.js';
import type { HelmChartInfo } from './model-scan.js';

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

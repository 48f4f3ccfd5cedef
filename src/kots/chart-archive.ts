// Whether KOTS finds a HelmChart CR's chart archive. Mirrors replicatedhq/kots pkg/base/replicated.go
// `FindHelmChartArchiveInRelease`: an archive matches only when its Chart.yaml `name` equals
// `spec.chart.name` and its `version` equals `spec.chart.chartVersion` exactly (a missing
// chartVersion is "" and matches nothing). With no match KOTS fails the install with
// "unable to find helm chart archive for chart name <n>, version <v>" (renderReplicatedHelmChart for
// v1 charts, pkg/apparchive/helm-v1beta2.go WriteV1Beta2HelmCharts for v2). A chart of either
// version whose `spec.exclude` is true is skipped before the lookup.

import { parseGoBool } from './exclude.js';

export interface ArchiveIdentity {
  name: string;
  version: string;
}

export function findHelmChartArchive<T extends ArchiveIdentity>(
  archives: readonly T[],
  chartName: string,
  chartVersion: string | undefined,
): T | undefined {
  return archives.find((a) => a.name === chartName && a.version === (chartVersion ?? ''));
}

/** The error KOTS stops with. */
export function missingArchiveMessage(chartName: string, chartVersion: string | undefined): string {
  return `unable to find helm chart archive for chart name ${chartName}, version ${chartVersion ?? ''}`;
}

/** `spec.exclude` when it is a literal Go bool; undefined when absent or templated. */
export function literalExclude(exclude: string | undefined): boolean | undefined {
  return exclude === undefined ? undefined : parseGoBool(exclude.trim());
}

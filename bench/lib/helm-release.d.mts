// Types for helm-release.mjs (the benchmark runs as plain JavaScript; tests import it from TypeScript).
export interface BenchChart {
  /** A directory of test/fixtures/charts/ that pack.sh packs, or else `archive`. */
  fixture?: string;
  /** A shipped archive, relative to the repository root. */
  archive?: string;
  name: string;
  version: string;
  apiVersion: 'kots.io/v1beta1' | 'kots.io/v1beta2';
  values: Record<string, unknown>;
  expectImage: string;
}
export interface BenchEntry {
  chart: BenchChart;
  archive: string;
  crName: string;
  releaseName: string;
  namespace: string;
  values: Record<string, unknown>;
}
export const BENCH_NAMESPACE: string;
export const HELM_BENCH_CHARTS: BenchChart[];
export function benchNames(chart: BenchChart): { crName: string; releaseName: string };
export function helmChartCr(chart: BenchChart): Record<string, unknown>;
export function generateHelmRelease(dir: string): BenchEntry[];

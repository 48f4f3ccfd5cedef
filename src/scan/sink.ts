// What the extractors of one file write into: scan/index.ts turns it into that file's ScanResult.
import type { Finding } from '../model.js';
import type { ApplicationSettings, HelmChartInfo, ImageUse, Workload } from '../model-scan.js';
import type { CrLayers } from './helm/chart-images.js';

/** Everything the extractors write into while scanning one file. */
export interface ScanSink {
  uses: ImageUse[];
  workloads: Workload[];
  helmCharts: HelmChartInfo[];
  /** The values layers of each HelmChart CR, parallel to helmCharts (for the chart archive join). */
  chartLayers: CrLayers[];
  application?: ApplicationSettings;
  findings: Finding[];
}

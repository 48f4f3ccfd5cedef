// Helm rendering: the helm binary at the edge (locate, render, traced render) and the pure pieces
// (manifest splitting, the values KOTS passes, value markers and tracing).
export { renderChartsTraced } from './charts.js';
export { HelmError, isHelmError } from './errors.js';
export { type ChartValuesSource, chartValueLayers } from './layers.js';
export {
  type HelmBinary,
  helmVersion,
  locateHelm,
  parseHelmMajor,
} from './locate.js';
export { ManifestParseError, parseRenderedManifests } from './manifests.js';
export {
  chooseMarkerPrefix,
  formatValuePath,
  markValues,
} from './markers.js';
export {
  KOTS_NAMESPACE_TEMPLATE,
  renderChart,
} from './render.js';
export {
  alignManifests,
  imageParts,
  traceImage,
  traceString,
} from './trace.js';
export {
  renderChartTraced,
  traceImageAt,
} from './traced-render.js';
export {
  ChartValuesError,
  kotsChartValues,
  mergeHelmChartValues,
  parseGoBool,
} from './values-merge.js';

// Helm rendering: the helm binary at the edge (locate, render, traced render) and the pure pieces
// (manifest splitting, the values KOTS passes, value markers and tracing).
export {
  type ChartRenderJob,
  DEFAULT_CHART_CONCURRENCY,
  type RenderManyOptions,
  renderChartsTraced,
} from './charts.js';
export { HelmError, type HelmErrorCode, isHelmError } from './errors.js';
export { type ChartLayersResult, type ChartValuesSource, chartValueLayers } from './layers.js';
export {
  type HelmBinary,
  helmVersion,
  type LocateHelmOptions,
  locateHelm,
  parseHelmMajor,
} from './locate.js';
export { ManifestParseError, parseRenderedManifests, type RenderedManifest } from './manifests.js';
export {
  chooseMarkerPrefix,
  formatValuePath,
  imageLikeLeaf,
  type MarkedLeaf,
  type MarkedValues,
  markValues,
  type ValueLayer,
  type ValuePath,
} from './markers.js';
export {
  DEFAULT_MAX_OUTPUT_BYTES,
  DEFAULT_RENDER_TIMEOUT_MS,
  KOTS_NAMESPACE_TEMPLATE,
  type RenderChartOptions,
  type RenderChartResult,
  renderChart,
} from './render.js';
export {
  alignManifests,
  type Contribution,
  type ImagePart,
  type ImageTrace,
  imageParts,
  type StringTrace,
  traceImage,
  traceString,
  valueAt,
} from './trace.js';
export {
  type ChartTrace,
  type RenderedLocation,
  renderChartTraced,
  type TracedRenderOptions,
  type TracedRenderResult,
  traceImageAt,
} from './traced-render.js';
export {
  ChartValuesError,
  type HelmChartValuesSpec,
  kotsChartValues,
  mergeHelmChartValues,
  type OptionalValuesEntry,
  parseGoBool,
  type RenderString,
  type Values,
} from './values-merge.js';

// The release name KOTS renders a chart with (replicatedhq/kotskinds apis/kots/v1beta1
// helmchart_types.go GetDirName / GetReleaseName; v1beta2 GetReleaseName).
import { describe, expect, it } from 'vitest';
import { type HelmChartInfo, KOTS_API_V1, KOTS_API_V2 } from '../../src/model-scan.js';
import { kotsReleaseName } from '../../src/scan/rendered-charts.js';

const chart = (extra: Partial<HelmChartInfo>): HelmChartInfo => ({
  file: 'c.yaml',
  apiVersion: KOTS_API_V1,
  name: 'cr-name',
  chartName: 'chart-name',
  pos: { file: 'c.yaml', line: 1, column: 1 },
  passesPullSecret: false,
  ...extra,
});

describe('kotsReleaseName', () => {
  it.each([
    ['v1 without releaseName: the CR metadata.name', chart({}), 'cr-name'],
    ['v1 with chart.releaseName', chart({ releaseName: 'rel' }), 'rel'],
    ['v2 without releaseName: the chart name', chart({ apiVersion: KOTS_API_V2 }), 'chart-name'],
    ['v2 with releaseName', chart({ apiVersion: KOTS_API_V2, releaseName: 'rel2' }), 'rel2'],
    ['an empty releaseName counts as none', chart({ releaseName: '' }), 'cr-name'],
  ])('%s', (_name, c, want) => {
    expect(kotsReleaseName(c)).toBe(want);
  });
});

// Chart directories packaged in memory: the bytes must read back through the same archive reader
// real `.tgz` files go through (Helm's loader rules, pkg/chart/loader/archive.go) and be reproducible.
import { describe, expect, it } from 'vitest';
import { readChartArchive } from '../../../src/scan/helm/archive.js';
import { overrideChartYaml, packChart } from '../../../src/scan/helm/pack.js';

const enc = (s: string) => Buffer.from(s, 'utf8');
const longName = `templates/${'x'.repeat(120)}.yaml`;
const files = new Map<string, Uint8Array>([
  ['values.yaml', enc('image:\n  repository: nginx\n')],
  ['Chart.yaml', enc('apiVersion: v2\nname: web\nversion: 1.0.0\n')],
  [longName, enc('kind: ConfigMap\n')],
]);

describe('packChart', () => {
  it('reads back as a chart under <name>/, long paths included', () => {
    const chart = readChartArchive('charts/web', packChart('web', files));
    if ('error' in chart) throw new Error(chart.error);
    expect(chart.name).toBe('web');
    expect(chart.version).toBe('1.0.0');
    expect(chart.values?.file).toBe('charts/web!web/values.yaml');
    expect(chart.templates.map((t) => t.file)).toEqual([`charts/web!web/${longName}`]);
  });
  it('gives the same bytes for the same files in any insertion order', () => {
    const reversed = new Map([...files].reverse());
    expect(Buffer.from(packChart('web', reversed)).equals(Buffer.from(packChart('web', files)))).toBe(true);
  });
});

describe('overrideChartYaml', () => {
  it.each([
    [{}, 'version: 1.0.0'],
    [{ chartVersion: '2.0.0' }, 'version: 2.0.0'],
    [{ appVersion: '9.9' }, 'appVersion: "9.9"'],
  ])('%j', (overrides, expected) => {
    const out = overrideChartYaml('# kept\nname: web\nversion: 1.0.0\n', overrides);
    expect(out).toContain(expected);
    expect(out).toContain('# kept');
  });
});

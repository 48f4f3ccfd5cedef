// Reads an unpacked chart directory into the shape chartValueLayers takes (the scanner builds the
// same shape from archives). Test-only: real-chart tests pass fixture directories here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ChartValuesSource } from '../../src/helm/index.js';

export function chartSourceFromDir(dir: string, label: string): ChartValuesSource {
  const meta = parse(readFileSync(join(dir, 'Chart.yaml'), 'utf8')) as {
    name: string;
    dependencies?: Array<{ name: string; alias?: string }>;
  };
  const valuesPath = join(dir, 'values.yaml');
  const chartsDir = join(dir, 'charts');
  const subcharts = existsSync(chartsDir)
    ? readdirSync(chartsDir)
        .sort()
        .filter(
          (n) => statSync(join(chartsDir, n)).isDirectory() && existsSync(join(chartsDir, n, 'Chart.yaml')),
        )
        .map((n) => chartSourceFromDir(join(chartsDir, n), `${label}/charts/${n}`))
    : [];
  return {
    name: meta.name,
    dependencies: meta.dependencies ?? [],
    values: existsSync(valuesPath)
      ? { file: `${label}/values.yaml`, text: readFileSync(valuesPath, 'utf8') }
      : undefined,
    subcharts,
  };
}

// Positions in a chart packaged from a directory map onto the directory's own files; a subchart
// archive inside it keeps its `!`, and paths of other archives are left alone.
import { describe, expect, it } from 'vitest';
import { chartDirMapper, mapPositions } from '../../../src/scan/helm/chart-paths.js';

const map = chartDirMapper([
  { dir: 'charts/web', name: 'web' },
  { dir: '.', name: 'top' },
]);

describe('chartDirMapper', () => {
  it.each([
    ['charts/web!web/values.yaml', 'charts/web/values.yaml'],
    ['charts/web!web/charts/db-1.0.0.tgz!db/values.yaml', 'charts/web/charts/db-1.0.0.tgz!db/values.yaml'],
    ['.!top/templates/a.yaml', 'templates/a.yaml'],
    ['manifests/web-1.0.0.tgz!web/values.yaml', 'manifests/web-1.0.0.tgz!web/values.yaml'],
    ['charts/web!other/values.yaml', 'charts/web!other/values.yaml'],
    ['image set in charts/web!web/values.yaml:3', 'image set in charts/web/values.yaml:3'],
  ])('%s → %s', (from, to) => {
    expect(map(from)).toBe(to);
  });
});

describe('mapPositions', () => {
  it('maps file, message and reason strings, and nothing else', () => {
    const report = {
      images: [
        {
          image: 'charts/web!web/x',
          reason: 'see charts/web!web/values.yaml',
          locations: [{ file: 'charts/web!web/values.yaml', line: 3 }],
        },
      ],
      findings: [
        { file: 'charts/web!web/a.yaml', message: 'in charts/web!web/a.yaml', rule: 'charts/web!web/' },
      ],
    };
    expect(mapPositions(report, map)).toEqual({
      images: [
        {
          image: 'charts/web!web/x',
          reason: 'see charts/web/values.yaml',
          locations: [{ file: 'charts/web/values.yaml', line: 3 }],
        },
      ],
      findings: [{ file: 'charts/web/a.yaml', message: 'in charts/web/a.yaml', rule: 'charts/web!web/' }],
    });
  });
});

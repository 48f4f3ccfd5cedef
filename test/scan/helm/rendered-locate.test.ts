// The object path of a scalar at a line/column of a rendered document, and Helm's names for a
// chart's templates (`<chart>/charts/<alias>/templates/x.yaml`, as Helm prints `# Source:` lines).
import { describe, expect, it } from 'vitest';
import { parseRenderedManifests } from '../../../src/helm/index.js';
import type { ChartArchive } from '../../../src/scan/helm/archive.js';
import { scalarPathAt, templateFiles } from '../../../src/scan/helm/rendered-locate.js';

const doc = `# Source: web/templates/deploy.yaml
apiVersion: apps/v1
kind: Deployment
spec:
  template:
    spec:
      containers:
        - name: a
          image: "quay.io/acme/a:1"
        - name: b
          args: ["--image=quay.io/acme/b:2"]
`;

describe('scalarPathAt', () => {
  it.each([
    ['a quoted value, at its opening quote', 9, 18, ['spec', 'template', 'spec', 'containers', 0, 'image']],
    [
      'inside a flow item (a --flag=image arg)',
      11,
      26,
      ['spec', 'template', 'spec', 'containers', 1, 'args', 0],
    ],
    ['a key is no value', 9, 11, null],
  ])('%s', (_n, line, column, want) => {
    expect(scalarPathAt(doc, { line, column })).toEqual(want);
  });
});

describe('templateFiles', () => {
  const sub = (name: string, displayPath: string, dir: string): ChartArchive => ({
    displayPath,
    dir,
    name,
    version: '1',
    dependencies: [],
    templates: [{ file: `${displayPath}!${dir}/templates/t.yaml`, text: 'x' }],
    subcharts: [],
    warnings: [],
  });
  it('names subcharts by alias, archives and directories alike', () => {
    const top: ChartArchive = {
      ...sub('web', 'r/web-1.tgz', 'web'),
      dependencies: [
        { name: 'db', alias: 'primary' },
        { name: 'db', alias: 'replica' },
      ],
      subcharts: [
        sub('db', 'r/web-1.tgz!web/charts/db-1.tgz', 'db'),
        sub('lib', 'r/web-1.tgz', 'web/charts/lib'),
      ],
    };
    expect([...templateFiles(top)].map(([k, v]) => `${k} <- ${v.file}`)).toEqual([
      'web/templates/t.yaml <- r/web-1.tgz!web/templates/t.yaml',
      'web/charts/primary/templates/t.yaml <- r/web-1.tgz!web/charts/db-1.tgz!db/templates/t.yaml',
      'web/charts/replica/templates/t.yaml <- r/web-1.tgz!web/charts/db-1.tgz!db/templates/t.yaml',
      'web/charts/lib/templates/t.yaml <- r/web-1.tgz!web/charts/lib/templates/t.yaml',
    ]);
  });
});

describe('parseRenderedManifests: flow collections as Go YAML reads them', () => {
  it('accepts continuation lines at the key indentation (Istio 1.5 RBAC)', () => {
    const out = `---\n# Source: istio/charts/galley/templates/clusterrole.yaml\nkind: ClusterRole\nrules:\n- apiGroups: [\n  "config.istio.io",\n  "rbac.istio.io"]\n  resources: ["*"]\n`;
    const [m] = parseRenderedManifests(out);
    expect(m?.object).toEqual({
      kind: 'ClusterRole',
      rules: [{ apiGroups: ['config.istio.io', 'rbac.istio.io'], resources: ['*'] }],
    });
  });
  it('still refuses YAML that is broken for Go too', () => {
    expect(() => parseRenderedManifests('---\n# Source: x/templates/a.yaml\na: [b\nc: d: e\n')).toThrow();
  });
});

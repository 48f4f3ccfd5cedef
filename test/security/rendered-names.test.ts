// A v1 HelmChart's rendered objects become OUT/chart-<release>.rendered.yaml, a name built from the
// pull request's release name (spec.chart.releaseName, else metadata.name: replicatedhq/kots
// pkg/apis/kots/v1beta1 HelmChart GetDirName). A name with `/`, `..`, a line break or YAML syntax
// must not place a file outside OUT nor add YAML to kustomization.yaml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireHelm } from '../helm-render/helm-bins.js';
import { runCliWith } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const helm = requireHelm(4);
const REPLICATED = 'appSlug: acme\nmanifests: ["./manifests/*.yaml"]\ncharts:\n  - path: ./charts/*\n';

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('release names in generated file names', () => {
  it.each(['safe.name', '../../../escaped', '/abs/path', 'a\nresources: [/etc/passwd]', 'x\'"]: {}'])(
    '%j: files stay flat in OUT and resources are data',
    async (name) => {
      const root = tempDir('kots-proxy-sec-names-');
      writeTree(root, {
        '.replicated': REPLICATED,
        'manifests/web.yaml': `apiVersion: kots.io/v1beta1\nkind: HelmChart\nmetadata:\n  name: web\nspec:\n  chart:\n    name: web\n    chartVersion: 1.0.0\n    releaseName: ${JSON.stringify(name)}\n`,
        'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
        'charts/web/templates/d.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: quay.io/acme/web:1\n',
      });
      const before = listAll(root).filter((p) => !p.startsWith('kots-proxy'));
      const run = await runCliWith({}, root, 'scan', '--offline', '--helm', helm.path);
      expect(run.code, run.stderr).not.toBe(2);
      // Nothing new outside OUT (kots-proxy/), and OUT is flat.
      expect(listAll(root).filter((p) => !p.startsWith('kots-proxy'))).toEqual(before);
      const out = join(root, 'kots-proxy');
      for (const f of readdirSync(out)) expect(f).toMatch(/^[\w.-]+$/);
      // Control: a name Helm accepts gives the rendered copy, listed in resources.
      if (name === 'safe.name') expect(readdirSync(out)).toContain('chart-safe.name.rendered.yaml');
      const k = parse(readFileSync(join(out, 'kustomization.yaml'), 'utf8')) as { resources?: unknown[] };
      // Exactly the pull secret, and the rendered copy only for the name Helm accepts (Helm refuses a
      // release name that is not a lowercase DNS-1123 subdomain, so nothing renders for the others).
      const rendered = name === 'safe.name' ? ['chart-safe.name.rendered.yaml'] : [];
      expect(k.resources).toEqual([...rendered, 'pull-secret.yaml']);
      expect(readdirSync(out).sort()).toEqual([...rendered, 'kustomization.yaml', 'pull-secret.yaml']);
      for (const r of k.resources ?? []) {
        expect(typeof r).toBe('string');
        expect(r as string).not.toMatch(/passwd|\n/);
      }
    },
    120_000,
  );
});

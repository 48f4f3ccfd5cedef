// `--helm PATH`: the CLI renders chart archives with that binary. A chart whose dependency is not
// vendored, or that Helm refuses, is an error at the HelmChart CR's `chart:` line, as KOTS fails
// the install there (pkg/base/helm_v4.go in replicatedhq/kots: action.CheckDependencies, then the
// render error); a --helm that does not run is bad usage.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingDependencyChart } from '../helm-render/charts.js';
import { requireHelm } from '../helm-render/helm-bins.js';
import { runCliWith } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const helm = requireHelm(4);

const requiredChart = {
  'Chart.yaml': 'apiVersion: v2\nname: needs-host\nversion: 1.0.0\n',
  'templates/cm.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  host: {{ required "db.host is required" .Values.dbHost }}\n',
};

function release(): string {
  const root = tempDir('kots-proxy-cli-helm-');
  for (const [name, files] of [
    ['needs-redis', missingDependencyChart],
    ['needs-host', requiredChart],
  ] as const) {
    writeTree(join(root, 'src', name), files);
    // tar, not `helm package`, which refuses a chart whose dependency is missing.
    mkdirSync(join(root, 'manifests'), { recursive: true });
    execFileSync('tar', [
      '-czf',
      join(root, 'manifests', `${name}-1.0.0.tgz`),
      '-C',
      join(root, 'src'),
      name,
    ]);
    writeTree(join(root, 'manifests'), {
      [`${name}.yaml`]: `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: ${name}\nspec:\n  chart:\n    name: ${name}\n    chartVersion: 1.0.0\n`,
    });
  }
  return root;
}

describe('kots-proxy scan --helm', () => {
  it('reports a missing dependency and a refused render at the CR chart: line', async () => {
    const root = release();
    const run = await runCliWith(
      {},
      root,
      'scan',
      '--app-slug',
      'acme',
      '--offline',
      '--helm',
      helm.path,
      '--report',
      '-',
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ rule: string; file: string; line: number; message: string }>;
    };
    const helmFindings = report.findings.filter((f) => f.rule.startsWith('helm-chart-'));
    expect(helmFindings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['helm-chart-render-failed', 'manifests/needs-host.yaml', 6],
      ['helm-chart-missing-dependency', 'manifests/needs-redis.yaml', 6],
    ]);
    expect(helmFindings[0]?.message).toContain('db.host is required');
    expect(helmFindings[1]?.message).toContain('redis');
    expect(report.findings.map((f) => f.rule)).not.toContain('helm-not-found');
  }, 120_000);

  it('exits 2 when --helm names no executable', async () => {
    const root = release();
    const run = await runCliWith(
      {},
      root,
      'scan',
      '--app-slug',
      'acme',
      '--offline',
      '--helm',
      'no/such/helm',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/helm');
  }, 120_000);
});

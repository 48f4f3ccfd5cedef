// `.replicated` `charts:` (replicatedhq/replicated pkg/tools/types.go): each path, a glob relative to
// the file, names chart directories that the Replicated CLI packages (`helm package`, with the entry's
// chartVersion / appVersion written into Chart.yaml) and ships with the release as `<name>-<version>.tgz`.
// KOTS then matches a HelmChart CR's spec.chart name and chartVersion against the archives
// (replicatedhq/kots pkg/kotsutil/kots.go, FindHelmChartArchiveInRelease), so the CR must join the
// packaged directory, and findings in it must name the directory's own files.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireHelm } from '../helm-render/helm-bins.js';
import { runCli, runCliWith } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

interface Report {
  images: { image: string; locations: { file: string; line: number; column: number }[] }[];
  findings: { rule: string; file: string; message: string }[];
}

const CHART = {
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\nappVersion: "1.25"\n',
  'charts/web/values.yaml': '# defaults\nimage:\n  repository: quay.io/acme/web\n  tag: "1.25"\n',
  'charts/web/templates/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n',
  'charts/README.md': 'not a chart\n',
};

const CR = (chartVersion: string) =>
  `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: web\nspec:\n  chart:\n    name: web\n    chartVersion: ${chartVersion}\n`;

function project(replicated: string, crVersion = '1.0.0', chart: Record<string, string> = {}): string {
  const root = tempDir('kots-proxy-charts-');
  writeTree(root, {
    '.replicated': replicated,
    'manifests/web-chart.yaml': CR(crVersion),
    ...CHART,
    ...chart,
  });
  return root;
}

const REPLICATED = 'appSlug: acme\nmanifests: ["./manifests/*.yaml"]\ncharts:\n  - path: ./charts/*\n';

async function scan(root: string): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await runCli(root, 'scan', '--offline', '--report', '-');
  return { code: run.code, report: JSON.parse(run.stdout || '{}') as Report, stderr: run.stderr };
}

describe('.replicated charts for the CLI', () => {
  it('joins the HelmChart CR with the packaged directory and points at its values.yaml', async () => {
    const { report, stderr } = await scan(project(REPLICATED));
    expect(
      report.findings.map((f) => f.rule),
      stderr,
    ).not.toContain('helm-chart-archive-missing');
    const web = report.images.find((i) => i.image === 'quay.io/acme/web:1.25');
    expect(web, JSON.stringify(report.images)).toBeDefined();
    // line 3 col 15: `repository: quay.io/acme/web` in charts/web/values.yaml.
    expect(web?.locations).toContainEqual({ file: 'charts/web/values.yaml', line: 3, column: 15 });
    for (const i of report.images) for (const l of i.locations) expect(l.file).not.toContain('!');
    for (const f of report.findings) expect(f.file).not.toContain('!');
  });

  it('does not join when the CR asks for another version, and does with the chartVersion override', async () => {
    const missing = await scan(project(REPLICATED, '2.0.0'));
    expect(missing.report.findings.map((f) => f.rule)).toContain('helm-chart-archive-missing');
    const overridden = await scan(
      project(`${REPLICATED}    chartVersion: 2.0.0\n`.replace('  - path', '  - path'), '2.0.0'),
    );
    expect(
      overridden.report.findings.map((f) => f.rule),
      overridden.stderr,
    ).not.toContain('helm-chart-archive-missing');
    expect(overridden.report.images.map((i) => i.image)).toContain('quay.io/acme/web:1.25');
  });

  it('scans a chart directory under the manifests path as a chart, not as manifests', async () => {
    const root = project('appSlug: acme\nmanifests: ["./**/*.yaml"]\ncharts: [{path: ./charts/web}]\n');
    const { report, stderr } = await scan(root);
    // The chart's image is reported, from its values.yaml (line 3 col 15), so the loop below has
    // locations to look at.
    const web = report.images.find((i) => i.image === 'quay.io/acme/web:1.25');
    expect(web?.locations, stderr).toContainEqual({ file: 'charts/web/values.yaml', line: 3, column: 15 });
    // Its template is not a manifest: a templated image would be reported from the template file.
    for (const i of report.images)
      for (const l of i.locations) expect(l.file, stderr).not.toBe('charts/web/templates/deploy.yaml');
    expect(report.findings.map((f) => f.rule)).not.toContain('helm-chart-archive-missing');
    expect(report.findings.filter((f) => f.file.startsWith('charts/web/templates'))).toEqual([]);
  });

  it('skips a chart path outside the root without reading it', async () => {
    const outside = tempDir('kots-proxy-charts-outside-');
    writeTree(outside, { 'evil/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n' });
    const root = project(
      `appSlug: acme\nmanifests: ["./manifests/*.yaml"]\ncharts:\n  - path: ${join(outside, '*')}\n`,
    );
    const { report } = await scan(root);
    const skipped = report.findings.filter((f) => f.rule === 'path-skipped');
    expect(skipped, JSON.stringify(skipped)).toHaveLength(1);
    expect(skipped[0]?.message).toContain('outside the workspace root');
    expect(report.findings.map((f) => f.rule)).toContain('helm-chart-archive-missing');
  });

  it('skips a chart directory that is a symlink leaving the root', async () => {
    const outside = tempDir('kots-proxy-charts-outside-');
    writeTree(outside, { 'Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n' });
    const root = project(`${REPLICATED}  - path: ./linked/web\n`.replace('./charts/*', './linked/*'));
    mkdirSync(join(root, 'linked'));
    symlinkSync(outside, join(root, 'linked', 'web'));
    const { report } = await scan(root);
    const skipped = report.findings.filter((f) => f.rule === 'path-skipped');
    // Named exactly, its real path is outside; a glob does not follow the link at all.
    expect(skipped.map((f) => [f.file, f.message])).toEqual([
      ['linked/*', 'chart path linked/* matches no directory with a Chart.yaml'],
      ['linked/web', 'chart path linked/web resolves outside the workspace root, so it was not read'],
    ]);
    expect(report.findings.map((f) => f.rule)).toContain('helm-chart-archive-missing');
  });

  it('renders the packaged directory with real helm, findings still at the directory', async () => {
    const helm = requireHelm(4);
    const root = project(REPLICATED);
    const run = await runCliWith({}, root, 'scan', '--offline', '--helm', helm.path, '--report', '-');
    const report = JSON.parse(run.stdout) as Report;
    const web = report.images.find((i) => i.image === 'quay.io/acme/web:1.25');
    expect(web, run.stderr).toBeDefined();
    expect(web?.locations).toEqual([{ file: 'charts/web/values.yaml', line: 3, column: 15 }]);
    for (const l of web?.locations ?? []) expect(l.file.startsWith('charts/web/'), l.file).toBe(true);
  }, 60_000);

  it('renders with helm from the packaged archive, so the appVersion override sets the default tag', async () => {
    const helm = requireHelm(4);
    const root = project(`${REPLICATED}    appVersion: "2.0"\n`, '1.0.0', {
      'charts/web/values.yaml': 'image:\n  repository: quay.io/acme/web\n',
      'charts/web/templates/deploy.yaml': CHART['charts/web/templates/deploy.yaml'].replace(
        '{{ .Values.image.tag }}',
        '{{ .Values.image.tag | default .Chart.AppVersion }}',
      ),
    });
    const run = await runCliWith({}, root, 'scan', '--offline', '--helm', helm.path, '--report', '-');
    const report = JSON.parse(run.stdout) as Report;
    expect(
      report.images.map((i) => i.image),
      run.stderr,
    ).toContain('quay.io/acme/web:2.0');
  }, 60_000);
});

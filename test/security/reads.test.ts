// A pull request chooses the release paths: an explicit PATH that is a symlink, a `.replicated` file
// whose `manifests` glob climbs out of the checkout, or a symlinked directory. Whatever lies outside
// the workspace must not be read: its image names would otherwise reach the summary and annotations.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReplicatedConfig } from '../../src/action/replicated.js';
import { runPipeline } from '../../src/pipeline.js';
import { runCli } from '../helpers/cli.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const SECRET_IMAGE = 'internal.corp.example/secret-team/payroll:7';
const pod = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "${image}"}\n`;

/** An outside directory holding a manifest the run must never read, and a workspace next to it. */
function layout(): { outside: string; workspace: string } {
  const base = tempDir();
  const outside = join(base, 'outside');
  const workspace = join(base, 'runner/work/app/app');
  writeTree(outside, { 'deploy/secret.yaml': pod(SECRET_IMAGE) });
  writeTree(workspace, { 'manifests/a.yaml': pod('quay.io/a/b:1') });
  return { outside, workspace };
}

describe('the CLI reads nothing outside --root (default: the working directory)', () => {
  it.each([
    ['an explicit PATH that is a symlink to a directory outside', 'linkdir'],
    ['an explicit PATH that is a symlink to a file outside', 'link.yaml'],
    ['an explicit PATH that climbs out', '../../../../outside/deploy'],
  ])('%s: path-skipped naming it, the outside image never appears', async (_what, path) => {
    const { outside, workspace } = layout();
    symlinkSync(join(outside, 'deploy'), join(workspace, 'linkdir'));
    symlinkSync(join(outside, 'deploy/secret.yaml'), join(workspace, 'link.yaml'));
    const run = await runCli(
      workspace,
      'scan',
      'manifests',
      path,
      '--app-slug',
      'acme',
      '--offline',
      '--report',
      '-',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(run.stdout + run.stderr).not.toContain('payroll');
    const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'path-skipped', file: path }));
  });

  it('only a PATH outside the root: its path-skipped finding is reported, not "no manifest found"', async () => {
    const { workspace } = layout();
    const only = ['scan', '../../../../outside/deploy', '--app-slug', 'acme', '--offline'];
    const run = await runCli(workspace, ...only, '--report', '-');
    expect(run.stderr).not.toContain('no manifest');
    const report = JSON.parse(run.stdout) as { findings: { rule: string; file: string }[] };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'path-skipped', file: '../../../../outside/deploy' }),
    );
    // An empty directory inside the root is still a usage error.
    mkdirSync(join(workspace, 'empty'));
    const empty = await runCli(workspace, 'scan', 'empty', '--app-slug', 'acme', '--offline');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('no manifest');
  });

  it('--root widens the boundary on purpose', async () => {
    const { outside } = layout();
    const base = join(outside, '..');
    const ws = join(base, 'runner/work/app/app');
    const run = await runCli(
      ws,
      'scan',
      '../../../../outside/deploy',
      '--root',
      base,
      '--app-slug',
      'acme',
      '--offline',
      '--report',
      '-',
    );
    expect(run.stdout).toContain('payroll');
  });
});

describe('the action reads nothing outside the workspace', () => {
  it.each([
    ['a .replicated glob that climbs out', 'manifests: ["../../../../outside/**/*.yaml"]\n'],
    ['a .replicated glob through a symlinked directory', 'manifests: ["./vendor/**/*.yaml"]\n'],
  ])('%s', async (_what, dotReplicated) => {
    const { outside, workspace } = layout();
    mkdirSync(join(workspace, 'x'), { recursive: true });
    symlinkSync(join(outside, 'deploy'), join(workspace, 'vendor'));
    writeFileSync(join(workspace, '.replicated'), dotReplicated);
    // What src/action/main.ts does: the project file's manifests, scanned with the workspace as working
    // directory and the default root (`.`, so the workspace).
    const config = parseReplicatedConfig(dotReplicated, '.replicated');
    const result = await runPipeline(config.manifests, offlineOptions(), {
      logger: SILENT,
      cwd: workspace,
    });
    expect(JSON.stringify(result.report)).not.toContain('payroll');
    expect(result.report.findings).toContainEqual(
      expect.objectContaining({ rule: 'path-skipped', file: config.manifests[0] }),
    );
  });
});

// The CLI with a Replicated CLI project file: the nearest .replicated / .replicated.yaml walking up
// supplies appSlug and the manifests globs (matched relative to the file), the command line wins;
// files further up are merged in as the Replicated CLI merges them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/cli/project.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - {name: c, image: "quay.io/acme/${name}:1"}\n`;

describe('.replicated for the CLI', () => {
  it('finds the nearest file walking up and matches its globs relative to it', async () => {
    const root = tempDir();
    writeTree(root, {
      '.replicated': 'appSlug: far\nmanifests: ["./never/*.yaml"]\n',
      'app/.replicated.yaml': 'appSlug: acme\nmanifests:\n  - ./manifests/*.yaml\n  - ./extra/**/*.yml\n',
      'app/manifests/a.yaml': POD('a'),
      'app/manifests/b.yaml': POD('b'),
      'app/manifests/skip.txt': 'x',
      'app/manifests/nested/c.yaml': POD('c'),
      'app/extra/deep/d.yml': POD('d'),
    });
    const cwd = join(root, 'app', 'manifests');
    mkdirSync(cwd, { recursive: true });
    const p = await readProject(cwd);
    expect(p).toEqual({
      file: '../.replicated.yaml',
      appSlug: 'acme',
      manifests: ['../extra/deep/d.yml', 'a.yaml', 'b.yaml'],
      charts: [],
    });
  });

  it('merges every file up to / as the Replicated CLI does: nearest appSlug, manifests and charts appended', async () => {
    // replicatedhq/replicated pkg/tools/config.go (FindAndParseConfig, mergeConfigs).
    const root = tempDir();
    writeTree(root, {
      '.replicated':
        'appSlug: parent\nmanifests: ["./shared/*.yaml"]\ncharts: [{path: ./charts/*, chartVersion: 1.0.0}]\n',
      'app/.replicated': 'manifests: ["./m/*.yaml"]\ncharts: [{path: ./own}, {path: ../charts/*}]\n',
      'app/m/a.yaml': POD('a'),
      'shared/s.yaml': POD('s'),
    });
    const p = await readProject(join(root, 'app'));
    expect(p).toEqual({
      file: '.replicated',
      appSlug: 'parent',
      manifests: ['../shared/s.yaml', 'm/a.yaml'],
      // Parent first (mergeConfigs appends the child's); the first entry for a path is kept.
      charts: [{ path: '../charts/*', chartVersion: '1.0.0' }, { path: 'own' }],
    });
    writeTree(root, { 'app/.replicated': 'appSlug: child\n' });
    expect((await readProject(join(root, 'app')))?.appSlug).toBe('child');
  });

  it('scans with the project defaults; --app-slug and paths on the command line win', async () => {
    const root = tempDir();
    writeTree(root, {
      '.replicated': 'appSlug: acme\nmanifests: ["./release/*.yaml"]\n',
      'release/a.yaml': POD('a'),
      'other/b.yaml': POD('b'),
    });
    const run = await runCli(root, 'scan', '--offline', '--report', '-');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { appSlug: string; images: { image: string }[] };
    expect(report.appSlug).toBe('acme');
    expect(report.images.map((i) => i.image)).toEqual(['quay.io/acme/a:1']);

    const explicit = await runCli(root, 'scan', 'other', '--app-slug', 'zed', '--offline', '--report', '-');
    const r2 = JSON.parse(explicit.stdout) as { appSlug: string; images: { image: string }[] };
    expect(r2.appSlug).toBe('zed');
    expect(r2.images.map((i) => i.image)).toEqual(['quay.io/acme/b:1']);
  });

  it('says which file has globs that match nothing', async () => {
    const root = tempDir();
    writeTree(root, { '.replicated': 'appSlug: acme\nmanifests: ["./nope/*.yaml"]\n' });
    const run = await runCli(root, 'scan', '--offline');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.replicated: manifests ./nope/*.yaml match no file');
  });
});

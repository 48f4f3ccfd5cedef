// `--out` aimed where it must not go (inside the release, around it, through a symlink) is refused with
// exit 2 before anything is written; an output directory that cannot be written gives one clear line
// naming it and leaves the previous run's files exactly as they were.
//
// Tests run as root, which ignores file modes: "read-only" is made with `chattr +i` (immutable: not even
// root may create, rename or delete entries in the directory). /tmp here is ext4, which supports it; the
// attribute is always removed again so the temp dir can be cleaned up.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const cli = (cwd: string, ...argv: string[]) =>
  runCli(cwd, 'scan', '--app-slug', 'acme', '--offline', ...argv);

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "quay.io/a/b:1"}\n';

/** Every file under `dir`, relative, with its content: to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(
        join(e.parentPath, e.name),
        'utf8',
      );
  }
  return out;
}

describe('--out that would put generated files into the release', () => {
  it.each([
    ['the release directory itself', ['manifests'], 'manifests'],
    ['a directory inside it', ['manifests'], 'manifests/deep/gen'],
    ['a parent of the release', ['manifests'], '.'],
    ['a parent of the second release path', ['other', 'nested/release'], 'nested'],
    ['a path through a symlink into the release', ['manifests'], 'link/gen'],
    ['a symlink to a directory outside', ['manifests'], 'outlink'],
  ])('%s: exit 2 with one line naming --out, nothing written', async (_name, paths, out) => {
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': POD, 'other/b.yaml': POD, 'nested/release/c.yaml': POD });
    symlinkSync(join(root, 'manifests'), join(root, 'link'));
    symlinkSync(tempDir(), join(root, 'outlink'));
    const before = snapshot(root);
    const run = await cli(root, ...paths, '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`--out ${out}`);
    expect(run.stdout).toBe('');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('an output directory that cannot be written', () => {
  const immutable: string[] = [];
  const chattr = (flag: '+i' | '-i', path: string) => execFileSync('chattr', [flag, path]);
  afterEach(() => {
    for (const p of immutable.splice(0)) chattr('-i', p);
  });

  it('read-only (immutable) --out: one clear line naming it, previous outputs intact, no temp files', async () => {
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': POD });
    const report = ['--report', 'report.json'];
    expect((await cli(root, '--out', 'gen', ...report)).code).toBe(0);
    const previous = snapshot(join(root, 'gen'));
    const previousReport = readFileSync(join(root, 'report.json'), 'utf8');
    expect(Object.keys(previous).sort()).toEqual(['kustomization.yaml', 'pull-secret.yaml']);

    // A second release file: this run would change kustomization.yaml.
    writeFileSync(join(root, 'manifests/b.yaml'), POD.replace('name: p', 'name: q'));
    chattr('+i', join(root, 'gen'));
    immutable.push(join(root, 'gen'));
    const run = await cli(root, '--out', 'gen', ...report);

    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^kots-proxy: cannot write to output directory gen: EPERM/),
    ]);
    expect(snapshot(join(root, 'gen'))).toEqual(previous);
    expect(readdirSync(join(root, 'gen')).filter((f) => f.includes('.tmp'))).toEqual([]);
    // The report is written after the generated files: it is not replaced either.
    expect(readFileSync(join(root, 'report.json'), 'utf8')).toBe(previousReport);
  });

  it('a read-only report location: exit 2 naming the report file, nothing written (all or none)', async () => {
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': POD, 'reports/keep.txt': 'x' });
    chattr('+i', join(root, 'reports'));
    immutable.push(join(root, 'reports'));
    const run = await cli(root, '--report', 'reports/r.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kots-proxy: cannot write .*reports\/r\.json: EPERM/);
    expect(readdirSync(join(root, 'reports'))).toEqual(['keep.txt']);
    // The report is part of the same all-or-none write as the generated files.
    expect(existsSync(join(root, 'kots-proxy/kustomization.yaml'))).toBe(false);
  });
});

// A pull request controls the files of the checkout, the committed output directory included. It may
// plant symlinks where kots-proxy writes, and directories or read-only files where it renames. Every
// case starts from such a checkout and proves: no write lands outside the output directory or the
// report path, and either every file of the run is in place or none changed.
//
// Tests run as root, which ignores file modes: "unwritable" is made with `chattr +i`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const POD = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - {name: c, image: "quay.io/a/b:1"}\n`;

const cli = (cwd: string, ...argv: string[]) =>
  runCli(cwd, 'scan', '--app-slug', 'acme', '--offline', '--report', 'report.json', ...argv);

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const p = join(e.parentPath, e.name);
    if (e.isFile()) out[p.slice(dir.length + 1)] = readFileSync(p, 'utf8');
    else if (e.isSymbolicLink()) out[p.slice(dir.length + 1)] = '(symlink)';
  }
  return out;
}

/** A checkout with a previous run's outputs, and a new manifest so this run changes them. */
async function previousRun(): Promise<{ root: string; victim: string }> {
  const root = tempDir();
  writeTree(root, { 'manifests/a.yaml': POD('p') });
  const first = await cli(root);
  expect(first.code).toBe(0);
  writeFileSync(join(root, 'manifests/b.yaml'), POD('q'));
  const victim = join(tempDir(), 'victim.sh');
  writeFileSync(victim, 'echo original\n');
  return { root, victim };
}

describe('planted symlinks at the names kots-proxy writes to', () => {
  it('a symlink at every temp name the old writer used is never written through', async () => {
    const { root, victim } = await previousRun();
    // The writer used `.<pid>.<i>.kots-proxy.tmp` in OUT and `.<pid>.kots-proxy.tmp` by the report.
    for (let i = 0; i < 4; i++)
      symlinkSync(victim, join(root, `kots-proxy/.${process.pid}.${i}.kots-proxy.tmp`));
    symlinkSync(victim, join(root, `.${process.pid}.kots-proxy.tmp`));
    const run = await cli(root);
    expect(run.stderr).not.toContain('internal error');
    expect(readFileSync(victim, 'utf8')).toBe('echo original\n');
  });

  it('a generated file that is a symlink: refused, nothing written, the link target untouched', async () => {
    const { root, victim } = await previousRun();
    const target = join(root, 'kots-proxy/pull-secret.yaml');
    execFileSync('rm', [target]);
    symlinkSync(victim, target);
    const before = snapshot(root);
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write to output directory kots-proxy: pull-secret\.yaml is a symlink/);
    expect(snapshot(root)).toEqual(before);
    expect(readFileSync(victim, 'utf8')).toBe('echo original\n');
  });
});

describe('all or none in every failure case', () => {
  const immutable: string[] = [];
  afterEach(() => {
    for (const p of immutable.splice(0)) execFileSync('chattr', ['-i', p]);
  });

  it('a target that is a directory: exit 2, no file of the run replaced', async () => {
    const { root } = await previousRun();
    execFileSync('rm', [join(root, 'kots-proxy/pull-secret.yaml')]);
    mkdirSync(join(root, 'kots-proxy/pull-secret.yaml'));
    const before = snapshot(root);
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pull-secret\.yaml is a directory/);
    expect(snapshot(root)).toEqual(before);
  });

  it('one unwritable target after a writable one: the first is put back', async () => {
    const { root } = await previousRun();
    // pull-secret.yaml is renamed after kustomization.yaml; make only it immutable.
    const locked = join(root, 'kots-proxy/pull-secret.yaml');
    execFileSync('chattr', ['+i', locked]);
    immutable.push(locked);
    const before = snapshot(root);
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write to output directory kots-proxy: EPERM/);
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(join(root, 'kots-proxy')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the report write fails after the generated files: none of them changes', async () => {
    const { root } = await previousRun();
    execFileSync('rm', [join(root, 'report.json')]);
    mkdirSync(join(root, 'report.json'));
    const before = snapshot(root);
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write report\.json: report\.json is a directory/);
    expect(snapshot(root)).toEqual(before);
  });

  it('a report path through a symlinked file: refused, the link target untouched', async () => {
    const { root, victim } = await previousRun();
    execFileSync('rm', [join(root, 'report.json')]);
    symlinkSync(victim, join(root, 'report.json'));
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(readFileSync(victim, 'utf8')).toBe('echo original\n');
    expect(existsSync(join(root, 'kots-proxy/.kots-proxy-'))).toBe(false);
  });
});

describe('file names the pull request chooses go into resources: as data, never as YAML', () => {
  it.each([
    ['a quote and a new list item', 'x"\n  - evil.yaml #.yaml'],
    ['a flow indicator', '[x], {y: z}.yaml'],
    ['a document marker', '--- !!binary.yaml'],
    ['a unicode line separator', 'x\u2028- y.yaml'],
  ])('%s', async (_what, name) => {
    const root = tempDir();
    writeTree(root, { [`manifests/${name}`]: POD('p') });
    const run = await cli(root);
    expect(run.code).toBe(0);
    const doc = parse(readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    expect(doc.resources).toEqual([`../manifests/${name}`, 'pull-secret.yaml']);
  });
});

const ALTERNATIVES = ['false', 'true']
  .map(
    (w) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  annotations: {kots.io/when: "${w}"}\n`,
  )
  .join('---\n');

describe('a symlink planted inside the output directory, on the way to a generated subdirectory', () => {
  it('OUT/release as a symlink out of the checkout: refused, nothing written through it', async () => {
    const root = tempDir();
    // Same-named alternatives behind kots.io/when make the overlay write a filtered copy of the file
    // under OUT/release/, a directory below OUT.
    const skipped = ALTERNATIVES;
    writeTree(root, { 'manifests/a.yaml': `${POD('p')}---\n${skipped}` });
    const outside = tempDir();
    mkdirSync(join(root, 'kots-proxy'));
    symlinkSync(outside, join(root, 'kots-proxy/release'));
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/release is a symlink, not a real directory/);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(join(root, 'report.json'))).toBe(false);
  });

  it('the same release without the planted link writes the copy below OUT', async () => {
    const root = tempDir();
    const skipped = ALTERNATIVES;
    writeTree(root, { 'manifests/a.yaml': `${POD('p')}---\n${skipped}` });
    const run = await cli(root);
    expect(run.code).toBe(0);
    expect(existsSync(join(root, 'kots-proxy/release/manifests/a.yaml'))).toBe(true);
  });
});

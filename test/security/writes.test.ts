// A pull request controls the files of the checkout, the committed output directory included. It may
// plant symlinks where kots-proxy writes, and directories or read-only files where it renames. Every
// case starts from such a checkout and proves: no write lands outside the output directory or the
// report path, and either every file of the run is in place or none changed.
//
// Tests run as root, which ignores file modes: "unwritable" is made with `chattr +i`.
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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

describe('a planted symlink above a filtered release copy', () => {
  it('kots-proxy/release as a symlink: refused, nothing written through it', async () => {
    const root = tempDir();
    // A nameless KOTS Config beside a Pod: kustomize needs a filtered copy under kots-proxy/release/.
    const mixed = `${POD('p')}---\napiVersion: kots.io/v1beta1\nkind: Config\nspec: {}\n`;
    writeTree(root, { 'manifests/a.yaml': mixed });
    const elsewhere = tempDir();
    mkdirSync(join(root, 'kots-proxy'));
    symlinkSync(elsewhere, join(root, 'kots-proxy/release'));
    const run = await cli(root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write to output directory kots-proxy: release is a symlink/);
    expect(readdirSync(elsewhere)).toEqual([]);
    // The same release without the symlink writes the copy, so the refusal is about the link.
    execFileSync('rm', [join(root, 'kots-proxy/release')]);
    expect((await cli(root)).code).toBe(0);
    expect(existsSync(join(root, 'kots-proxy/release/manifests/a.yaml'))).toBe(true);
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

describe('a report target that is a stream, not a file (a FIFO here, as `--report /dev/null` is a device)', () => {
  it('is written as it is and stays a FIFO: no rename puts a regular file in its place', async () => {
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': POD('p') });
    const fifo = join(tempDir(), 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const received = readFile(fifo, 'utf8'); // the reader, waiting for the CLI to open the FIFO
    let run: Awaited<ReturnType<typeof cli>>;
    try {
      run = await runCli(root, 'scan', '--app-slug', 'acme', '--offline', '--report', fifo);
    } finally {
      // Had the CLI never opened the FIFO, the reader would wait forever: give it an end of file.
      // Non-blocking, so this fails (ENXIO) rather than waits once the reader is gone.
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {}
    }
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(await received)).toMatchObject({ appSlug: 'acme' });
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    // No staging directory was made next to the FIFO.
    expect(readdirSync(dirname(fifo))).toEqual(['report.fifo']);
    expect(existsSync(join(root, 'kots-proxy/pull-secret.yaml'))).toBe(true);
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

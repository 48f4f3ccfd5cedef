import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/model.js';
import { mergeScans, scanRelease, scanText, walkRelease } from '../../src/scan/index.js';

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'kots-proxy-walk-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Creates files (content = a Pod named after the path) and directories under tmp. */
async function tree(files: string[]): Promise<void> {
  for (const f of files) {
    await mkdir(path.dirname(path.join(tmp, f)), { recursive: true });
    await writeFile(
      path.join(tmp, f),
      `apiVersion: v1\nkind: Pod\nspec: {containers: [{image: "x/${path.basename(f).replace(/[^a-z]/g, '')}:1"}]}\n`,
    );
  }
}

describe('walkRelease', () => {
  test('recursive, .yaml/.yml only (.tgz apart), dotfiles and dot-dirs skipped, sorted, relative to cwd', async () => {
    await tree([
      'manifests/b.yaml',
      'manifests/a.yml',
      'manifests/sub/c.yaml',
      'manifests/sub/deeper/d.yaml',
      'manifests/.hidden.yaml',
      'manifests/.git/config.yaml',
      'manifests/sub/.cache/e.yaml',
      'manifests/README.md',
      'manifests/values.json',
      'manifests/upper.YAML',
      'manifests/yaml',
      'manifests/redis-1.0.0.tgz',
      'manifests/sub/app-2.0.0.tgz',
      'manifests/.old-1.0.0.tgz',
      'manifests/chart.tar.gz',
    ]);
    const r = await walkRelease(['manifests'], tmp);
    expect(r).toEqual({
      files: ['manifests/a.yml', 'manifests/b.yaml', 'manifests/sub/c.yaml', 'manifests/sub/deeper/d.yaml'],
      archives: ['manifests/redis-1.0.0.tgz', 'manifests/sub/app-2.0.0.tgz'],
      findings: [],
    });
  });

  test('several PATHs: single files, duplicates removed, explicit dotfile counts', async () => {
    await tree(['m/a.yaml', 'other/.x.yaml', 'z.yaml']);
    const r = await walkRelease(['z.yaml', 'm', './m/a.yaml', 'other/.x.yaml'], tmp);
    expect(r.files).toEqual(['m/a.yaml', 'other/.x.yaml', 'z.yaml']);
  });

  test('paths outside cwd are relative with ..', async () => {
    await tree(['rel/m/a.yaml']);
    const r = await walkRelease(['../m'], path.join(tmp, 'rel', 'work'));
    expect(r.files).toEqual(['../m/a.yaml']);
  });

  test.each([
    ['missing directory', 'nope', /manifest path not found: nope/],
    ['missing file', 'nope.yaml', /manifest path not found: nope.yaml/],
    ['explicit non-yaml file', 'README.md', /README.md is not a .yaml or .yml file/],
  ])('%s → UsageError naming the path', async (_name, p, message) => {
    await tree(['README.md']);
    const err = await walkRelease([p], tmp).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(message);
  });

  test('symlinks: inside followed, outside / loop / broken skipped with a finding at 1:1', async () => {
    await tree(['m/real/a.yaml', 'm/b.yaml', 'outside/secret.yaml']);
    await symlink(path.join(tmp, 'outside'), path.join(tmp, 'm', 'out-dir'));
    await symlink(path.join(tmp, 'outside', 'secret.yaml'), path.join(tmp, 'm', 'out-file.yaml'));
    await symlink(path.join(tmp, 'm'), path.join(tmp, 'm', 'real', 'loop'));
    await symlink(path.join(tmp, 'm', 'real'), path.join(tmp, 'm', 'alias'));
    await symlink('b.yaml', path.join(tmp, 'm', 'link.yaml'));
    await symlink('b.yaml', path.join(tmp, 'm', 'link.txt'));
    await symlink('missing.yaml', path.join(tmp, 'm', 'broken.yaml'));
    const r = await walkRelease(['m'], tmp);
    expect(r.files).toEqual(['m/alias/a.yaml', 'm/b.yaml', 'm/link.yaml', 'm/real/a.yaml']);
    const skipped = (file: string, message: string) => ({
      rule: 'path-skipped',
      level: 'warning',
      file,
      line: 1,
      column: 1,
      message,
    });
    expect(r.findings).toEqual([
      skipped('m/alias/loop', 'symlink loop: points back to a directory being walked'),
      skipped('m/broken.yaml', 'broken symlink'),
      skipped('m/out-dir', 'symlink points outside the release tree'),
      skipped('m/out-file.yaml', 'symlink points outside the release tree'),
      skipped('m/real/loop', 'symlink loop: points back to a directory being walked'),
    ]);
  });

  test('the PATH itself may be a symlink to a directory', async () => {
    await tree(['target/a.yaml']);
    await symlink(path.join(tmp, 'target'), path.join(tmp, 'link'));
    expect((await walkRelease(['link'], tmp)).files).toEqual(['link/a.yaml']);
  });
});

describe('scanRelease and mergeScans', () => {
  test('an unreadable file named as a PATH is unreadable input: UsageError naming it', async () => {
    await tree(['m/a.yaml', 'm/b.yaml']);
    const read = async (p: string): Promise<string> => {
      if (p.endsWith('b.yaml')) throw new Error('EACCES: permission denied, open');
      return 'kind: ConfigMap\n';
    };
    await expect(scanRelease(['m/a.yaml', 'm/b.yaml'], tmp, { readFile: read })).rejects.toThrow(
      new UsageError('cannot read m/b.yaml: EACCES: permission denied, open'),
    );
  });

  test('scans every file in order; an unreadable file is skipped with a finding', async () => {
    await tree(['m/a.yaml', 'm/b.yaml', 'm/c.yaml']);
    const read = async (p: string): Promise<string> => {
      if (p.endsWith('b.yaml')) throw new Error('EACCES: permission denied, open');
      const { readFile } = await import('node:fs/promises');
      return readFile(p, 'utf8');
    };
    const r = await scanRelease(['m'], tmp, { readFile: read });
    expect(r.files.map((f) => f.file)).toEqual(['m/a.yaml', 'm/c.yaml']);
    expect(r.uses.map((u) => [u.raw, u.pos.file, u.pos.line, u.pos.column, u.workload])).toEqual([
      ['x/ayaml:1', 'm/a.yaml', 3, 29, 0],
      ['x/cyaml:1', 'm/c.yaml', 3, 29, 1],
    ]);
    expect(r.findings).toEqual([
      {
        rule: 'path-skipped',
        level: 'warning',
        file: 'm/b.yaml',
        line: 1,
        column: 1,
        message: 'cannot read file: EACCES: permission denied, open',
      },
    ]);
  });

  test('default reader, real files', async () => {
    await tree(['m/a.yaml']);
    const r = await scanRelease(['m'], tmp);
    expect(r.uses.map((u) => u.raw)).toEqual(['x/ayaml:1']);
  });

  test('mergeScans remaps workload and helmChart indices and keeps the first Application', () => {
    const chart =
      'apiVersion: kots.io/v1beta2\nkind: HelmChart\nspec: {chart: {name: c}, values: {image: a/b:1}}\n';
    const pod = 'apiVersion: v1\nkind: Pod\nspec: {containers: [{image: p:1}]}\n';
    const app = (ns: string) =>
      `apiVersion: kots.io/v1beta1\nkind: Application\nspec: {additionalNamespaces: [${ns}]}\n`;
    const parts = [
      scanText('1.yaml', `${pod}---\n${chart}`),
      scanText('2.yaml', `${app('first')}---\n${pod}---\n${chart}---\n${pod}`),
      scanText('3.yaml', app('second')),
      scanText('4.yaml', 'a: [\n'),
    ];
    const m = mergeScans(parts);
    expect(m.files.map((f) => f.file)).toEqual(['1.yaml', '2.yaml', '3.yaml', '4.yaml']);
    expect(m.uses.map((u) => [u.pos.file, u.raw, u.workload, u.helmChart])).toEqual([
      ['1.yaml', 'p:1', 0, undefined],
      ['1.yaml', 'a/b:1', undefined, 0],
      ['2.yaml', 'p:1', 1, undefined],
      ['2.yaml', 'a/b:1', undefined, 1],
      ['2.yaml', 'p:1', 2, undefined],
    ]);
    expect(m.workloads.map((w) => [w.file, w.docIndex])).toEqual([
      ['1.yaml', 0],
      ['2.yaml', 1],
      ['2.yaml', 3],
    ]);
    expect(m.helmCharts.map((h) => h.file)).toEqual(['1.yaml', '2.yaml']);
    expect(m.application?.additionalNamespaces).toEqual(['first']);
    expect(m.findings.map((f) => [f.file, f.rule])).toEqual([['4.yaml', 'yaml-parse-error']]);
    // The inputs are not modified.
    expect(parts[1]?.uses[0]?.workload).toBe(0);
    expect(mergeScans([])).toEqual({ files: [], uses: [], workloads: [], helmCharts: [], findings: [] });
  });
});

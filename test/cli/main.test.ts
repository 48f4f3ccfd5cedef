// The CLI end to end, in process: exit codes, the report on stdout, files written or refused.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const cli = runCli;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: "quay.io/acme/api:1"
`;

function release(files: Record<string, string> = {}): string {
  const root = tempDir();
  writeTree(root, { 'manifests/deploy.yaml': DEPLOY, ...files });
  return root;
}

describe('kots-proxy scan', () => {
  it('writes the overlay and prints the report on stdout with --report -', async () => {
    const root = release();
    const run = await cli(root, 'scan', '--app-slug', 'acme', '--offline', '--report', '-');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.images).toEqual([
      {
        image: 'quay.io/acme/api:1',
        normalized: 'quay.io/acme/api:1',
        status: 'unknown',
        credentials: 'not-checked',
        proxy: 'proxy.replicated.com/proxy/acme/quay.io/acme/api',
        reason: 'offline: no request made',
        locations: [{ file: 'manifests/deploy.yaml', line: 10, column: 18 }],
      },
    ]);
    expect(report.generated).toEqual(['kots-proxy/kustomization.yaml', 'kots-proxy/pull-secret.yaml']);
    expect(readdirSync(join(root, 'kots-proxy')).sort()).toEqual(['kustomization.yaml', 'pull-secret.yaml']);
    expect(run.stderr).toContain('quay.io/acme/api:1');
  });

  it('is byte-identical across runs', async () => {
    const root = release();
    const a = await cli(root, 'scan', '--app-slug', 'acme', '--offline', '--report', '-');
    const k1 = readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8');
    const b = await cli(root, 'scan', '--app-slug', 'acme', '--offline', '--report', '-');
    expect(b.stdout).toBe(a.stdout);
    expect(readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8')).toBe(k1);
  });

  it.each([
    ['error', 1],
    ['warning', 1],
    ['never', 0],
  ])(
    'exits per --fail-on %s when a file is not valid YAML, and still scans the others',
    async (failOn, code) => {
      const root = release({ 'manifests/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n' });
      const run = await cli(
        root,
        'scan',
        '--app-slug',
        'acme',
        '--offline',
        '--fail-on',
        failOn,
        '--report',
        '-',
      );
      expect(run.code).toBe(code);
      const report = JSON.parse(run.stdout);
      expect(report.images.map((i: { image: string }) => i.image)).toEqual(['quay.io/acme/api:1']);
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          rule: 'yaml-parse-error',
          level: 'error',
          file: 'manifests/broken.yaml',
          line: 3,
        }),
      );
    },
  );

  it('exits 1 on warnings only with --fail-on warning', async () => {
    const root = release();
    const flags = ['scan', '--app-slug', 'acme', '--offline', '--private-registry', 'quay.io'];
    expect((await cli(root, ...flags)).code).toBe(0);
    expect((await cli(root, ...flags, '--fail-on', 'warning')).code).toBe(1);
  });

  it.each([
    [['scan', '--app-slug', 'acme', '--nope'], /Unknown option '--nope'/],
    [['scan', '--offline'], /--app-slug is required/],
    [['scan', 'missing-dir', '--app-slug', 'acme', '--offline'], /missing-dir/],
    [
      ['scan', '--app-slug', 'acme', '--offline', '--out', 'manifests/gen'],
      /--out manifests\/gen overlaps the release/,
    ],
    [['scan', '--app-slug', 'acme', '--offline', '--out', 'manifests/deploy.yaml'], /is not a directory/],
    [
      ['scan', '--app-slug', 'acme', '--registry-auth', 'nope.json'],
      /--registry-auth nope.json: cannot read/,
    ],
  ])('%j exits 2 with a one-line reason', async (argv, message) => {
    const root = release();
    const run = await cli(root, ...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
    expect(existsSync(join(root, 'kots-proxy'))).toBe(false);
  });

  it.each([
    [['manifests/deploy.yaml', '--out', 'manifests/gen'], 2],
    [['manifests/deploy.yaml', '--out', 'kots-proxy'], 0],
  ])('a single manifest PATH stands for its directory: scan %j exits %i', async (argv, code) => {
    const root = release();
    writeFileSync(join(root, 'root.yaml'), DEPLOY);
    const run = await cli(root, 'scan', ...argv, '--app-slug', 'acme', '--offline');
    expect(run.code).toBe(code);
    if (code === 2) expect(run.stderr).toMatch(/overlaps the directory of manifests\/deploy.yaml/);
    // A manifest at the working directory's root does not make the working directory a release.
    expect((await cli(root, 'scan', 'root.yaml', '--app-slug', 'acme', '--offline')).code).toBe(0);
  });

  it('refuses an --out that reaches the release through a symlink', async () => {
    const root = release();
    symlinkSync(join(root, 'manifests'), join(root, 'link'));
    const run = await cli(root, 'scan', '--app-slug', 'acme', '--offline', '--out', 'link/gen');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/overlaps the release directory/);
    expect(existsSync(join(root, 'manifests/gen'))).toBe(false);
  });

  it('removes generated files a previous run produced and this run does not', async () => {
    // The pull secret is always written (pkg/midstream/write.go WriteMidstream), so the file that
    // goes away here is a filtered copy: a nameless KOTS Config beside a Deployment needs one.
    const extra = `${DEPLOY.replace('  name: api\n', '  name: extra\n')}---\napiVersion: kots.io/v1beta1\nkind: Config\nspec: {}\n`;
    const root = release({ 'manifests/extra.yaml': extra });
    writeFileSync(join(root, 'keep.yaml'), 'x: 1\n');
    expect((await cli(root, 'scan', '--app-slug', 'acme', '--offline')).code).toBe(0);
    expect(existsSync(join(root, 'kots-proxy/release/manifests/extra.yaml'))).toBe(true);
    mkdirSync(join(root, 'kots-proxy'), { recursive: true });
    writeFileSync(join(root, 'kots-proxy/mine.yaml'), 'not: generated\n');
    rmSync(join(root, 'manifests/extra.yaml'));
    const run = await cli(root, 'scan', '--app-slug', 'acme', '--offline');
    expect(run.code).toBe(0);
    expect(existsSync(join(root, 'kots-proxy/release/manifests/extra.yaml'))).toBe(false);
    expect(existsSync(join(root, 'kots-proxy/mine.yaml'))).toBe(true);
    expect(existsSync(join(root, 'kots-proxy/pull-secret.yaml'))).toBe(true);
  });

  it('keeps the previous output when the output directory cannot be written', async () => {
    const root = release();
    expect((await cli(root, 'scan', '--app-slug', 'acme', '--offline')).code).toBe(0);
    const before = readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8');
    // A file where a generated file's directory would go makes every write fail, even for root.
    chmodSync(join(root, 'kots-proxy'), 0o755);
    const run = await cli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--offline',
      '--out',
      'kots-proxy/kustomization.yaml/x',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/kots-proxy\/kustomization.yaml\/x/);
    expect(readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(root, 'kots-proxy')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('prints usage with --help and exits 0', async () => {
    const run = await cli(release(), '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kots-proxy scan/);
  });
});

describe('kots-proxy scan with an absolute --out', () => {
  it('reports generated paths relative to the working directory', async () => {
    const root = release();
    const run = await cli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--offline',
      '--out',
      join(root, 'gen'),
      '--report',
      '-',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).generated).toEqual(['gen/kustomization.yaml', 'gen/pull-secret.yaml']);
    expect(readFileSync(join(root, 'gen/kustomization.yaml'), 'utf8')).toContain(
      '  - "../manifests/deploy.yaml"',
    );
  });
});

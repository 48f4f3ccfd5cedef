// Hostile release trees, through the CLI: symlinks out of the tree and loops, odd file names, a
// directory named x.yaml, empty / `---`-only / binary files. Each run must finish with the files it
// could scan, report paths exactly, and generate an overlay that `kubectl kustomize` still renders.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { kustomize } from '../helpers/kustomize.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

interface Report {
  images: { image: string; locations: { file: string; line: number; column: number }[] }[];
  findings: { rule: string; level: string; file: string; message: string }[];
}

async function scan(
  cwd: string,
  ...paths: string[]
): Promise<{ code: number; report: Report; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['scan', ...paths, '--app-slug', 'acme', '--offline', '--report', '-'], {
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    version: 'test',
  });
  expect(stderr).not.toMatch(/internal error/);
  return { code, report: JSON.parse(stdout || 'null') as Report, stderr };
}

const pod = (name: string, image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;

const locationsOf = (r: Report) =>
  Object.fromEntries(
    r.images.map((i) => [i.image, i.locations.map((l) => `${l.file}:${l.line}:${l.column}`)]),
  );

describe('symlinks', () => {
  it('a link out of the tree and a link loop are not followed, each noted with path-skipped', async () => {
    const root = tempDir();
    const outside = tempDir();
    writeTree(outside, { 'secret.yaml': pod('outside', 'quay.io/outside/x:1') });
    writeTree(root, { 'manifests/app.yaml': pod('app', 'quay.io/a/app:1') });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'manifests/out-file.yaml'));
    symlinkSync(outside, join(root, 'manifests/out-dir'));
    symlinkSync(join(root, 'manifests'), join(root, 'manifests/loop'));
    symlinkSync(join(root, 'manifests/missing.yaml'), join(root, 'manifests/broken.yaml'));
    const { code, report } = await scan(root, 'manifests');
    expect(code).toBe(0);
    expect(Object.keys(locationsOf(report))).toEqual(['quay.io/a/app:1']);
    const skipped = report.findings
      .filter((f) => f.rule === 'path-skipped')
      .map((f) => `${f.file}: ${f.message}`);
    expect(skipped.sort()).toEqual([
      'manifests/broken.yaml: broken symlink',
      'manifests/loop: symlink loop: points back to a directory being walked',
      'manifests/out-dir: symlink points outside the release tree',
      'manifests/out-file.yaml: symlink points outside the release tree',
    ]);
    expect(kustomize('kots-proxy', root).map((o) => o.metadata.name)).toContain('app');
  });
});

describe('file names and odd files', () => {
  it('names with spaces, unicode and a newline are scanned and reported exactly', async () => {
    const root = tempDir();
    const names = ['with space.yaml', 'ünïcødé-😀.yaml', 'new\nline.yaml', 'quote\'"s.yml'];
    writeTree(
      root,
      Object.fromEntries(names.map((n, i) => [`manifests/${n}`, pod(`p${i}`, `quay.io/a/img${i}:1`)])),
    );
    const { code, report } = await scan(root, 'manifests');
    expect(code).toBe(0);
    const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(locationsOf(report)).toEqual(
      Object.fromEntries(names.map((n, i) => [`quay.io/a/img${i}:1`, [`manifests/${n}:8:14`]])),
    );
    // The overlay lists each of them and kustomize can load every one.
    const objects = kustomize('kots-proxy', root);
    expect(
      objects
        .filter((o) => o.kind === 'Pod')
        .map((o) => o.metadata.name)
        .sort(),
    ).toEqual(sorted.map((n) => `p${names.indexOf(n)}`).sort());
  });

  it('a directory named x.yaml is walked as a directory, not read as a file', async () => {
    const root = tempDir();
    writeTree(root, { 'manifests/x.yaml/inner.yaml': pod('inner', 'quay.io/a/inner:1') });
    mkdirSync(join(root, 'manifests/empty.yml'));
    const { code, report } = await scan(root, 'manifests');
    expect(code).toBe(0);
    expect(locationsOf(report)).toEqual({ 'quay.io/a/inner:1': ['manifests/x.yaml/inner.yaml:8:14'] });
    expect(report.findings.filter((f) => f.level === 'error')).toEqual([]);
    // Named explicitly, it is a release directory too.
    const direct = await scan(root, 'manifests/x.yaml');
    expect(locationsOf(direct.report)).toEqual({ 'quay.io/a/inner:1': ['manifests/x.yaml/inner.yaml:8:14'] });
  });

  it('an empty file, a file of only `---`, and a binary .yaml: no crash, the other files still scanned', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/app.yaml': pod('app', 'quay.io/a/app:1'),
      'manifests/empty.yaml': '',
      'manifests/dashes.yaml': '---\n---\n...\n---\n',
    });
    // Bytes of every value, NULs included; invalid UTF-8 (0x80–0xff alone) decodes to U+FFFD. yaml reads
    // this one as a (strange) plain scalar: valid YAML, but no Kubernetes object.
    writeFileSync(
      join(root, 'manifests/binary.yaml'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)),
    );
    // A PNG header then the same bytes: `: ` and flow indicators make it invalid YAML.
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x3a, 0x20, 0x5b, 0x0a, 0x2d, 0x7b,
    ]);
    writeFileSync(join(root, 'manifests/image.yaml'), Buffer.concat([png, Buffer.alloc(64), png]));
    const { code, report } = await scan(root, 'manifests');
    expect(code).toBe(1); // image.yaml is not valid YAML: an error finding
    expect(Object.keys(locationsOf(report))).toEqual(['quay.io/a/app:1']);
    const byFile = (file: string) => report.findings.filter((f) => f.file === file).map((f) => f.rule);
    expect(byFile('manifests/empty.yaml')).toEqual([]);
    expect(byFile('manifests/dashes.yaml')).toEqual([]);
    expect(byFile('manifests/binary.yaml')).toEqual(['overlay-excluded-document']);
    // One YAML error, one finding (the file is still left out of the overlay).
    expect(byFile('manifests/image.yaml')).toEqual(['yaml-parse-error']);
    const objects = kustomize('kots-proxy', root);
    expect(objects.filter((o) => o.kind === 'Pod').map((o) => o.metadata.name)).toEqual(['app']);
  });
});

// A chart archive (`.tgz`) in the release is the pull request's file, of any size (Git LFS, or a host
// without GitHub's 100 MB push limit). Its decompressed content may not pass 50 MiB
// (src/scan/helm/archive.ts), and gzip output is never much smaller than its input for data that
// large, so a file far past that cannot be a chart the preview would read: it is skipped by its size,
// with a finding, before its bytes are read into memory. The file here is sparse: 600 MB apparent,
// almost nothing on disk, with a gzip magic number in front so it is not refused for its first bytes.
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: a\n      image: quay.io/acme/ok:1\n';

describe('a chart archive file far past the size limit', () => {
  it('is skipped by its size, not read, and the rest is scanned', async () => {
    const root = tempDir('kots-proxy-sec-bigtgz-');
    writeTree(root, { 'release/ok.yaml': POD });
    const file = join(root, 'release/huge-1.0.0.tgz');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    closeSync(fd);
    truncateSync(file, 600 * 1024 * 1024);
    const run = await runCli(root, 'scan', 'release', '--app-slug', 'acme', '--offline', '--report', '-');
    expect(run.code, run.stderr).not.toBe(2);
    const report = JSON.parse(run.stdout) as {
      images: { image: string }[];
      findings: { rule: string; file: string; message: string }[];
    };
    const skipped = report.findings.filter((f) => f.file === 'release/huge-1.0.0.tgz');
    expect(skipped.map((f) => f.rule)).toEqual(['path-skipped']);
    expect(skipped[0]?.message).toMatch(/larger than \d+ bytes/);
    expect(report.images.map((i) => i.image)).toContain('quay.io/acme/ok:1');
  }, 120_000);
});

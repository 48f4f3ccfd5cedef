// A pull request can add any number of Helm chart archives, each under its own size limit. Together
// they must not exhaust the heap: past one memory budget for the run, archives are skipped with a
// `path-skipped` finding naming each, and the rest of the release is still scanned.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanRelease } from '../../src/scan/index.js';
import { cleanup, tgz } from '../helpers/chart-archive.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

afterAll(cleanup);

const chart = (name: string) =>
  tgz({
    [`${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    [`${name}/values.yaml`]: 'image: {repository: quay.io/a/b, tag: "1"}\n',
    // ~100 KB of template text, which compresses to almost nothing.
    [`${name}/templates/big.yaml`]: `# ${'x'.repeat(100_000)}\n`,
  });

describe('a memory budget across chart archives', () => {
  it('archives past the budget are path-skipped by name; manifests are still scanned', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "quay.io/x/y:1"}\n',
    });
    const names = Array.from({ length: 6 }, (_, i) => `c${i}`);
    for (const n of names) writeFileSync(join(root, `manifests/${n}-1.0.0.tgz`), chart(n));
    const scan = await scanRelease(['manifests'], root, { archiveBudget: 250_000 });
    const skipped = scan.findings.filter((f) => f.rule === 'path-skipped' && /memory budget/.test(f.message));
    expect(skipped.map((f) => f.file)).toEqual(names.slice(2).map((n) => `manifests/${n}-1.0.0.tgz`));
    expect(
      scan.uses.some((u) => u.raw === 'quay.io/x/y:1' || JSON.stringify(u).includes('quay.io/x/y:1')),
    ).toBe(true);
  });
});

// Releases with very many of one thing (uses of an image, distinct images, workloads in an unlisted
// namespace). `array.push(...items)` and `Math.max(...items)` overflow the call stack beyond roughly
// 100k items; these cases run the whole CLI on 150,000 of each and expect a normal run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const N = 150_000;

const cli = runCli;

interface Report {
  images: { image: string; locations: unknown[] }[];
  findings: { rule: string }[];
}

async function scanFile(text: string): Promise<{ code: number; report: Report; stderr: string }> {
  const root = tempDir();
  writeFileSync(join(root, 'many.yaml'), text);
  const run = await cli(
    root,
    'scan',
    'many.yaml',
    '--app-slug',
    'acme',
    '--offline',
    '--report',
    '-',
    '--fail-on',
    'never',
  );
  expect(run.stderr).not.toMatch(/internal error|Maximum call stack/);
  return { code: run.code, report: JSON.parse(run.stdout || '{}') as Report, stderr: run.stderr };
}

const count = (r: Report, rule: string) => r.findings.filter((f) => f.rule === rule).length;

describe(`${N.toLocaleString('en')} of one thing`, () => {
  it('uses of one image in one container list', { timeout: 300_000 }, async () => {
    const containers = '    - {name: c, image: "quay.io/a/b:1"}\n'.repeat(N);
    const { code, report } = await scanFile(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`,
    );
    expect(code).toBe(0);
    expect(report.images).toHaveLength(1);
    expect(report.images[0]?.locations).toHaveLength(N);
    expect(count(report, 'image-needs-proxy')).toBe(N);
  });

  it('distinct images', { timeout: 300_000 }, async () => {
    const containers = Array.from(
      { length: N },
      (_, i) => `    - {name: c${i}, image: "quay.io/a/b${i}:1"}\n`,
    ).join('');
    const { code, report, stderr } = await scanFile(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`,
    );
    expect(code).toBe(0);
    expect(report.images).toHaveLength(N);
    expect(stderr).toContain('quay.io/a/b149999:1');
  });

  it('workloads in a namespace the Application does not list', { timeout: 300_000 }, async () => {
    const app =
      'apiVersion: kots.io/v1beta1\nkind: Application\nmetadata: {name: a}\nspec: {additionalNamespaces: [x]}\n';
    // As small as a workload gets (yaml's parse time grows with the node count).
    const pod = '---\nkind: Pod\nmetadata: {namespace: o}\nspec: {containers: [{image: a/b}]}\n';
    const { code, report } = await scanFile(app + pod.repeat(N));
    expect(code).toBe(0);
    expect(count(report, 'namespace-not-in-additional-namespaces')).toBe(N);
  });

  it('one 1 MB image among 1,000 others: the summary pads no row to 1 MB', { timeout: 120_000 }, async () => {
    const others = Array.from(
      { length: 1_000 },
      (_, i) => `    - {name: c${i}, image: "quay.io/a/b${i}:1"}\n`,
    ).join('');
    const huge = `    - {name: big, image: "quay.io/a/${'x'.repeat(1024 * 1024)}:1"}\n`;
    const { report, stderr } = await scanFile(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${huge}${others}`,
    );
    expect(report.images).toHaveLength(1_001);
    // The 1 MB image is printed once (as written); before the fix every row was padded to its width.
    expect(stderr.length).toBeGreaterThan(1024 * 1024);
    expect(stderr.length).toBeLessThan(2 * 1024 * 1024);
  });
});

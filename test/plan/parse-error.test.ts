// One YAML error gives one finding: the yaml-parse-error at the error. The file is left out of the
// overlay (kustomize could not read it either) without a second, warning-level finding about that.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

describe('a YAML error', () => {
  it('gives exactly one finding, an error at the error position', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/a.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n      containers:\n        - image: [quay.io/acme/api\n',
      'manifests/b.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n    - {name: b, image: "quay.io/acme/b:1"}\n',
    });
    const run = await runCli(root, 'scan', '--app-slug', 'acme', '--offline', '--report', '-');
    const report = JSON.parse(run.stdout) as {
      findings: { rule: string; level: string; file: string; line: number }[];
    };
    const inA = report.findings.filter((f) => f.file === 'manifests/a.yaml');
    expect(inA.map((f) => [f.rule, f.level, f.line])).toEqual([['yaml-parse-error', 'error', 8]]);
    expect(run.code).toBe(1);
  });
});

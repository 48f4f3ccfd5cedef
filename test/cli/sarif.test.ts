// `kots-proxy scan --sarif FILE`, in process: the log is written, valid against the SARIF 2.1.0
// schema, and carries every finding of the report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
) as object;
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

describe('kots-proxy scan --sarif', () => {
  it('writes a valid SARIF log with one result per finding', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/deploy.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: a, image: "quay.io/Acme/api:1"}\n        - {name: b, image: "quay.io/acme/api:1"}\n',
    });
    const run = await runCli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--offline',
      '--report',
      '-',
      '--sarif',
      'out.sarif',
    );
    expect(run.code).toBe(1); // the invalid reference is an error
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[] };
    const log = JSON.parse(readFileSync(join(root, 'out.sarif'), 'utf8')) as {
      runs: {
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]!.results.map((r) => r.ruleId)).toEqual(report.findings.map((f) => f.rule));
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'manifests/deploy.yaml',
    );
  });

  it('refuses an empty --sarif', async () => {
    const run = await runCli(tempDir(), 'scan', '--app-slug', 'acme', '--offline', '--sarif', '');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--sarif must name a file');
  });
});

describe('kots-proxy scan of a path without manifests', () => {
  it('exits 2 naming the path and the default', async () => {
    const root = tempDir();
    writeTree(root, { 'docs/README.md': '# not a release\n' });
    const run = await runCli(root, 'scan', 'docs', '--app-slug', 'acme', '--offline');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no manifest (.yaml, .yml or chart .tgz) found in docs');
    expect(run.stderr).toContain('the default is manifests');
  });
});

// Runs a fixture release under test/fixtures/kots/<case>/ through the real pipeline: the fixture is
// copied to a temp dir, every `chart/<name>/` directory is packed by the test into
// `manifests/<name>-<version>.tgz` (a real gzip tar built with the `tar` package), the generated files
// are written, and `kubectl kustomize` renders the overlay when asked.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'tar';
import type { Finding, RunOptions } from '../../src/model.js';
import { writeGeneratedFiles } from '../../src/output.js';
import { type PipelineResult, runPipeline } from '../../src/pipeline.js';
import { type K8sObject, kustomize } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir } from '../helpers/tmp.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/kots', import.meta.url));
const silent = SILENT;

export function options(extra: Partial<RunOptions> = {}): RunOptions {
  return offlineOptions({ publicRegistries: ['docker.io'], ...extra });
}

/** A temp copy of the fixture, with its charts packed. `edit` changes files (relative path → text). */
export function prepare(fixture: string, edit: Record<string, string> = {}): string {
  const root = tempDir('kots-fixture-');
  cpSync(join(FIXTURES, fixture, 'manifests'), join(root, 'manifests'), { recursive: true });
  let charts: string[] = [];
  try {
    charts = readdirSync(join(FIXTURES, fixture, 'chart'));
  } catch {
    charts = [];
  }
  for (const name of charts) {
    const chartYaml = readFileSync(join(FIXTURES, fixture, 'chart', name, 'Chart.yaml'), 'utf8');
    const version = /^version:\s*(\S+)/m.exec(chartYaml)?.[1] ?? '0.0.0';
    create(
      {
        gzip: true,
        sync: true,
        portable: true,
        file: join(root, 'manifests', `${name}-${version}.tgz`),
        cwd: join(FIXTURES, fixture, 'chart'),
      },
      [name],
    );
  }
  for (const [rel, text] of Object.entries(edit)) writeFileSync(join(root, rel), text);
  return root;
}

export interface Run {
  root: string;
  result: PipelineResult;
  /** Generated file text by path relative to the output dir. */
  generated: Record<string, string>;
}

export async function run(root: string, opts: RunOptions = options()): Promise<Run> {
  const result = await runPipeline(['manifests'], opts, { logger: silent, cwd: root });
  await writeGeneratedFiles(root, opts.outDir, result.files);
  const generated: Record<string, string> = {};
  for (const f of result.files) generated[f.path.slice(opts.outDir.length + 1)] = f.content;
  return { root, result, generated };
}

export function render(r: Run): K8sObject[] {
  return kustomize('kots-proxy', r.root);
}

/** [rule, file, line, column] of the findings with one of `rules`, in report order. */
export function where(findings: Finding[], ...rules: string[]): Array<[string, string, number, number]> {
  return findings.filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.file, f.line, f.column]);
}

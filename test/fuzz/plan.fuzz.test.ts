// Property tests for the planner and renderers on scans of mutated manifests: they never throw, the same
// input always gives byte-identical output, every generated file is valid YAML, and every finding still
// points inside the file. A smaller property runs the whole offline pipeline on a temp directory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { AccessVerdict, Logger, RunOptions } from '../../src/model.js';
import type { ScanResult } from '../../src/model-scan.js';
import { runPipeline } from '../../src/pipeline.js';
import { checkTargets, effectiveSettings, groupUses } from '../../src/plan/images.js';
import { buildPlan } from '../../src/plan/index.js';
import { renderOverlay } from '../../src/render/kustomize.js';
import { humanSummary, reportJson } from '../../src/render/report.js';
import { renderPullSecret } from '../../src/render/secret.js';
import { scanText } from '../../src/scan/index.js';
import { tempDir } from '../helpers/tmp.js';
import {
  badPositions,
  encode,
  encoding,
  invalidBytes,
  mutatedSingleManifest,
  SETTINGS,
} from './arbitraries.js';

const FILE = 'manifests/fuzz.yaml';
const HOSTS = ['quay.io', 'docker.io', 'ghcr.io', 'gcr.io', 'registry.replicated.com', 'host:5000'];

const options = fc.record({
  appSlug: fc.constantFrom('acme', 'a', 'my-app-2'),
  proxyDomain: fc.constantFrom('proxy.replicated.com', 'proxy.acme.example'),
  proxyDomainExplicit: fc.boolean(),
  privateRegistries: fc.subarray(HOSTS),
  publicRegistries: fc.subarray(HOSTS),
  insecureRegistries: fc.constant<string[]>([]),
  allowRegistries: fc.constant<string[]>([]),
  offline: fc.boolean(),
  concurrency: fc.constant(4),
  perRegistryConcurrency: fc.constant(4),
  timeoutS: fc.constant(120),
  root: fc.constant('.'),
  outDir: fc.constantFrom('kots-proxy', 'out/gen'),
  registryDomain: fc.option(fc.constantFrom('registry.acme.example'), { nil: undefined }),
});

const VERDICTS: AccessVerdict[] = [
  { status: 'public', credentials: 'not-checked' },
  { status: 'private', credentials: 'none', reason: '401 from x' },
  { status: 'private', credentials: 'ok' },
  { status: 'private', credentials: 'rejected', reason: 'denied' },
  { status: 'not-found', credentials: 'ok', reason: 'manifest unknown' },
  { status: 'unreachable', credentials: 'not-checked', reason: 'ECONNREFUSED' },
  { status: 'rate-limited', credentials: 'not-checked', reason: '429' },
];

interface Case {
  text: string;
  opts: RunOptions;
  picks: number[];
  credentialed: string[];
}

const testCase: fc.Arbitrary<Case> = fc
  .record({
    text: mutatedSingleManifest,
    how: encoding,
    bytes: invalidBytes,
    opts: options,
    picks: fc.array(fc.nat(VERDICTS.length - 1), { maxLength: 12 }),
    credentialed: fc.subarray(HOSTS),
  })
  .map(({ text, how, bytes, opts, picks, credentialed }) => {
    const { registryDomain, ...rest } = opts;
    const o: RunOptions = registryDomain === undefined ? rest : { ...rest, registryDomain };
    return { text: encode(text, how, bytes), opts: o, picks, credentialed };
  });

/** Everything the planner and renderers produce for one case, as text. */
function render(
  c: Case,
  scan: ScanResult,
): { report: string; summary: string; files: { path: string; content: string }[] } {
  const hasCredentials = (h: string): boolean => c.credentialed.includes(h);
  const eff = effectiveSettings(c.opts, scan.application);
  const targets = c.opts.offline ? [] : checkTargets(groupUses(scan.uses), eff, c.opts, hasCredentials);
  const verdicts = new Map<string, AccessVerdict>();
  targets.forEach((t, i) => {
    const v = VERDICTS[c.picks[i % Math.max(1, c.picks.length)] ?? 0];
    if (v) verdicts.set(t.key, v);
  });
  const plan = buildPlan({ scan, verdicts, options: c.opts, hasCredentials });
  const secret = plan.images.some((i) => i.proxy !== null)
    ? renderPullSecret(plan, c.opts.outDir)
    : undefined;
  const files = [...renderOverlay(plan, c.opts.outDir, secret?.path), ...(secret ? [secret] : [])];
  const report = {
    version: 1 as const,
    appSlug: c.opts.appSlug,
    proxyDomain: plan.effective.proxyDomain,
    images: plan.images,
    findings: plan.findings,
    generated: files.map((f) => f.path),
  };
  expect(badPositions(FILE, c.text, [...plan.findings.map((f): [string, typeof f] => [f.rule, f])])).toEqual(
    [],
  );
  return { report: reportJson(report), summary: humanSummary(report, 'verbose'), files };
}

describe('planner and renderers on random scans', () => {
  it('never throw, are deterministic, and generate valid YAML', () => {
    fc.assert(
      fc.property(testCase, (c) => {
        const scan = scanText(FILE, c.text);
        const a = render(c, scan);
        // The planner must not depend on anything but its input (nor mutate the scan it is given).
        expect(render(c, scan)).toEqual(a);
        expect(() => JSON.parse(a.report)).not.toThrow();
        for (const f of a.files) {
          expect(f.path.startsWith(`${c.opts.outDir}/`)).toBe(true);
          const errors = parseAllDocuments(f.content).flatMap((d) => ('errors' in d ? d.errors : []));
          expect(errors.map((e) => `${f.path}: ${e.message}`)).toEqual([]);
        }
      }),
      SETTINGS,
    );
  });

  it('the whole offline pipeline on a temp directory: never throws, byte-identical twice', async () => {
    const root = tempDir();
    const silent: Logger = { info: () => {}, debug: () => {}, warning: () => {} };
    await fc.assert(
      fc.asyncProperty(testCase, async (c) => {
        writeFileSync(join(root, 'fuzz.yaml'), c.text);
        const opts = { ...c.opts, offline: true };
        const run = async () => {
          const r = await runPipeline(['fuzz.yaml'], opts, { logger: silent, cwd: root });
          return { report: reportJson(r.report), files: r.files };
        };
        const first = await run();
        expect(await run()).toEqual(first);
      }),
      { ...SETTINGS, numRuns: Math.max(1, Math.floor(SETTINGS.numRuns / 20)) },
    );
  });
});

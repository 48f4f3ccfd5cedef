// A pull request can name thousands of registries, or one that never answers. The registry phase is
// bounded: distinct registries, requests, and an overall deadline. Past a bound, images are `unknown`
// with credentials `not-checked` and a reason, and the report is still written.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { type FaultServer, startFaultServer } from '../registry/harness/fault-server.js';
import { labChecker, target } from '../registry/helpers.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const servers: FaultServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
const open = () =>
  startFaultServer((q, r) => {
    if (q.url === '/v2/') r.writeHead(200).end('{}');
    else r.writeHead(200, { 'docker-content-digest': DIGEST }).end('{}');
  }).then((s) => {
    servers.push(s);
    return s;
  });

const pod = (images: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    ...images.map((image, i) => `    - {name: c${i}, image: "${image}"}`),
    '',
  ].join('\n');

describe('registry budgets', () => {
  it('40 distinct registries: 32 are checked, the rest are not-checked naming the cap', async () => {
    const registries = await Promise.all(Array.from({ length: 40 }, open));
    const checker = labChecker(registries.map((r) => r.host));
    const targets = registries.map((r) => target(r.host, 'x/y', '1'));
    const verdicts = await checker.check(targets);
    await checker.close();
    expect(registries.filter((r) => r.requests.length > 0)).toHaveLength(32);
    const capped = targets.map((t) => verdicts.get(t.key)!).filter((v) => v.status === 'unknown');
    expect(capped).toHaveLength(8);
    for (const v of capped) {
      expect(v).toEqual({
        status: 'unknown',
        credentials: 'not-checked',
        reason: 'not checked: more than 32 distinct registries in this run',
      });
    }
  });

  it('a request budget: the registry never sees more requests than the budget', async () => {
    const registry = await open();
    const checker = labChecker([registry.host], undefined, { budget: { maxRequests: 5 } });
    const targets = Array.from({ length: 10 }, (_, i) => target(registry.host, `x/app${i}`, '1'));
    const verdicts = await checker.check(targets);
    await checker.close();
    expect(registry.requests.length).toBeLessThanOrEqual(5);
    const unchecked = [...verdicts.values()].filter((v) =>
      v.reason?.includes('limit of 5 registry requests'),
    );
    expect(unchecked.length).toBeGreaterThan(0);
    for (const v of unchecked) expect(v).toMatchObject({ status: 'unknown', credentials: 'not-checked' });
  });

  it('a registry that answers /v2/ and never a manifest: --timeout ends the phase, the report is written', async () => {
    const hang = await startFaultServer((q, r) => {
      if (q.url === '/v2/') r.writeHead(200).end('{}');
      // Manifests: never answered.
    });
    servers.push(hang);
    const root = tempDir();
    const images = Array.from({ length: 33 }, (_, i) => `${hang.host}/team/app${i}:1`);
    writeTree(root, { 'manifests/a.yaml': pod(images) });
    const run = await runCli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--insecure-registry',
      hang.host,
      '--timeout',
      '2',
      '--report',
      'report.json',
      '--fail-on',
      'never',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')) as {
      images: { status: string; credentials: string; reason?: string }[];
    };
    expect(report.images).toHaveLength(33);
    for (const image of report.images) {
      expect(image).toMatchObject({
        status: 'unknown',
        credentials: 'not-checked',
        reason: 'not checked: the registry phase reached its time limit (--timeout 2 s)',
      });
    }
  }, 60_000);
});

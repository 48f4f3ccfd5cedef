// One image string in a pull request must not abort the whole run: a reference that validates must be
// usable by the HTTP client, and one that is not is an `invalid-image-reference` finding, with the
// report still written. The fuzz target runs generated reference strings through the whole client
// path (scan → plan → registry checker → transport → connector → verdicts → render), with a network
// policy that refuses every address, so no packet leaves the machine.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { parseReference } from '../../src/reference.js';
import { createRegistryChecker } from '../../src/registry/checker.js';
import { runCli } from '../helpers/cli.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const manifest = (images: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  containers:',
    ...images.map((image, i) => `    - {name: c${i}, image: ${JSON.stringify(image)}}`),
    '',
  ].join('\n');

const UNUSABLE = [
  '127.0.0.1:99999/x/y:1',
  '127.0.0.1:65536/x/y:1',
  'registry.example:0/x/y:1',
  '[::1:2:3:4:5:6:7:8:9]:5000/x/y:1',
  '[:::::]/x/y:1',
];

describe('references the URL parser would refuse', () => {
  it.each(UNUSABLE)('%s is invalid-image-reference, not an internal error', async (image) => {
    expect(parseReference(image).ok).toBe(false);
    const root = tempDir();
    writeTree(root, { 'manifests/a.yaml': manifest([image, 'quay.io/ok/app:1']) });
    // Not offline: the registry phase runs (the valid image is listed public, so nothing is sent).
    const run = await runCli(
      root,
      'scan',
      '--app-slug',
      'acme',
      '--public-registry',
      'quay.io',
      '--report',
      '-',
      '--fail-on',
      'never',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { rule: string }[] };
    expect(report.findings.map((f) => f.rule)).toContain('invalid-image-reference');
  });

  it('IPv6 zone ids are refused', () => {
    expect(parseReference('[fe80::1%25eth0]:5000/x/y:1').ok).toBe(false);
    expect(parseReference('[fe80::1%eth0]/x/y:1').ok).toBe(false);
  });
});

const hostish = fc.oneof(
  fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '[::ffff:127.0.0.1]', '10.0.0.1', 'a.b', 'xn--a.com'),
  fc.constantFrom('[fe80::1%eth0]', '[:::]', '[1:2:3:4:5:6:7:8:9]', '0x7f.1', '999.1.1.1', 'A.B', '-a.b'),
  fc.stringMatching(/^[a-zA-Z0-9.\-[\]:%]{1,20}$/),
);
const reference = fc.oneof(
  fc
    .tuple(
      hostish,
      fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
      fc.stringMatching(/^[a-z0-9._/-]{1,20}$/),
      fc.option(fc.stringMatching(/^[\w.-]{1,10}$/), { nil: undefined }),
    )
    .map(
      ([h, port, path, tag]) => `${h}${port === undefined ? '' : `:${port}`}/${path}${tag ? `:${tag}` : ''}`,
    ),
  fc.string({ maxLength: 40 }),
);

describe('fuzz: reference strings through the whole client path', () => {
  it('no run ends in an internal error', async () => {
    const root = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(reference, { minLength: 1, maxLength: 6 }), async (images) => {
        writeFileSync(join(root, 'fuzz.yaml'), manifest(images));
        const checker = createRegistryChecker({
          credentials: new Map(),
          insecureRegistries: [],
          concurrency: 4,
          logger: SILENT,
          timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000, perImageMs: 5_000 },
          retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
          // Every address counts as internal and no DNS is asked: nothing is ever sent.
          network: {
            classify: () => 'reserved',
            lookup: ((_h: string, _o: unknown, done: (e: Error) => void) =>
              done(Object.assign(new Error('no DNS in tests'), { code: 'ENOTFOUND' }))) as never,
          },
        });
        try {
          const result = await runPipeline(['fuzz.yaml'], offlineOptions({ offline: false }), {
            checker,
            logger: SILENT,
            cwd: root,
          });
          for (const image of result.report.images) {
            expect([
              'public',
              'private',
              'not-found',
              'unreachable',
              'rate-limited',
              'unknown',
              'dynamic',
            ]).toContain(image.status);
          }
        } finally {
          await checker.close();
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);
});

// The report is written in pieces (reportJsonChunks) and redacted piece by piece (redactChunks); both
// must give exactly the bytes of the one-string forms they replace: `JSON.stringify(ordered, null, 2)`
// plus a newline, and Redactor.redact of the whole text.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Finding, Report, ReportImage } from '../../src/model.js';
import { Redactor } from '../../src/redact.js';
import { reportJson, reportJsonChunks } from '../../src/render/report.js';

/** The serialisation the report had as one string: docs/interface.md's key order, stringified once. */
function wholeJson(report: Report): string {
  const ordered = {
    version: report.version,
    appSlug: report.appSlug,
    proxyDomain: report.proxyDomain,
    images: report.images.map((i) => ({
      image: i.image,
      ...(i.normalized !== undefined ? { normalized: i.normalized } : {}),
      status: i.status,
      credentials: i.credentials,
      proxy: i.proxy,
      ...(i.reason !== undefined ? { reason: i.reason } : {}),
      locations: i.locations.map((l) => ({ file: l.file, line: l.line, column: l.column })),
    })),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      level: f.level,
      file: f.file,
      line: f.line,
      column: f.column,
      message: f.message,
    })),
    generated: report.generated,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const image = (n: number, extra: Partial<ReportImage> = {}): ReportImage => ({
  image: `quay.io/acme/svc-${n}:v1`,
  status: 'unknown',
  credentials: 'none',
  proxy: `proxy.example/proxy/app/quay.io/acme/svc-${n}:v1`,
  locations: [
    { file: 'a.yaml', line: n + 1, column: 18 },
    { file: 'dir/b "q".yaml', line: 2, column: 3 },
  ],
  ...extra,
});
const finding = (n: number, message: string): Finding => ({
  rule: 'image-needs-proxy',
  level: 'notice',
  file: 'a.yaml',
  line: n,
  column: 1,
  message,
});
const base: Report = {
  version: 1,
  appSlug: 'app',
  proxyDomain: 'proxy.example',
  images: [],
  findings: [],
  generated: [],
};

describe('reportJsonChunks', () => {
  test.each<[string, Report]>([
    ['an empty report', base],
    ['one image, no findings', { ...base, images: [image(1)], generated: ['out/kustomization.yaml'] }],
    [
      'optional fields, null proxy, awkward text',
      {
        ...base,
        images: [
          image(1, { normalized: 'docker.io/library/nginx:1', reason: 'line\nbreak "quoted" \u2028 é ✓ 😀' }),
          image(2, { proxy: null, locations: [] }),
        ],
        findings: [finding(1, 'tab\there, backslash \\ and {"json": [1]}'), finding(2, '')],
        generated: ['out/kustomization.yaml', 'out/pull-secret.yaml'],
      },
    ],
    [
      'enough entries for many pieces',
      {
        ...base,
        images: Array.from({ length: 3000 }, (_, n) => image(n)),
        findings: Array.from({ length: 3000 }, (_, n) => finding(n, `needs the proxy: ${n}`)),
        generated: ['out/kustomization.yaml'],
      },
    ],
  ])('%s: the pieces join to the one-string JSON', (_, report) => {
    const pieces = [...reportJsonChunks(report)];
    expect(pieces.join('')).toBe(wholeJson(report));
    expect(reportJson(report)).toBe(wholeJson(report));
    // Pieces are bounded, so a large report is never one string.
    for (const p of pieces) expect(p.length).toBeLessThan(70_000);
    if (report.images.length === 3000) expect(pieces.length).toBeGreaterThan(5);
  });
});

describe('Redactor.redactChunks', () => {
  const secrets = ['s3cr3t-pass', 'abab', 'x*y*z', 'p"q\\r'];
  const redactor = new Redactor(secrets);

  test.each<[string, string[]]>([
    ['a secret split across pieces', ['user s3cr', '3t-pass end']],
    ['a secret split into single characters', [...'a s3cr3t-pass b']],
    ['overlapping candidates', ['abababa', 'bab', 'ab']],
    ['base64 and JSON forms', [Buffer.from('s3cr3t-pass').toString('base64'), ' p\\"q\\\\r']],
    ['no secret at all', ['nothing ', 'here']],
    ['empty pieces', ['', 's3cr3t-', '', 'pass', '']],
  ])('%s', (_, pieces) => {
    expect([...redactor.redactChunks(pieces)].join('')).toBe(redactor.redact(pieces.join('')));
  });

  test('any text cut anywhere redacts as the whole text does', () => {
    const alphabet = fc.constantFrom(...'abs3cr3t-pass*xyz"\\q \n');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: alphabet, maxLength: 12 }), { maxLength: 12 }), (pieces) => {
        expect([...redactor.redactChunks(pieces)].join('')).toBe(redactor.redact(pieces.join('')));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  test('with no secrets the pieces pass through as they are', () => {
    const pieces = ['a', 'b'];
    expect(new Redactor().redactChunks(pieces)).toBe(pieces);
  });
});

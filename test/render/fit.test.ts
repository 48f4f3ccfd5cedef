import { describe, expect, it } from 'vitest';
import { fitTable, fitWidths, middleEllipsis } from '../../src/render/fit.js';
import { humanSummary } from '../../src/render/report.js';

describe('middleEllipsis', () => {
  it.each([
    ['quay.io/acme-corp/api:v1.0.1', 40, 'quay.io/acme-corp/api:v1.0.1'],
    ['quay.io/acme-corp/api:v1.0.1', 11, 'quay.…1.0.1'],
    ['abcdef', 1, '…'],
    ['abcdef', 0, ''],
  ])('%s in %i', (text, width, out) => {
    expect(middleEllipsis(text, width)).toBe(out);
    expect([...middleEllipsis(text, width)].length).toBeLessThanOrEqual(width);
  });
});

describe('fitTable', () => {
  it('keeps narrow tables as they are', () => {
    expect(fitWidths([5, 6, 7], 80)).toEqual([5, 6, 7]);
  });

  it('fits every line into the columns by shortening the widest column', () => {
    const long = `registry.example.com/${'x'.repeat(200)}:1`;
    const rows = [
      ['IMAGE', 'STATUS', 'WHERE'],
      [long, 'private', 'manifests/api.yaml:3:14'],
    ];
    const out = fitTable(rows, 80);
    for (const line of out) expect([...line].length).toBeLessThanOrEqual(80);
    expect(out[1]).toContain('…');
    expect(out[1]).toContain('manifests/api.yaml:3:14');
  });
});

describe('humanSummary', () => {
  it('fits the table and says how to see hidden notices', () => {
    const image = `quay.io/${'a'.repeat(150)}/api:1`;
    const text = humanSummary(
      {
        version: 1,
        appSlug: 'acme',
        proxyDomain: 'proxy.replicated.com',
        images: [
          {
            image,
            status: 'private',
            credentials: 'none',
            proxy: `proxy.replicated.com/proxy/acme/${image}`,
            locations: [{ file: 'm.yaml', line: 1, column: 1 }],
          },
        ],
        findings: [
          { rule: 'image-needs-proxy', level: 'notice', file: 'm.yaml', line: 1, column: 1, message: 'm' },
        ],
        generated: [],
      },
      'normal',
      80,
    );
    const table = text.split('\n').slice(0, 2);
    // The two lines are the header and the image's row, shortened in the middle to fit.
    expect(table[0]).toMatch(/^IMAGE +STATUS +WHERE$/);
    expect(table[1]).toMatch(/^quay\.io\/a+…a+\/api:1 +private +m\.yaml:1:1$/);
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toContain('1 not shown (--verbose to show)');
  });
});

describe('humanSummary at 80 columns', () => {
  const report = (image: string, proxy: string | null, reason?: string) => ({
    version: 1 as const,
    appSlug: 'acme',
    proxyDomain: 'proxy.replicated.com',
    images: [
      {
        image,
        status: 'private' as const,
        credentials: 'none' as const,
        proxy,
        ...(reason ? { reason } : {}),
        locations: [{ file: 'manifests/deploy-api.yaml', line: 24, column: 18 }],
      },
    ],
    findings: [],
    generated: [],
  });

  it.each([
    [
      'quay.io/acme-corp/api:v1.0.1',
      'proxy.replicated.com/proxy/acme/quay.io/acme-corp/api',
      '401 from quay.io',
    ],
    [`quay.io/${'x'.repeat(120)}:1`, `proxy.replicated.com/proxy/acme/quay.io/${'x'.repeat(120)}`, undefined],
  ])('keeps %s readable: proxy and reason on their own lines, no line over 80', (image, proxy, reason) => {
    const lines = humanSummary(report(image, proxy, reason), 'normal', 80).split('\n');
    for (const l of lines.slice(0, 4)) expect([...l].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe(
      'IMAGE'.padEnd(lines[0]!.indexOf('STATUS')) + lines[0]!.slice(lines[0]!.indexOf('STATUS')),
    );
    expect(lines[1]).toContain('private');
    expect(lines[1]).toContain('manifests/deploy-api.yaml:24:18');
    if (image.length < 40) expect(lines[1]?.startsWith(image)).toBe(true);
    expect(lines[2]?.startsWith('  → proxy.replicated.com/proxy/acme/')).toBe(true);
    expect(lines[3]).toBe(`  ↳ credentials none${reason ? `; ${reason}` : ''}`);
  });
});

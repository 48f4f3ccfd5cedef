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
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toContain('1 not shown (--verbose to show)');
  });
});

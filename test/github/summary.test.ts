// The job summary: content, escaping, links, and the 1 MiB cut.
import { describe, expect, it } from 'vitest';
import { renderSummary, type SummaryInput } from '../../src/github/summary.js';
import type { Report } from '../../src/model.js';

function report(images: number, findings: number): Report {
  return {
    version: 1,
    appSlug: 'acme',
    proxyDomain: 'proxy.replicated.com',
    images: Array.from({ length: images }, (_, i) => ({
      image: `quay.io/acme/<img${i}>:1`,
      normalized: `quay.io/acme/img${i}:1`,
      status: 'private' as const,
      credentials: 'none' as const,
      proxy: `proxy.replicated.com/proxy/acme/quay.io/acme/img${i}`,
      locations: [{ file: 'manifests/a.yaml', line: i + 1, column: 14 }],
    })),
    findings: Array.from({ length: findings }, (_, i) => ({
      rule: 'credentials-missing' as const,
      level: i === findings - 1 ? ('error' as const) : ('warning' as const),
      file: 'manifests/a.yaml',
      line: i + 1,
      column: 14,
      message: `finding ${i} ${'x'.repeat(200)}`,
    })),
    generated: ['kots-proxy/kustomization.yaml'],
  };
}

function input(r: Report, extra: Partial<SummaryInput> = {}): SummaryInput {
  return {
    report: r,
    files: [{ path: 'kots-proxy/kustomization.yaml', content: 'a: "```"\n' }],
    commit: { kind: 'skipped', reason: 'fork', detail: 'head repository someone/app' },
    link: (file, line) => `https://github.example/acme/app/blob/abc/${file}#L${line}`,
    fork: true,
    command: 'kots-proxy scan manifests --app-slug acme --out kots-proxy',
    annotated: { shown: 1, omitted: 0, filtered: 0 },
    ...extra,
  };
}

describe('renderSummary', () => {
  it('lists images with status, credentials, proxy and linked locations, escaped', () => {
    const html = renderSummary(input(report(2, 2)));
    expect(html).toContain('<code>quay.io/acme/&#60;img0&#62;:1</code></td><td>private</td><td>none</td>');
    expect(html).toContain(
      '<a href="https://github.example/acme/app/blob/abc/manifests/a.yaml#L2">manifests/a.yaml:2</a>',
    );
    expect(html).not.toContain('<img0>');
    // Errors are listed before warnings.
    expect(html.indexOf('finding 1 ')).toBeLessThan(html.indexOf('finding 0 '));
  });

  it('tells fork authors how to apply the overlay and shows the files in a fence longer than their backticks', () => {
    const html = renderSummary(input(report(1, 1)));
    expect(html).toContain('comes from a fork');
    expect(html).toContain('kots-proxy scan manifests --app-slug acme --out kots-proxy');
    expect(html).toContain('````yaml\na: "```"\n````');
  });

  it('does not show file contents once committed', () => {
    const html = renderSummary(
      input(report(1, 1), { commit: { kind: 'committed', sha: 'a'.repeat(40) }, fork: false }),
    );
    expect(html).toContain('Committed the generated files');
    expect(html).not.toContain('How to apply');
  });

  it('stays under 1 MiB and says what was cut', () => {
    const html = renderSummary(input(report(6000, 6000)));
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1024 * 1024);
    expect(html).toMatch(/1 MiB job summary limit: \d+ of 6000 finding rows, \d+ of 6000 image rows/);
    expect(html).toContain('finding 5999'); // the highest-ranked row (the error) is kept
    expect(html).toContain('quay.io/acme/&#60;img0&#62;:1'); // and images still get their share
    expect(html).toContain('<h3>Generated files</h3>');
  });
});

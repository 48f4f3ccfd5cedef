// The job summary: content, escaping, links, and the 1 MiB cut.
import { describe, expect, it } from 'vitest';
import { renderSummary, type SummaryInput } from '../../src/github/summary.js';
import { breakable, shortImage } from '../../src/github/summary-rows.js';
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

/** What a reader sees: the `<wbr>` break points take no room. */
const seen = (html: string) => html.replaceAll('<wbr>', '');

/** The rows of the table under heading `h3`, each as its cells' HTML. */
function table(html: string, h3: string): string[][] {
  const start = html.indexOf(`<h3>${h3}</h3>`);
  const body = html.slice(start, html.indexOf('</table>', start));
  return body
    .split('<tr>')
    .slice(1)
    .map((row) => [...row.matchAll(/<t[dh](?: nowrap)?>(.*?)<\/t[dh]>/g)].map((m) => m[1]!));
}

describe('renderSummary', () => {
  it('keeps both tables to three columns, the rest of a row folded in <details>', () => {
    const html = renderSummary(input(report(2, 2)));
    const images = table(html, 'Images');
    expect(images[0]).toEqual(['Image', 'Status', 'Where']);
    expect(images.slice(1).map((r) => r.length)).toEqual([3, 3]);
    const [image, status, where] = images[1]!;
    expect(seen(image!)).toMatch(
      /^<details><summary><code>quay\.io\/acme\/&#60;img0&#62;:1<\/code><\/summary>/,
    );
    expect(seen(image!)).toContain(
      'Proxy name: <code>proxy.replicated.com/proxy/acme/quay.io/acme/img0</code>',
    );
    expect(image).toContain('Credentials: none');
    expect(status).toBe('private');
    expect(seen(where!)).toBe(
      '<a href="https://github.example/acme/app/blob/abc/manifests/a.yaml#L1">manifests/a.yaml:1</a>',
    );
    expect(html).not.toContain('<img0>');

    const findings = table(html, 'Findings');
    expect(findings[0]).toEqual(['Finding', 'Where', 'Message']);
    expect(findings.slice(1).map((r) => r.length)).toEqual([3, 3]);
    // Errors are listed before warnings, with the level as its icon.
    expect(findings[1]![0]).toBe('❌ credentials-missing');
    expect(findings[1]![2]).toContain('finding 1 ');
    expect(findings[2]![0]).toBe('⚠️ credentials-missing');
    // The rule cell never wraps: its hyphens are no place for a line break.
    expect(html).toContain('<tr><td nowrap>❌ credentials-missing</td>');
  });

  it('shortens a long image in its cell, in full when unfolded, and folds extra locations', () => {
    const r = report(1, 0);
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    r.images[0] = {
      ...r.images[0]!,
      image: `registry.example.com:5000/team/very-long-service-name-exporter:v1.2.3@${digest}`,
      reason: '401 from registry.example.com:5000',
      locations: [
        ...Array.from({ length: 7 }, (_, n) => ({ file: 'a.yaml', line: n + 1, column: 1 })),
        { file: 'b.yaml', line: 9, column: 1 },
      ],
    };
    const [image, , where] = table(renderSummary(input(r)), 'Images')[1]!;
    const summary = seen(image!).match(/<summary>(.*?)<\/summary>/)![1]!;
    expect(summary).toBe(`<code>${shortImage(r.images[0].image)}</code>`);
    expect(summary).not.toContain(digest);
    expect(seen(image!)).toContain(`Image: <code>${r.images[0].image}</code>`);
    expect(seen(image!)).toContain('Reason: 401 from registry.example.com:5000');
    // No run of characters in the cell is longer than a narrow column can hold unbroken.
    expect(
      image!
        .replace(/<[^>]+>/g, ' ')
        .split(/\s+/)
        .filter((w) => w.length > 24),
    ).toEqual([]);
    // One shown, 7 folded: 4 listed (the same file by line only), the rest counted.
    expect(seen(where!)).toMatch(/^<a href="[^"]+#L1">a\.yaml:1<\/a><details><summary>\+7 more<\/summary>/);
    expect(where).toContain('>line 2</a><br>');
    expect(where).toContain('+3 more in the report');
    expect(where).not.toContain('#L6');
  });

  it('folds a long message under its start and leaves a short one as it is', () => {
    const r = report(0, 2);
    r.findings[0]!.message = `short ${'y'.repeat(20)}`;
    r.findings[1]!.message = `long ${'word '.repeat(100)}end`;
    const rows = table(renderSummary(input(r)), 'Findings').slice(1);
    const cells = rows.map((row) => row[2]!);
    expect(cells).toContain(`short ${'y'.repeat(20)}`);
    const folded = cells.find((c) => c.startsWith('<details>'))!;
    expect(folded).toMatch(
      /^<details><summary>long (word ){30,}.*…<\/summary>long (word ){100}end<\/details>$/,
    );
  });

  it.each([
    ['manifests/a.yaml:3', 'manifests/<wbr>a.yaml:3'],
    ['quay.io/acme/api:v1.0.1', 'quay.io/<wbr>acme/<wbr>api:v1.0.1'],
    ['host:5000/api:1@sha256:ab', 'host:<wbr>5000/<wbr>api:<wbr>1@<wbr>sha256:ab'],
    ['my_chart/values.yaml', 'my&#95;<wbr>chart/<wbr>values.yaml'],
    ['two words', 'two words'],
    ['registry.internal.example.com:5000/a', 'registry.<wbr>internal.<wbr>example.<wbr>com:<wbr>5000/<wbr>a'],
    [`x${'0'.repeat(40)}`, `x${'0'.repeat(15)}<wbr>${'0'.repeat(16)}<wbr>${'0'.repeat(9)}`],
    ['a<b>*c*|d`e`', 'a&#60;b&#62;&#42;c&#42;&#124;d&#96;e&#96;'],
    ['line\nbreak', 'line&#10;break'],
  ])('breakable(%j) escapes each piece and adds break points', (value, html) => {
    expect(breakable(value)).toBe(html);
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
    expect(seen(html)).toContain('quay.io/acme/&#60;img0&#62;:1'); // and images still get their share
    expect(html).toContain('<h3>Generated files</h3>');
  });
});

// Hostile YAML the scanner must survive: alias bombs, 10,000-level nesting, 1 MB values, thousands of
// documents, a long line of quotes. Every input is generated here (nothing big is committed). Each case
// asserts a result, a specific finding where one is due, and positions inside the file. No clock: work
// that could run away is bounded by counts (uses per followed alias, characters template detection
// reads), and runaway work of any other kind meets the test timeout; speed is `npm run bench`'s job.
import { describe, expect, it, vi } from 'vitest';
import { buildPlan } from '../../src/plan/index.js';
import { scanText } from '../../src/scan/index.js';
import { MAX_ALIAS_COUNT } from '../../src/scan/yaml/nodes.js';
import { badPositions, positionsOf } from '../fuzz/arbitraries.js';
import { offlineOptions } from '../helpers/pipeline.js';

/** Characters handed to template detection by the scanner (the same detection, only counted). */
const templateReads = vi.hoisted(() => ({ calls: 0, chars: 0 }));
vi.mock('../../src/templates.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/templates.js')>();
  return {
    ...real,
    hasTemplate: (text: string): boolean => {
      templateReads.calls++;
      templateReads.chars += text.length;
      return real.hasTemplate(text);
    },
  };
});

const FILE = 'manifests/x.yaml';
const OPTIONS = offlineOptions({ concurrency: 1 });

function scanChecked(text: string) {
  const r = scanText(FILE, text);
  expect(badPositions(FILE, text, positionsOf(r))).toEqual([]);
  return { r };
}

/** Nine levels of ten aliases each: 10^9 strings if expanded. `leaf` is what the last anchor holds. */
function laughs(indent: string, leaf: string): string {
  const lines = [`${indent}l0: &l0 [${Array(10).fill(leaf).join(', ')}]`];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `${indent}l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return lines.join('\n');
}

describe('YAML alias bomb (billion laughs)', () => {
  const ALIAS_FINDING = `more than ${MAX_ALIAS_COUNT} aliases in one document; the rest were not followed`;
  const aliasFindings = (r: ReturnType<typeof scanText>) =>
    r.findings.filter((f) => f.rule === 'yaml-parse-error' && f.message === ALIAS_FINDING);

  // Where the scanner walks values in full, the bomb exhausts the alias budget.
  const walked: [string, string][] = [
    [
      'inside a custom resource (walked in full)',
      `apiVersion: db.example.com/v1\nkind: Database\nmetadata:\n  name: d\nspec:\n${laughs('  ', '"quay.io/a/b:1"')}\n  images: *l9\n`,
    ],
    [
      'inside HelmChart values',
      `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: h\nspec:\n  chart: {name: h}\n  values:\n${laughs('    ', '{image: "quay.io/a/b:1"}')}\n    all: *l9\n`,
    ],
  ];
  it.each(walked)('%s: stops following aliases with one yaml-parse-error, quickly', (_name, text) => {
    const { r } = scanChecked(text);
    expect(aliasFindings(r)).toHaveLength(1);
    // Each followed alias yields at most 10 values: the expansion is bounded by the alias budget.
    expect(r.uses.length).toBeLessThanOrEqual(MAX_ALIAS_COUNT * 10);
  });

  // Where the scanner reads one list (containers, additionalImages), nested aliased lists are never
  // expanded: the bomb costs nothing, and there is nothing to report unless the budget is reached.
  it.each([
    [
      'a PodSpec container list',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n',
      '    ',
      '{name: a, image: "nginx:1"}',
      'spec:\n  containers: *l9\n',
    ],
    [
      'Application additionalImages',
      'apiVersion: kots.io/v1beta1\nkind: Application\nmetadata:\n  name: a\nx:\n',
      '  ',
      '"quay.io/a/b:1"',
      'spec:\n  additionalImages: *l9\n',
    ],
  ])('as %s: not expanded, no image found, quickly', (_name, head, indent, leaf, tail) => {
    const { r } = scanChecked(`${head}${laughs(indent, leaf)}\n${tail}`);
    expect(r.uses).toEqual([]);
    expect(aliasFindings(r)).toEqual([]);
  });

  it('1,000 aliases in one container list: the budget stops them with one yaml-parse-error', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nx: &c {name: c, image: "nginx:1"}\nspec:\n  containers:\n${'    - *c\n'.repeat(1_000)}`;
    const { r } = scanChecked(text);
    expect(aliasFindings(r)).toHaveLength(1);
    expect(r.uses.length).toBeGreaterThan(0);
    expect(r.uses.length).toBeLessThanOrEqual(MAX_ALIAS_COUNT);
  });

  it('a bomb in each of 50 documents: one finding per document, the budget is per document', () => {
    const doc = walked[0]?.[1] ?? '';
    const { r } = scanChecked(Array(50).fill(doc).join('---\n'));
    expect(aliasFindings(r)).toHaveLength(50);
  });
});

describe('10,000-level nesting: no stack overflow', () => {
  const N = 10_000;
  it.each([
    ['flow sequences', `image: ${'['.repeat(N)}nginx${']'.repeat(N)}\n`],
    ['unclosed flow maps', `kind: Pod\nspec: ${'{a: '.repeat(N)}\n`],
    [
      'block sequences on one line',
      `apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  ${'- '.repeat(N)}quay.io/a/b:1\n`,
    ],
    [
      'flow maps in a custom resource',
      `apiVersion: x.io/v1\nkind: Thing\nmetadata: {name: t}\nspec: ${'{a: '.repeat(N)}{image: "quay.io/a/b:1"}${'}'.repeat(N)}\n`,
    ],
    [
      'HelmChart values',
      `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata: {name: h}\nspec:\n  chart: {name: h}\n  values: ${'{a: '.repeat(N)}{image: "quay.io/a/b:1"}${'}'.repeat(N)}\n`,
    ],
  ])('%s: a result with positions inside the file', (_name, text) => {
    const { r } = scanChecked(text);
    expect(r.files[0]?.documents.length).toBeGreaterThanOrEqual(1);
  });
});

describe('huge values', () => {
  const MB = 1024 * 1024;
  it.each([
    ['a 1 MB image value', `"${'a'.repeat(MB)}"`],
    ['a 1 MB tag', `quay.io/a/b:${'t'.repeat(MB)}`],
    ['a 1 MB path of uppercase letters', `quay.io/${'A'.repeat(MB)}`],
    ['a 1 MB digest', `nginx@sha256:${'f'.repeat(MB)}`],
  ])('%s: invalid-image-reference with a short message', (_name, value) => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${value}\n`;
    const { r } = scanChecked(text);
    expect(r.uses).toHaveLength(1);
    expect(r.uses[0]?.pos).toMatchObject({ line: 7, column: 14 });
    const plan = buildPlan({ scan: r, verdicts: new Map(), options: OPTIONS, hasCredentials: () => false });
    const invalid = plan.findings.filter((f) => f.rule === 'invalid-image-reference');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ file: FILE, line: 7, column: 14 });
    expect(invalid[0]?.message.length).toBeLessThan(500);
    for (const f of plan.findings) expect(f.message.length).toBeLessThan(1_000);
  });

  // The rules each text must raise, so that the length check below has messages to measure where
  // the text is bad YAML. `null`: not pinned. A local tag (`!t…`) is valid YAML and names no image,
  // so nothing is reported; an alias with no anchor is not pinned here.
  it.each<[string, string, string[] | null]>([
    ['an unresolved 1 MB alias', `kind: Pod\nspec: *${'a'.repeat(MB)}\n`, null],
    ['a 1 MB tag handle', `kind: Pod\nspec: !${'t'.repeat(MB)} x\n`, []],
    ['a 1 MB unterminated quoted scalar', `kind: Pod\nspec: "${'x'.repeat(MB)}`, ['yaml-parse-error']],
    ['a 1 MB key in a flow map', `kind: Pod\nspec: {${'k'.repeat(MB)}\n`, ['yaml-parse-error']],
  ])('%s: any finding message stays short', (_name, text, rules) => {
    const { r } = scanChecked(text);
    if (rules !== null) expect(r.findings.map((f) => f.rule)).toEqual(rules);
    for (const f of r.findings) expect(f.message.length).toBeLessThan(1_000);
  });
});

describe('many documents and long lines', () => {
  it('10,000 documents: every one counted, in order, with its own line', () => {
    const doc = (i: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      image: nginx:${i}\n`;
    const text = Array.from({ length: 10_000 }, (_, i) => doc(i)).join('---\n');
    const { r } = scanChecked(text);
    expect(r.files[0]?.documents).toHaveLength(10_000);
    expect(r.uses).toHaveLength(10_000);
    expect(r.uses[9_999]).toMatchObject({ raw: 'nginx:9999', pos: { line: 9_999 * 9 + 8, column: 14 } });
  });

  it('10,000 empty documents (`---` only) are not documents', () => {
    const { r } = scanChecked('---\n'.repeat(10_000));
    expect(r.files[0]?.documents).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('a 200,000-character line of quotes scans in linear time (it was quadratic: one line rescan per error)', () => {
    const text = `kind: Pod\nspec:\n  containers:\n    - image: ${'"'.repeat(200_000)}\n`;
    templateReads.calls = 0;
    templateReads.chars = 0;
    const { r } = scanChecked(text);
    expect(r.findings.filter((f) => f.rule === 'yaml-parse-error')).toHaveLength(1);
    const more = Number(/and (\d+) more errors in this document/.exec(r.findings[0]?.message ?? '')?.[1]);
    // Thousands of errors on the one line: reading the line again for each would be quadratic.
    expect(more).toBeGreaterThanOrEqual(1_000);
    // Template detection (the check "is this error a template's doing?") reads each character of the
    // file a bounded number of times, whatever the number of errors: a deterministic linear bound.
    expect(templateReads.calls).toBeGreaterThan(0);
    expect(templateReads.chars).toBeLessThanOrEqual(4 * text.length);
  });
});

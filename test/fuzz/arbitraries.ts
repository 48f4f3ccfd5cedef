// Shared pieces of the property tests: the seeded settings, realistic seed manifests, YAML-aware
// mutations, and the invariant every scan result must keep (positions inside the file).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { SourcePos } from '../../src/model.js';
import type { ScanResult } from '../../src/model-scan.js';

/** Seeded and reproducible; `FUZZ_SEED=… FUZZ_RUNS=…` replays or widens a run (`npm run fuzz`). */
export const SETTINGS = {
  seed: Number(process.env.FUZZ_SEED ?? 42),
  numRuns: Number(process.env.FUZZ_RUNS ?? 10000),
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED_DIRS = [join(ROOT, 'test/fixtures/adversarial/seeds'), join(ROOT, 'examples/release')];

/** Realistic manifests: the overlay test's release (copied to fixtures), extra KOTS/template/operator
 *  seeds, and the example release. Sorted, so the generators see them in a stable order. */
/** @public */
export const SEED_MANIFESTS: readonly string[] = SEED_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8')),
);

/** Fragments that mean something to a YAML lexer, a KOTS template or the scanner. */
const SNIPPETS = [
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  ',
  ': ',
  '- ',
  '-',
  ':',
  '---\n',
  '...\n',
  '--- |\n',
  '#',
  ' # c',
  '"',
  "'",
  '\\',
  '[',
  ']',
  '{',
  '}',
  ',',
  '?',
  '? ',
  '|',
  '|-',
  '>',
  '>+',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '!!str ',
  '!!binary ',
  '!tag ',
  '!<x> ',
  '%YAML 1.2\n',
  '%TAG ! x\n',
  '<<: *a\n',
  '\u0000',
  '\uFEFF',
  '\u2028',
  '\u0085',
  '\uD800',
  '\uDFFF',
  'é',
  '😀',
  '{{repl ConfigOption "x" }}',
  'repl{{ if x }}\n',
  '{{repl end }}\n',
  '{{repl LocalImageName "quay.io/a/b:1" }}',
  'image: ',
  'image: nginx:1\n',
  'containers:\n',
  'kind: Pod\n',
  'kind: List\n',
  'items:\n',
  'apiVersion: kots.io/v1beta2\n',
  'kind: HelmChart\n',
  'spec:\n',
  'values:\n',
  'namespace: ',
  'additionalNamespaces: [x]\n',
  'ephemeralContainers:\n',
  'env:\n  - name: RELATED_IMAGE_X\n    value: quay.io/x/y:1\n',
  'x'.repeat(300),
];

const snippet = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }) },
);

type Op =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'indent'; at: number; by: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: snippet }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(40) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat(200) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('indent' as const),
      at: fc.nat(),
      by: fc.integer({ min: -4, max: 4 }),
    }),
  },
);

function apply(text: string, o: Op): string {
  const i = o.at % (text.length + 1);
  switch (o.op) {
    case 'insert':
      return text.slice(0, i) + o.text + text.slice(i);
    case 'delete':
      return text.slice(0, i) + text.slice(i + o.length);
    case 'duplicate':
      return text.slice(0, i + o.length) + text.slice(i);
    case 'truncate':
      return text.slice(0, i);
    case 'indent': {
      const start = text.lastIndexOf('\n', i - 1) + 1;
      if (o.by >= 0) return text.slice(0, start) + ' '.repeat(o.by) + text.slice(start);
      let n = 0;
      while (n < -o.by && text[start + n] === ' ') n++;
      return text.slice(0, start) + text.slice(start + n);
    }
  }
}

/** One seed manifest, or several joined into a multi-document file. */
const seedText = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SEED_MANIFESTS) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...SEED_MANIFESTS), { minLength: 2, maxLength: 3 })
      .map((docs) => docs.join('\n---\n')),
  },
);

/** A realistic manifest with 1–8 YAML-aware edits. */
export const mutatedManifest = fc
  .tuple(seedText, fc.array(op, { minLength: 1, maxLength: 8 }))
  .map(([text, ops]) => ops.reduce(apply, text));

/** The same from one seed manifest only (cheaper, for properties that scan and plan each case). */
export const mutatedSingleManifest = fc
  .tuple(fc.constantFrom(...SEED_MANIFESTS), fc.array(op, { minLength: 1, maxLength: 8 }))
  .map(([text, ops]) => ops.reduce(apply, text));

/** Whole-file encodings the reader may hand the scanner. */
export type Encoding = 'plain' | 'bom' | 'crlf' | 'bytes';

/** Text as the scanner's reader would produce it: BOM-prefixed, CRLF, or random bytes decoded as UTF-8
 *  (`readFile(p, 'utf8')` replaces invalid sequences with U+FFFD, exactly like Buffer#toString). */
export function encode(text: string, how: Encoding, bytes: Uint8Array): string {
  switch (how) {
    case 'plain':
      return text;
    case 'bom':
      return `\uFEFF${text}`;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bytes': {
      // Splice invalid UTF-8 (lone continuation bytes, truncated sequences) into the encoded text.
      const buf = Buffer.from(text, 'utf8');
      const at = buf.length === 0 ? 0 : (bytes[0] ?? 0) % buf.length;
      return Buffer.concat([buf.subarray(0, at), Buffer.from(bytes), buf.subarray(at)]).toString('utf8');
    }
  }
}

export const encoding = fc.constantFrom<Encoding>('plain', 'bom', 'crlf', 'bytes');
export const invalidBytes = fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => {
  const out = Uint8Array.from(b);
  out[0] = 0x80 | ((out[0] ?? 0) & 0x7f); // at least one byte that is never valid as a lead byte here
  return out;
});

/** Structures that stress the parser, kept small enough for 10,000 runs (the adversarial tests take
 *  the full-size versions: 10,000 levels, 1 MB scalars, 10,000 documents). */
export const stressManifest = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 80 }), fc.constantFrom('[', '{', '[{"a": ', '- '))
    .map(([n, open]) => `image: ${open.repeat(n)}nginx${n % 3 === 0 ? ']'.repeat(n) : ''}\n`),
  fc.integer({ min: 1, max: 30 }).map((n) => {
    let s = 'kind: Pod\nspec:\n';
    for (let i = 0; i < n; i++) s += `${' '.repeat(2 * i + 2)}k${i}:\n`;
    return `${s}${' '.repeat(2 * n + 2)}image: nginx\n`;
  }),
  fc
    .tuple(fc.integer({ min: 100, max: 1000 }), fc.constantFrom('a', '"', "'", ' ', '\\', 'é', '{{repl '))
    // `"` and `{{repl ` cost yaml an error or a nesting level each: fewer of them keeps runs cheap.
    .map(
      ([n, c]) =>
        `kind: Pod\nspec:\n  containers:\n    - image: ${c.repeat(c.length > 1 || c === '"' ? n >> 3 : n)}\n`,
    ),
  fc
    .tuple(
      fc.integer({ min: 1, max: 60 }),
      fc.constantFrom('---\n', '--- \n', '...\n', '---\nkind: Pod\n', '\n'),
    )
    .map(([n, doc]) => doc.repeat(n)),
);

/** Anything at all: random code units, including lone surrogates. */
export const randomText = fc.string({ unit: 'binary', maxLength: 400 });

/** Line lengths of `text` as the scanner positions it (leading BOM removed, `\n` ends a line; a final
 *  `\n` does not start another line). */
/** @public */
export function lineLengths(text: string): number[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = src.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.length);
}

/** Every position a scan result carries, with a label for failure messages. */
export function positionsOf(r: ScanResult): [string, SourcePos][] {
  const out: [string, SourcePos][] = [];
  for (const u of r.uses) out.push([`use ${JSON.stringify(u.raw.slice(0, 40))}`, u.pos]);
  for (const f of r.findings) out.push([`finding ${f.rule}`, f]);
  for (const f of r.files) for (const d of f.documents) out.push([`document ${d.docIndex}`, d.pos]);
  for (const w of r.workloads) {
    out.push([`workload ${w.kind}`, w.pos]);
    if (w.namespacePos) out.push([`workload ${w.kind} namespace`, w.namespacePos]);
  }
  for (const h of r.helmCharts) {
    out.push([`helm chart ${h.name}`, h.pos]);
    if (h.namespacePos) out.push([`helm chart ${h.name} namespace`, h.namespacePos]);
  }
  if (r.application) {
    out.push(['application', r.application.pos]);
    for (const p of r.application.additionalNamespacePos) out.push(['additional namespace', p]);
  }
  return out;
}

/** Positions that are NOT inside the file (empty when all are), described for an assertion message. */
export function badPositions(file: string, text: string, positions: [string, SourcePos][]): string[] {
  const lengths = lineLengths(text);
  const bad: string[] = [];
  for (const [label, p] of positions) {
    const len = lengths[p.line - 1];
    const ok =
      p.file === file &&
      Number.isInteger(p.line) &&
      Number.isInteger(p.column) &&
      len !== undefined &&
      p.column >= 1 &&
      p.column <= len + 1;
    if (!ok) bad.push(`${label} at ${p.file}:${p.line}:${p.column} (file has ${lengths.length} lines)`);
  }
  return bad;
}

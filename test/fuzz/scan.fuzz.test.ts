// Property tests for the scanner (src/scan/index.ts scanText): whatever the text, it returns a result
// (never throws), and every position it reports lies inside the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourcePos } from '../../src/model.js';
import { type ValueNode, valuesFromText } from '../../src/scan/helm/values-tree.js';
import { scanText } from '../../src/scan/index.js';
import { releaseRenderer } from '../../src/scan/rendered.js';
import {
  badPositions,
  encode,
  encoding,
  invalidBytes,
  mutatedManifest,
  mutatedSingleManifest,
  positionsOf,
  randomText,
  SETTINGS,
  stressManifest,
} from './arbitraries.js';

const FILE = 'manifests/fuzz.yaml';

function checkScan(text: string): void {
  const r = scanText(FILE, text);
  expect(badPositions(FILE, text, positionsOf(r))).toEqual([]);
  expect(r.files).toHaveLength(1);
  expect(r.files[0]?.documents.map((d) => d.docIndex)).toEqual(r.files[0]?.documents.map((_, i) => i));
  for (const u of r.uses) {
    if (u.workload !== undefined) expect(r.workloads[u.workload]).toBeDefined();
    if (u.helmChart !== undefined) expect(r.helmCharts[u.helmChart]).toBeDefined();
  }
  for (const f of r.findings) expect(f.message.length).toBeLessThanOrEqual(1000);
}

describe('scanText properties', () => {
  it.each([
    ['mutated realistic manifests', mutatedManifest],
    ['random text', randomText],
  ])('%s in any encoding: a result, never an exception; positions inside the file', (_name, arb) => {
    fc.assert(
      fc.property(arb, encoding, invalidBytes, (text, how, bytes) => checkScan(encode(text, how, bytes))),
      SETTINGS,
    );
  });

  it('deep nesting, huge scalars and many documents: a result, positions inside the file', () => {
    fc.assert(
      fc.property(stressManifest, encoding, invalidBytes, (t, how, b) => checkScan(encode(t, how, b))),
      SETTINGS,
    );
  });

  // A templated file is scanned as KOTS renders it (src/scan/rendered.ts): a template error or an
  // unsupported function is a finding, and every position maps back inside the original text.
  it('templated manifests scanned through the renderer: a result, positions inside the original', () => {
    const render = releaseRenderer(
      [
        {
          items: [
            { name: 'tag', default: '1.0' },
            { name: 'lic', default: 'repl{{ LicenseFieldValue "x" }}' },
          ],
        },
      ],
      'acme',
    );
    const snippet = fc.constantFrom(
      'repl{{ ConfigOption "tag" }}',
      '{{repl ConfigOption "lic" }}',
      '{{repl if true }}\n',
      '{{repl end }}',
      '{{repl- if IsKurl -}}a{{repl else }}b{{repl end }}',
      '\'{{repl LocalImageName "quay.io/a/b:1" }}\'',
      'repl{{ Namespace }}',
      'repl{{ nope }}',
      '{{repl genCA "x" 1 }}',
      '\n---\n',
    );
    const templated = fc
      .tuple(mutatedSingleManifest, fc.array(fc.tuple(fc.nat(), snippet), { minLength: 1, maxLength: 6 }))
      .map(([text, ins]) =>
        ins.reduce((t, [at, sn]) => {
          const i = at % (t.length + 1);
          return t.slice(0, i) + sn + t.slice(i);
        }, text),
      );
    fc.assert(
      fc.property(templated, (text) => {
        const r = scanText(FILE, text, render);
        expect(badPositions(FILE, text, positionsOf(r))).toEqual([]);
        for (const u of r.uses) if (u.workload !== undefined) expect(r.workloads[u.workload]).toBeDefined();
      }),
      { ...SETTINGS, numRuns: Math.max(1, Math.floor(SETTINGS.numRuns / 10)) },
    );
  });

  // A chart's values.yaml goes through its own parse (scan/helm/values-tree.ts). Fewer runs: not one of the
  // issue's targets, and each case walks the whole tree.
  it('chart values trees: every node position inside the file', () => {
    const nodes = (n: ValueNode, out: [string, SourcePos][] = []): [string, SourcePos][] => {
      out.push([n.kind, n.pos]);
      if (n.kind === 'map') for (const v of n.entries.values()) nodes(v, out);
      if (n.kind === 'seq') for (const v of n.items) nodes(v, out);
      return out;
    };
    fc.assert(
      fc.property(mutatedSingleManifest, encoding, invalidBytes, (t, how, b) => {
        const text = encode(t, how, b);
        expect(badPositions('values.yaml', text, nodes(valuesFromText(text, 'values.yaml').values))).toEqual(
          [],
        );
      }),
      { ...SETTINGS, numRuns: Math.max(1, Math.floor(SETTINGS.numRuns / 10)) },
    );
  });
});

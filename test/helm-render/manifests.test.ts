// parseRenderedManifests on `helm template` output shapes: Source lines, documents without one
// (which keep the previous Source, as pkg/base/helm_v4.go in replicatedhq/kots does), empty documents.
import { describe, expect, it } from 'vitest';
import { ManifestParseError, parseRenderedManifests } from '../../src/helm/index.js';

describe('parseRenderedManifests', () => {
  const cases: Array<{
    name: string;
    output: string;
    want: Array<{ source: string; line: number; kind: string }>;
  }> = [
    {
      name: 'one document per Source',
      output:
        '---\n# Source: app/templates/a.yaml\nkind: A\n---\n# Source: app/charts/db/templates/b.yaml\nkind: B\n',
      want: [
        { source: 'app/templates/a.yaml', line: 2, kind: 'A' },
        { source: 'app/charts/db/templates/b.yaml', line: 5, kind: 'B' },
      ],
    },
    {
      name: 'a document without Source keeps the previous one',
      output: '---\n# Source: app/templates/multi.yaml\nkind: A\n---\nkind: B\n',
      want: [
        { source: 'app/templates/multi.yaml', line: 2, kind: 'A' },
        { source: 'app/templates/multi.yaml', line: 5, kind: 'B' },
      ],
    },
    {
      name: 'empty and comment-only documents are dropped',
      output: '---\n# Source: app/templates/empty.yaml\n---\n# Source: app/templates/c.yaml\nkind: C\n---\n',
      want: [{ source: 'app/templates/c.yaml', line: 4, kind: 'C' }],
    },
    { name: 'no output', output: '', want: [] },
    {
      name: 'separator with a trailing comment',
      output: '--- # first\n# Source: app/crds/crd.yaml\nkind: CustomResourceDefinition\n',
      want: [{ source: 'app/crds/crd.yaml', line: 2, kind: 'CustomResourceDefinition' }],
    },
  ];
  it.each(cases)('$name', ({ output, want }) => {
    const got = parseRenderedManifests(output).map((m) => ({
      source: m.source,
      line: m.line,
      kind: (m.object as { kind: string }).kind,
    }));
    expect(got).toEqual(want);
  });

  it('numbers documents among the non-empty ones', () => {
    const got = parseRenderedManifests('---\n# Source: a\n---\nkind: X\n---\nkind: Y\n');
    expect(got.map((m) => m.index)).toEqual([0, 1]);
  });

  it('names the template and the output line of bad YAML', () => {
    const bad =
      '---\n# Source: app/templates/ok.yaml\nkind: A\n---\n# Source: app/templates/bad.yaml\nkind: [unclosed\n';
    expect(() => parseRenderedManifests(bad)).toThrow(ManifestParseError);
    try {
      parseRenderedManifests(bad);
    } catch (e: unknown) {
      expect(e).toMatchObject({ source: 'app/templates/bad.yaml' });
      expect((e as ManifestParseError).line).toBeGreaterThanOrEqual(5);
    }
  });
});

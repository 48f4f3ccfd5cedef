// Turns a table of corpus cases into vitest tests: every case's preview is built once (two at a time:
// the CLI runs in process, `kubectl kustomize` is a child process), then each case compares the
// rendered objects with its table, object by object.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byIdentity,
  type ChartRendering,
  type CorpusCase,
  identity,
  type Preview,
  pool,
  preview,
  views,
} from './harness.js';

const label = (k: CorpusCase): string => `${k.fixture}${k.args.length ? ` (${k.args.join(' ')})` : ''}`;

export function describeCases(title: string, cases: CorpusCase[], charts: ChartRendering = null): void {
  describe(title, () => {
    const previews: Preview[] = [];
    beforeAll(async () => {
      previews.push(...(await pool(cases, 2, (k) => preview(k.fixture, k.args, charts))));
    }, 600_000);
    afterAll(() => {
      for (const p of previews) rmSync(p.root, { recursive: true, force: true });
    });

    cases.forEach((k, i) => {
      const gapIds = new Set((k.gaps ?? []).flatMap((g) => g.objects.map(identity)));
      it(label(k), () => {
        const p = previews[i]!;
        expect(p.code, p.stderr).toBe(0);
        expect(p.kustomizeError).toBeUndefined();
        // Findings name release files as the release does, never by the machine's paths (the run's
        // directory, or a temporary copy Helm was given).
        for (const f of p.findings) expect(f.message).not.toContain(tmpdir());
        for (const m of k.mustReport ?? []) {
          const hit = p.findings.some((f) => f.level === m.level && f.message.includes(m.contains));
          expect(hit, `a ${m.level} finding mentioning ${m.contains}`).toBe(true);
        }
        if (k.installFails) return;
        const got = views(p.rendered ?? [], k.objects)
          .filter((v) => !gapIds.has(identity(v)))
          .sort(byIdentity);
        const want = [...k.objects].sort(byIdentity);
        // The identities first: a missing or extra object reads better as a list of names.
        expect(got.map(identity)).toEqual(want.map(identity));
        expect(got).toEqual(want);
        if (k.errors) expect(p.errorRules).toEqual([...k.errors].sort());
        for (const rule of k.notRaised ?? []) expect(p.findings.map((f) => f.rule)).not.toContain(rule);
      });
      for (const gap of k.gaps ?? []) {
        // A plain test, not `it.fails`: that passed on any throw, a preview that never built included.
        // Here the preview must have built, and each of the gap's objects must still differ from KOTS's
        // (absent or otherwise): once one matches, the gap is closed and its objects move to `objects`.
        it(`${label(k)}: KNOWN GAP, ${gap.what}`, () => {
          const p = previews[i]!;
          expect(p.code, p.stderr).toBe(0);
          expect(p.rendered, 'the rendered overlay').toBeDefined();
          expect(gap.objects.length).toBeGreaterThan(0);
          const got = views(p.rendered ?? [], gap.objects);
          for (const want of gap.objects) {
            expect(
              got.find((v) => identity(v) === identity(want)),
              identity(want),
            ).not.toEqual(want);
          }
        });
      }
    });
  });
}

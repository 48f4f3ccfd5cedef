// Differential table test: the TypeScript evaluator against Go's text/template with sprig v3.3.0
// (test/template/oracle), in one batch. Output must be equal; when Go fails, TypeScript must fail
// too (at the same line where both messages carry one).
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE, UNSUPPORTED } from './cases.js';
import { compare, describeMismatches, renderTs } from './diff-helpers.js';
import { ensureOracle, runOracle } from './oracle-client.js';

describe('text/template table cases vs Go', () => {
  beforeAll(() => {
    ensureOracle();
  }, 600_000);

  it('agrees with Go on every table case', () => {
    const { mismatches, errors } = compare(TABLE);
    expect(TABLE.length).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(20);
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  });

  it('refuses clearly what Go accepts but the evaluator does not implement', () => {
    const go = runOracle(UNSUPPORTED);
    UNSUPPORTED.forEach((c, i) => {
      const ts = renderTs(c);
      expect(go[i]?.error, c.template).toBeUndefined();
      expect(ts.error, c.template).toMatch(/not supported|differ/);
    });
  });
});

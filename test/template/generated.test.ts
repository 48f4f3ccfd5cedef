// Differential test on seeded generated templates: thousands per run, one oracle call. The seed
// is fixed so runs are deterministic; TEMPLATE_SEED picks another one to explore.
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, describeMismatches } from './diff-helpers.js';
import { generate } from './generate.js';
import { ensureOracle } from './oracle-client.js';

const SEED = Number(process.env.TEMPLATE_SEED ?? 20261201);
const COUNT = Number(process.env.TEMPLATE_CASES ?? 4000);

describe('generated templates vs Go', () => {
  beforeAll(() => {
    ensureOracle();
  }, 600_000);

  it(`agrees with Go on ${COUNT} templates from seed ${SEED}`, () => {
    const cases = generate(SEED, COUNT);
    const { mismatches, errors, refusals } = compare(cases, true);
    // Explicit refusals (e.g. a regexp whose Go and JavaScript readings differ) stay rare.
    expect(refusals).toBeLessThan(COUNT / 100);
    // The generator must exercise both outcomes.
    expect(errors).toBeGreaterThan(COUNT / 20);
    expect(errors).toBeLessThan(COUNT * 0.8);
    expect(mismatches, describeMismatches(mismatches)).toEqual([]);
  }, 300_000);
});

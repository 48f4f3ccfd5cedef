import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { withRuleTables } from '../scripts/rules-table.mjs';
import { finding } from '../src/finding.js';
import { RULES, type RuleId } from '../src/rules.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('rules catalog', () => {
  it("README's rule tables are the ones generated from src/rules.ts", () => {
    expect(README).toContain('<!-- rules:all:begin -->');
    expect(README).toContain('<!-- rules:additions:begin -->');
    expect(withRuleTables(README, RULES)).toBe(README);
  });

  it('a changed catalog changes the README tables (the check can fail)', () => {
    const changed = { ...RULES, 'rate-limited': { ...RULES['rate-limited'], help: 'something else' } };
    expect(withRuleTables(README, changed)).not.toBe(README);
  });

  it.each(Object.keys(RULES) as RuleId[])('finding(%s) takes its level from the catalog', (rule) => {
    const f = finding(rule, { file: 'a.yaml', line: 2, column: 3 }, 'm');
    expect(f).toEqual({ rule, level: RULES[rule].level, file: 'a.yaml', line: 2, column: 3, message: 'm' });
  });

  it('every rule has a one-line summary and help text', () => {
    for (const [id, r] of Object.entries(RULES)) {
      expect(r.summary, id).toMatch(/^[^\n]+$/);
      expect(r.help, id).toMatch(/^[^\n]+$/);
    }
  });
});

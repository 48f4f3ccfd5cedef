// Ranking and the per-level cap: GitHub drops annotations past 10 per level, so the budget must.
import { describe, expect, it } from 'vitest';
import {
  type Annotation,
  AnnotationBudget,
  annotateFindings,
  rankFindings,
} from '../../src/github/annotate.js';
import type { Finding, Level, RuleId } from '../../src/model.js';

function finding(level: Level, file: string, line: number, rule: RuleId = 'image-not-found'): Finding {
  return { rule, level, file, line, column: 3, message: `${level} at ${file}:${line}` };
}

function many(level: Level, n: number, file = 'm/a.yaml'): Finding[] {
  return Array.from({ length: n }, (_, i) => finding(level, file, n - i));
}

const loc = (f: Finding) => ({ file: f.file, line: f.line, column: f.column });

describe('annotateFindings', () => {
  it('ranks errors, warnings, notices, then by place', () => {
    const ranked = rankFindings([
      finding('notice', 'a', 1),
      finding('error', 'b', 2),
      finding('error', 'a', 9),
    ]);
    expect(ranked.map((f) => `${f.level}:${f.file}:${f.line}`)).toEqual([
      'error:a:9',
      'error:b:2',
      'notice:a:1',
    ]);
  });

  it('caps each level at 10 and keeps a notice slot for the "more" notice', () => {
    const out: Annotation[] = [];
    const budget = new AnnotationBudget((a) => out.push(a), { error: 1 }); // setFailed will add one
    const r = annotateFindings(
      [...many('notice', 12), ...many('warning', 11), ...many('error', 15)],
      budget,
      loc,
      () => true,
    );
    const by = (l: Level) => out.filter((a) => a.level === l);
    expect(by('error')).toHaveLength(9);
    expect(by('warning')).toHaveLength(10);
    expect(by('notice')).toHaveLength(10);
    expect(r).toEqual({ shown: 28, omitted: 15 - 9 + 11 - 10 + 12 - 9, filtered: 0 });
    expect(out.at(-1)).toMatchObject({
      level: 'notice',
      message: expect.stringContaining('10 more findings'),
    });
    // The lowest lines of a.yaml come first: ranked, not in input order.
    expect(by('error').map((a) => a.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(out[0]).toMatchObject({ title: 'image-not-found', file: 'm/a.yaml', line: 1, column: 3 });
  });

  it('emits no "more" notice when everything fits', () => {
    const out: Annotation[] = [];
    annotateFindings(many('notice', 10), new AnnotationBudget((a) => out.push(a)), loc, () => true);
    expect(out).toHaveLength(10);
    expect(out.every((a) => a.title === 'image-not-found')).toBe(true);
  });

  it('counts findings outside the selected files as filtered, not omitted', () => {
    const out: Annotation[] = [];
    const r = annotateFindings(
      [finding('error', 'changed.yaml', 1), finding('error', 'other.yaml', 1)],
      new AnnotationBudget((a) => out.push(a)),
      loc,
      (file) => file === 'changed.yaml',
    );
    expect(r).toEqual({ shown: 1, omitted: 0, filtered: 1 });
    expect(out.map((a) => a.file)).toEqual(['changed.yaml']);
  });

  it('shares the budget with annotations made earlier in the step', () => {
    const out: Annotation[] = [];
    const budget = new AnnotationBudget((a) => out.push(a));
    for (let i = 0; i < 4; i++) budget.emit({ level: 'warning', message: `log ${i}` });
    annotateFindings(many('warning', 10), budget, loc, () => true);
    expect(out.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(out.at(-1)?.message).toContain('4 more findings');
  });
});

// publishCheckRun against an in-memory ChecksApi that enforces GitHub's 50-annotations-per-request
// limit and appends annotations on update, as the Checks API does.
import { describe, expect, it } from 'vitest';
import {
  type CheckAnnotation,
  type ChecksApi,
  publishCheckRun,
  toCheckAnnotations,
} from '../../src/github/checks.js';
import type { Finding } from '../../src/model.js';

function fakeChecks() {
  const runs: {
    id: number;
    sha: string;
    name: string;
    annotations: CheckAnnotation[];
    conclusion: string;
  }[] = [];
  const calls: string[] = [];
  const take = (a: CheckAnnotation[] | undefined) => {
    if ((a?.length ?? 0) > 50) throw new Error('422 Only 50 annotations are allowed per request');
    return a ?? [];
  };
  const api: ChecksApi = {
    async findCheckRun(sha, name) {
      calls.push('find');
      const r = [...runs].reverse().find((x) => x.sha === sha && x.name === name);
      return r ? { id: r.id, annotationsCount: r.annotations.length } : undefined;
    },
    async createCheckRun(run) {
      calls.push('create');
      const id = runs.length + 1;
      runs.push({
        id,
        sha: run.headSha,
        name: run.name,
        annotations: [...take(run.output.annotations)],
        conclusion: run.conclusion,
      });
      return id;
    },
    async updateCheckRun(id, run) {
      calls.push('update');
      const r = runs.find((x) => x.id === id)!;
      r.annotations.push(...take(run.output.annotations));
      r.conclusion = run.conclusion;
    },
  };
  return { api, runs, calls };
}

const annotation = (i: number): CheckAnnotation => ({
  path: 'a.yaml',
  start_line: i + 1,
  end_line: i + 1,
  annotation_level: 'failure',
  message: `m${i}`,
});
const req = (n: number) => ({
  name: 'kots-proxy',
  headSha: 'a'.repeat(40),
  conclusion: 'failure' as const,
  title: 't',
  summary: 's',
  annotations: Array.from({ length: n }, (_, i) => annotation(i)),
});

describe('publishCheckRun', () => {
  it.each([
    [0, ['find', 'create']],
    [50, ['find', 'create']],
    [51, ['find', 'create', 'update']],
    [130, ['find', 'create', 'update', 'update']],
  ])('%i annotations in batches of 50', async (n, calls) => {
    const fake = fakeChecks();
    await publishCheckRun(fake.api, req(n));
    expect(fake.calls).toEqual(calls);
    expect(fake.runs[0]!.annotations.map((a) => a.message)).toEqual(req(n).annotations.map((a) => a.message));
  });

  it('updates the same run on a rerun without duplicating annotations', async () => {
    const fake = fakeChecks();
    await publishCheckRun(fake.api, req(70));
    const again = await publishCheckRun(fake.api, { ...req(70), conclusion: 'success' as never });
    expect(again.updated).toBe(true);
    expect(fake.runs).toHaveLength(1);
    expect(fake.runs[0]!.annotations).toHaveLength(70);
    expect(fake.runs[0]!.conclusion).toBe('success');
  });

  it('replaces a run whose annotations differ, since GitHub can only append', async () => {
    const fake = fakeChecks();
    await publishCheckRun(fake.api, req(3));
    await publishCheckRun(fake.api, req(2));
    expect(fake.runs.map((r) => r.annotations.length)).toEqual([3, 2]);
  });
});

describe('toCheckAnnotations', () => {
  it('ranks errors first, maps levels, and puts columns only on one-line annotations', () => {
    const base = { file: 'x', line: 4, column: 7, message: 'm' };
    const findings: Finding[] = [
      { ...base, rule: 'image-needs-proxy', level: 'notice' },
      { ...base, rule: 'invalid-image-reference', level: 'error' },
      { ...base, rule: 'helm-v2-image-not-proxied', level: 'warning', file: 'c.tgz!values.yaml' },
    ];
    const out = toCheckAnnotations(findings, (f) => {
      const [file, inner] = f.file.split('!');
      return inner === undefined ? { file, line: f.line, column: f.column } : { file };
    });
    expect(out.map((a) => a.annotation_level)).toEqual(['failure', 'warning', 'notice']);
    expect(out[0]).toMatchObject({ path: 'x', start_line: 4, end_line: 4, start_column: 7, end_column: 7 });
    expect(out[1]).toEqual({
      path: 'c.tgz',
      start_line: 1,
      end_line: 1,
      annotation_level: 'warning',
      message: 'm',
      title: 'helm-v2-image-not-proxied',
    });
  });
});

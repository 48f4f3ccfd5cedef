import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareGenerated, readCommitted } from '../../src/action/stale.js';
import { GENERATED_HEADER } from '../../src/generated.js';
import { renderNotes, verdictLine } from '../../src/github/summary-notes.js';
import { tempDir } from '../helpers/tmp.js';

const fresh = [
  { path: 'kp/kustomization.yaml', content: `${GENERATED_HEADER}\nresources: []\n` },
  { path: 'kp/pull-secret.yaml', content: `${GENERATED_HEADER}\nkind: Secret\n` },
];

describe('check mode: committed vs fresh', () => {
  it.each([
    ['everything current', { ...Object.fromEntries(fresh.map((f) => [f.path, f.content])) }, []],
    [
      'nothing committed',
      {},
      [
        ['kp/kustomization.yaml', 'missing'],
        ['kp/pull-secret.yaml', 'missing'],
      ],
    ],
    [
      'one edited, one generated file no longer produced',
      {
        'kp/kustomization.yaml': `${GENERATED_HEADER}\nresources: [old]\n`,
        'kp/pull-secret.yaml': fresh[1]!.content,
        'kp/old.yaml': `${GENERATED_HEADER}\nkind: Old\n`,
      },
      [
        ['kp/kustomization.yaml', 'changed'],
        ['kp/old.yaml', 'extra'],
      ],
    ],
  ])('%s', (_name, committed, expected) => {
    const stale = compareGenerated(new Map(Object.entries(committed)), fresh);
    expect(stale.map((s) => [s.path, s.kind])).toEqual(expected);
  });

  it('gives a unified diff per file', () => {
    const [s] = compareGenerated(
      new Map([['kp/kustomization.yaml', `${GENERATED_HEADER}\nresources: [old]\n`]]),
      [fresh[0]!],
    );
    expect(s!.diff).toContain('-resources: [old]');
    expect(s!.diff).toContain('+resources: []');
  });

  it('reads what is on disk before the render writes: produced paths and generated extras, not hand-written files', async () => {
    const ws = tempDir();
    mkdirSync(join(ws, 'kp'));
    writeFileSync(join(ws, 'kp/kustomization.yaml'), 'old\n');
    writeFileSync(join(ws, 'kp/old.yaml'), `${GENERATED_HEADER}\nkind: Old\n`);
    writeFileSync(join(ws, 'kp/notes.yaml'), 'hand-written: true\n');
    const committed = await readCommitted(ws, 'kp', fresh);
    expect([...committed.keys()].sort()).toEqual(['kp/kustomization.yaml', 'kp/old.yaml']);
  });
});

describe('summary verdict', () => {
  const base = { findings: [], failing: 0, failOn: 'error', outputDir: 'kp' };
  const err = {
    rule: 'image-not-found' as const,
    level: 'error' as const,
    file: 'm.yaml',
    line: 3,
    column: 1,
    message: 'gone',
  };
  it.each([
    [base, '✅ ready'],
    [{ ...base, findings: [err, err, err, err], failing: 4 }, '❌ 4 errors block this release'],
    [{ ...base, stale: compareGenerated(new Map(), fresh) }, '❌ 2 generated files in kp are out of date'],
  ])('%#', (input, text) => {
    expect(verdictLine(input)).toContain(text);
  });

  it('puts the verdict first and the most important finding under it', () => {
    const html = renderNotes({ ...base, findings: [err], failing: 1 });
    expect(html.split('\n')[0]).toContain('❌ 1 error blocks this release');
    expect(html.split('\n')[1]).toContain('<code>image-not-found</code> at <code>m.yaml:3</code>: gone');
  });
});

import { describe, expect, it } from 'vitest';
import { addedLines, changedLines, onChangedLine } from '../../src/github/changed-lines.js';

describe('changed lines from a unified diff', () => {
  it('numbers + lines on the new side, skipping removed lines and the no-newline marker', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' a', // 1
      '-b',
      '+B', // 2
      '+C', // 3
      ' d', // 4
      '\\ No newline at end of file',
      '@@ -20,2 +21,3 @@ spec:',
      ' x', // 21
      '+y', // 22
      ' z', // 23
    ].join('\n');
    expect([...addedLines(patch)]).toEqual([2, 3, 22]);
  });

  it('treats a file without a patch (binary or too large) as changed throughout', () => {
    const changed = changedLines([
      { filename: 'big.yaml' },
      { filename: 'a.yaml', patch: '@@ -0,0 +1 @@\n+x' },
    ]);
    expect(onChangedLine(changed, 'big.yaml', 900)).toBe(true);
    expect(onChangedLine(changed, 'a.yaml', 1)).toBe(true);
    expect(onChangedLine(changed, 'a.yaml', 2)).toBe(false);
    expect(onChangedLine(changed, 'other.yaml', 1)).toBe(false);
    expect(onChangedLine(changed, undefined, 1)).toBe(false);
    expect(onChangedLine(changed, 'a.yaml', undefined)).toBe(true); // an archive: the file changed
  });
});

// readAhead: files come back in order with their text or read error, the next read is under way
// while the caller works on the current file, and never more than one beyond it.
import { describe, expect, it } from 'vitest';
import { type ReadOutcome, readAhead } from '../../src/scan/read-ahead.js';

/** A reader whose reads the test settles by hand, recording which reads were started. */
function manualReader() {
  const started: string[] = [];
  const pending = new Map<string, { resolve: (t: string) => void; reject: (e: Error) => void }>();
  const read = (file: string) =>
    new Promise<string>((resolve, reject) => {
      started.push(file);
      pending.set(file, { resolve, reject });
    });
  return { started, pending, read };
}

describe('readAhead', () => {
  it.each([
    { name: 'no files', files: [], fail: [], want: [] },
    { name: 'one file', files: ['a'], fail: [], want: ['a:text of a'] },
    {
      name: 'errors are outcomes in their place, the others still read',
      files: ['a', 'b', 'c'],
      fail: ['b'],
      want: ['a:text of a', 'b:error cannot read b', 'c:text of c'],
    },
    {
      name: 'every read failing',
      files: ['a', 'b'],
      fail: ['a', 'b'],
      want: ['a:error cannot read a', 'b:error cannot read b'],
    },
  ])('$name', async ({ files, fail, want }) => {
    const read = async (file: string) => {
      if (fail.includes(file)) throw new Error(`cannot read ${file}`);
      return `text of ${file}`;
    };
    const got: string[] = [];
    for await (const r of readAhead(files, read)) {
      got.push('error' in r ? `${r.file}:error ${(r.error as Error).message}` : `${r.file}:${r.text}`);
    }
    expect(got).toEqual(want);
  });

  it('starts the next read before yielding the current file, and only that one', async () => {
    const reader = manualReader();
    const it = readAhead(['a', 'b', 'c'], reader.read);
    const first = it.next();
    await Promise.resolve();
    expect(reader.started).toEqual(['a', 'b']);
    reader.pending.get('a')!.resolve('A');
    expect(((await first).value as ReadOutcome & { text: string }).text).toBe('A');
    // The caller holds file a: b is being read, c is not started yet.
    expect(reader.started).toEqual(['a', 'b']);
    const second = it.next();
    await Promise.resolve();
    expect(reader.started).toEqual(['a', 'b', 'c']);
    reader.pending.get('b')!.reject(new Error('gone'));
    expect((await second).value).toMatchObject({ file: 'b', error: new Error('gone') });
    reader.pending.get('c')!.resolve('C');
    expect((await it.next()).value).toEqual({ file: 'c', text: 'C' });
    expect((await it.next()).done).toBe(true);
  });

  it('a read-ahead that fails while the caller stops early raises no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      let failB: (e: Error) => void = () => {};
      const read = (file: string) =>
        file === 'a'
          ? Promise.resolve('A')
          : new Promise<string>((_resolve, reject) => {
              failB = reject;
            });
      for await (const r of readAhead(['a', 'b'], read)) {
        expect(r.file).toBe('a');
        failB(new Error('b failed after the caller left'));
        break;
      }
      // Let the rejected read settle and any unhandled-rejection report fire.
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { asError, errorCode, errorWithCode, firstErrorLine, firstLine, runPool } from '../src/util.js';

describe('firstLine / firstErrorLine', () => {
  it.each([
    ['one line', 'one line'],
    ['first\nsecond\nthird', 'first'],
    ['', ''],
    ['\nafter an empty first line', ''],
  ])('%j → %j', (message, expected) => {
    expect(firstLine(message)).toBe(expected);
    expect(firstErrorLine(new Error(message))).toBe(expected);
  });
  it('keeps a thrown non-Error whole', () => {
    expect(firstErrorLine('a\nb')).toBe('a\nb');
  });
});

describe('errorCode / errorWithCode / asError', () => {
  const enoent = Object.assign(new Error('no such file'), { code: 'ENOENT' });
  const numeric = Object.assign(new Error('odd'), { code: 42 });
  it.each([
    [enoent, 'ENOENT', 'ENOENT: no such file'],
    [numeric, undefined, 'odd'],
    [new Error('plain'), undefined, 'plain'],
    [{ code: 'EACCES' }, undefined, '[object Object]'],
    ['text', undefined, 'text'],
  ])('%#', (e, code, text) => {
    expect(errorCode(e)).toBe(code);
    expect(errorWithCode(e)).toBe(text);
  });
  it('keeps an Error and wraps anything else', () => {
    expect(asError(enoent)).toBe(enoent);
    expect(asError('boom')).toEqual(new Error('boom'));
  });
});

describe('runPool', () => {
  it.each([
    [0, 3],
    [1, 1],
    [5, 2],
    [5, 10],
    [7, 0],
  ])(
    '%i items, limit %i: each item once with its index, never more than the limit in flight',
    async (n, limit) => {
      const items = Array.from({ length: n }, (_, i) => `item${i}`);
      const seen: Array<[string, number]> = [];
      let inFlight = 0;
      let peak = 0;
      const gates: Array<() => void> = [];
      const done = runPool(items, limit, async (item, index) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        seen.push([item, index]);
        await new Promise<void>((resolve) => gates.push(resolve));
        inFlight--;
      });
      // Release the started items one by one until every item has run.
      for (let released = 0; released < n; released++) {
        await new Promise((r) => setImmediate(r));
        gates.shift()?.();
      }
      await done;
      expect(seen).toEqual(items.map((item, i) => [item, i]));
      expect(peak).toBe(Math.min(n, Math.max(1, limit)));
    },
  );
});

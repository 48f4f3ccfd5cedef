import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { scanText } from '../../src/scan/index.js';
import { ownStrings } from '../../src/scan/own-strings.js';

describe('ownStrings', () => {
  const big = `${'x'.repeat(1000)}quay.io/acme/api:v1.2.3${'y'.repeat(1000)}`;
  const cut = (s: string) => big.slice(1000, 1000 + s.length);
  test.each<[string, () => unknown]>([
    ['a plain object', () => ({ raw: cut('quay.io/acme/api:v1.2.3'), n: 1, ok: true, none: null })],
    ['nested arrays', () => [[cut('quay.io/acme/api:v1.2.3')], { pos: { file: 'a.yaml', line: 3 } }]],
    [
      'a Map, keys and order kept',
      () =>
        new Map<unknown, unknown>([
          [cut('quay.io/acme/api:v1.2.3'), 1],
          [2, 'two'],
          ['z', { a: 'b' }],
        ]),
    ],
    ['lone surrogates', () => ({ s: '\ud800quay.io/acme/api\udfff', t: 'é✓😀' })],
    ['empty strings and undefined', () => ({ a: '', b: undefined, c: [undefined, ''] })],
  ])('%s: equal after the copy', (_, make) => {
    const value = make();
    ownStrings(value);
    expect(value).toStrictEqual(make());
    if (value instanceof Map)
      expect([...value.keys()]).toStrictEqual([...(make() as Map<unknown, unknown>).keys()]);
  });

  test('equal strings of one call share one copy', () => {
    const value = { a: { raw: cut('quay.io/acme/api:v1.2.3') }, b: { raw: big.slice(1000, 1023) } };
    ownStrings(value);
    expect(value.a.raw).toBe('quay.io/acme/api:v1.2.3');
    expect(value.b.raw).toBe(value.a.raw);
  });

  test('frozen objects are left as they are, and cycles end', () => {
    const frozen = Object.freeze({ raw: cut('quay.io/acme/api:v1.2.3') });
    const cyclic: { self?: unknown; frozen: unknown; raw: string } = { frozen, raw: cut('quay.io') };
    cyclic.self = cyclic;
    expect(() => ownStrings(cyclic)).not.toThrow();
    expect(frozen.raw).toBe('quay.io/acme/api:v1.2.3');
    expect(cyclic.raw).toBe('quay.io');
  });
});

describe('a scan result does not keep its file text alive', () => {
  // A 16 MB file whose result holds a few image references and names: once the text is dropped, a
  // full collection must free it. Without the copies, each kept reference is a view into the text.
  test('heap after a full GC grows by far less than the text', { timeout: 120_000 }, () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pad = 'p'.repeat(1_000_000);
    const doc = (i: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: application-server-${i}\n  labels: {pad: ${pad}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: quay.io/acme/application-${i}:v1.2.3\n`;
    gc();
    const before = process.memoryUsage().heapUsed;
    let text: string | undefined = Array.from({ length: 16 }, (_, i) => doc(i)).join('---\n');
    expect(text.length).toBeGreaterThan(16_000_000);
    const result = scanText('big.yaml', text);
    text = undefined;
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(result.uses.map((u) => u.raw)).toContain('quay.io/acme/application-15:v1.2.3');
    expect(result.files[0]?.documents[15]?.name).toBe('application-server-15');
    expect(text).toBeUndefined();
    expect(grown).toBeLessThan(4_000_000);
  });
});

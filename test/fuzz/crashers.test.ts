// Every input the property tests ever broke, kept as a fixture (test/fixtures/adversarial/crashers/) and
// replayed here with the invariant it broke, plus the specific outcome it must now have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChallengeError, parseChallenges } from '../../src/registry/challenge.js';
import { type ValueNode, valuesFromText } from '../../src/scan/helm/values-tree.js';
import { scanText } from '../../src/scan/index.js';
import { badPositions, positionsOf } from './arbitraries.js';

const DIR = fileURLToPath(new URL('../fixtures/adversarial/crashers/', import.meta.url));
const files = readdirSync(DIR).sort();
/** Read as the scanner's reader does: bytes decoded as UTF-8. */
const read = (name: string): string => readFileSync(join(DIR, name)).toString('utf8');

describe('scanner crashers', () => {
  const yamlFiles = files.filter((f) => f.endsWith('.yaml'));

  it('the fixture directory holds the scanner crashers', () => {
    expect(yamlFiles).toContain('unclosed-flow-shifts-lines.yaml');
  });

  it.each(yamlFiles)('%s: scans, every position inside the file', (name) => {
    const text = read(name);
    const r = scanText(`crashers/${name}`, text);
    // Each crasher yields positions (uses, documents, findings): the check below has some to judge.
    expect(positionsOf(r).length).toBeGreaterThan(0);
    expect(badPositions(`crashers/${name}`, text, positionsOf(r))).toEqual([]);
  });

  it('an unclosed flow collection no longer shifts the positions of later documents', () => {
    // yaml's Parser did not report the newlines swallowed by the error token, so every line after it
    // was counted short (fixed in src/scan/index.ts: line starts come from the text).
    const text = read('unclosed-flow-shifts-lines.yaml');
    const lines = text.split('\n');
    const r = scanText('f.yaml', text);
    // Every value written literally in the file sits on the line the use names, at its column (one
    // later when quoted); values composed from several keys (repository + tag) are not in the text.
    const literal = r.uses.filter((u) => text.includes(u.raw));
    expect(literal.length).toBeGreaterThanOrEqual(3);
    for (const u of literal) {
      expect([u.pos.column - 1, u.pos.column]).toContain(lines[u.pos.line - 1]?.indexOf(u.raw));
    }
    const app = r.uses.find((u) => u.raw === 'quay.io/acme/app:v1');
    expect(app?.pos).toMatchObject({ line: 37, column: 19 });
    expect(lines[36]).toBe('      repository: quay.io/acme/app');
  });
});

describe('chart values crashers', () => {
  it('an alias as the first key no longer shifts the positions in a values.yaml', () => {
    // Same yaml Parser newline gap, through parseDocument's lineCounter option (fixed in
    // src/scan/yaml/positions.ts: line starts come from the text).
    const text = read('values-alias-key-shifts-lines.yaml');
    const { values } = valuesFromText(text, 'values.yaml');
    const name = (
      values.entries.get('metadata') as Extract<ValueNode, { kind: 'map' }> | undefined
    )?.entries.get('name');
    expect(name).toMatchObject({ kind: 'scalar', value: 'nightly-report', pos: { line: 4, column: 9 } });
    expect(text.split('\n')[3]).toBe('  name: nightly-report');
  });
});

describe('WWW-Authenticate crashers', () => {
  // Found by fuzzing: `name in params` was true for Object.prototype names, so a parameter called
  // `constructor` (or `__proto__`, `toString`…) was refused as "given twice".
  it('a parameter named like an Object.prototype member parses (challenge-prototype-param-name.header)', () => {
    const header = read('challenge-prototype-param-name.header');
    expect(parseChallenges(header)).toEqual([
      {
        scheme: 'bearer',
        params: { realm: 'https://auth.example/token', service: 'registry.example', constructor: 'x' },
      },
    ]);
  });

  it('the fuzz counterexample gives challenges or a ChallengeError, never another exception', () => {
    let outcome: unknown;
    try {
      outcome = parseChallenges(read('challenge-proto-param.header'));
    } catch (e: unknown) {
      outcome = e;
    }
    expect(outcome instanceof ChallengeError || Array.isArray(outcome)).toBe(true);
  });
});

// The quoted scalars of generated files must be exactly what the yaml library writes for them, with
// or without the shortcut for printable ASCII.
import { describe, expect, it } from 'vitest';
import { parse, Scalar, stringify } from 'yaml';
import { doubleQuoted, singleQuoted } from '../../src/render/yaml-scalar.js';

function byYaml(value: string, type: Scalar.Type): string {
  const scalar = new Scalar(value);
  scalar.type = type;
  return stringify(scalar, { lineWidth: 0, doubleQuotedAsJSON: true }).replace(/\n$/, '');
}

const VALUES = [
  '',
  ' ',
  'nginx',
  'registry.example.com:5000/team/app@sha256:0123456789abcdef',
  "it's",
  "''",
  '"quoted"',
  'back\\slash',
  '{{repl ConfigOption "registry" }}',
  '# not a comment',
  '--- ',
  '...',
  '- item',
  'a: b',
  '%TAG',
  '@at',
  '`tick`',
  'tab\there',
  'line\nbreak',
  'trailing \n space',
  'ü',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\u007f',
  'x'.repeat(300),
  `${'word '.repeat(60)}end`,
];

describe('quoted YAML scalars', () => {
  it.each(VALUES)('%j double-quoted is what yaml writes, and reads back', (v) => {
    expect(doubleQuoted(v)).toBe(byYaml(v, Scalar.QUOTE_DOUBLE));
    if (!/[\ud800-\udfff]/.test(v)) expect(parse(doubleQuoted(v))).toBe(v);
  });
  it.each(VALUES)('%j single-quoted is what yaml writes (double-quoted where it must)', (v) => {
    const expected = /[\p{Cc}\u2028\u2029\ufeff]/u.test(v)
      ? byYaml(v, Scalar.QUOTE_DOUBLE)
      : byYaml(v, Scalar.QUOTE_SINGLE);
    expect(singleQuoted(v)).toBe(expected);
  });
});

// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import { type AnnotationSource, decideDeployed, parseGoBool, type Render } from '../../src/kots/exclude.js';

const plain = (text: string): AnnotationSource => ({ text, plain: true });
const quoted = (text: string): AnnotationSource => ({ text, plain: false });

describe('kots.io/exclude and kots.io/when (pkg/base/base.go isExcludedByAnnotation)', () => {
  it.each([
    // strconv.ParseBool spellings, quoted (strings)
    ['1', true],
    ['t', true],
    ['True', true],
    ['0', false],
    ['F', false],
    ['FALSE', false],
    ['yes', undefined],
    ['tRuE', undefined],
    ['', undefined],
  ])('ParseBool(%j) = %s', (s, expected) => {
    expect(parseGoBool(s)).toBe(expected);
  });

  it.each<[string, AnnotationSource | undefined, AnnotationSource | undefined, unknown]>([
    ['no annotations', undefined, undefined, { deployed: true }],
    ['exclude true (bool)', plain('true'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    ['exclude "1" (string)', quoted('1'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    // yaml.v2 reads a plain `yes` as a bool
    ['exclude yes (YAML 1.1 bool)', plain('yes'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    ['when false', undefined, plain('false'), { deployed: false, by: 'kots.io/when' }],
    ['when "true"', undefined, quoted('true'), { deployed: true, by: 'kots.io/when' }],
    // exclude, when present, decides alone: when is not read at all
    [
      'exclude false wins over when false',
      plain('false'),
      plain('false'),
      { deployed: true, by: 'kots.io/exclude' },
    ],
    [
      'quoted "yes" is not a Go bool: KOTS fails the render',
      undefined,
      quoted('yes'),
      { error: 'unable to parse yes as bool in when annotation', by: 'kots.io/when' },
    ],
    [
      'a plain number is an int: KOTS fails the render',
      undefined,
      plain('1'),
      { error: 'unexpected type in when annotation: int', by: 'kots.io/when' },
    ],
    [
      'null',
      plain(''),
      undefined,
      { error: 'unexpected type in exclude annotation: <nil>', by: 'kots.io/exclude' },
    ],
    [
      'a map',
      undefined,
      { other: 'map[interface {}]interface {}' },
      { error: 'unexpected type in when annotation: map[interface {}]interface {}', by: 'kots.io/when' },
    ],
    [
      'a template without an evaluator is undecided',
      undefined,
      quoted('{{repl ConfigOptionEquals "db" "embedded" }}'),
      { undecided: true, by: 'kots.io/when', text: '{{repl ConfigOptionEquals "db" "embedded" }}' },
    ],
  ])('%s', (_name, exclude, when, expected) => {
    expect(decideDeployed(exclude, when)).toEqual(expected);
  });

  it('uses the injected renderer for templated values', () => {
    const render: Render = (text) =>
      text.includes('"embedded"') ? { value: 'false', dynamic: false } : { value: 'true', dynamic: false };
    const a = quoted('{{repl ConfigOptionEquals "db" "embedded" }}');
    const b = quoted('{{repl ConfigOptionEquals "db" "external" }}');
    expect(decideDeployed(undefined, a, render)).toEqual({ deployed: false, by: 'kots.io/when' });
    expect(decideDeployed(undefined, b, render)).toEqual({ deployed: true, by: 'kots.io/when' });
    // a plain template renders into YAML that yaml.v2 reads as a bool
    expect(decideDeployed(undefined, plain('repl{{ ConfigOptionEquals "db" "external" }}'), render)).toEqual({
      deployed: true,
      by: 'kots.io/when',
    });
  });
});

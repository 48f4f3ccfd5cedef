// The values KOTS passes to Helm: pkg/base/replicated.go and pkg/apparchive/helm-v1beta2.go
// (replicatedhq/kots) merge `optionalValues` whose `when` strconv.ParseBool accepts, with
// MergeHelmChartValues (replicatedhq/kotskinds apis/kots/v1beta2/helmchart_types.go) when
// `recursiveMerge` is set, else replacing top-level keys.
import { describe, expect, it } from 'vitest';
import {
  ChartValuesError,
  kotsChartValues,
  mergeHelmChartValues,
  parseGoBool,
} from '../../src/helm/index.js';

describe('kotsChartValues', () => {
  const base = { image: { repository: 'nginx', tag: '1.0' }, replicas: 1 };
  const cases = [
    { name: 'values alone', spec: { values: base }, want: base },
    { name: 'no values', spec: {}, want: {} },
    {
      name: 'when false is ignored',
      spec: { values: base, optionalValues: [{ when: 'false', values: { replicas: 3 } }] },
      want: base,
    },
    {
      name: 'without recursiveMerge a top-level key is replaced whole',
      spec: { values: base, optionalValues: [{ when: 'true', values: { image: { tag: '2.0' } } }] },
      want: { image: { tag: '2.0' }, replicas: 1 },
    },
    {
      name: 'with recursiveMerge mappings merge',
      spec: {
        values: base,
        optionalValues: [{ when: '1', recursiveMerge: true, values: { image: { tag: '2.0' } } }],
      },
      want: { image: { repository: 'nginx', tag: '2.0' }, replicas: 1 },
    },
    {
      name: 'entries apply in order',
      spec: {
        values: base,
        optionalValues: [
          { when: 'True', values: { replicas: 2 } },
          { when: 'T', values: { replicas: 3 } },
        ],
      },
      want: { ...base, replicas: 3 },
    },
    {
      name: 'a boolean when is taken as it is',
      spec: { values: {}, optionalValues: [{ when: true, values: { a: 1 } }] },
      want: { a: 1 },
    },
  ];
  it.each(cases)('$name', ({ spec, want }) => {
    expect(kotsChartValues(spec)).toEqual(want);
  });

  it('renders when, recursiveMerge and string leaves through the template callback', () => {
    const render = (s: string): string =>
      s.replace('repl{{ ConfigOptionEquals "on" "1" }}', 'true').replace('repl{{ Reg }}', 'reg.example.com');
    const spec = {
      values: { image: { registry: 'repl{{ Reg }}' }, list: ['repl{{ Reg }}', 3] },
      optionalValues: [
        {
          when: 'repl{{ ConfigOptionEquals "on" "1" }}',
          recursiveMerge: 'repl{{ ConfigOptionEquals "on" "1" }}',
          values: { image: { tag: 'x' } },
        },
      ],
    };
    expect(kotsChartValues(spec, render)).toEqual({
      image: { registry: 'reg.example.com', tag: 'x' },
      list: ['reg.example.com', 3],
    });
  });

  it.each([['yes'], [''], ['repl{{ ConfigOption "x" }}']])('fails on when %j, as KOTS does', (when) => {
    expect(() => kotsChartValues({ optionalValues: [{ when, values: {} }] })).toThrow(ChartValuesError);
    expect(() => kotsChartValues({ optionalValues: [{ when, values: {} }] })).toThrow(
      'spec.optionalValues[0].when',
    );
  });
});

describe('mergeHelmChartValues', () => {
  const cases = [
    { name: 'overlay scalar replaces base scalar', base: { a: 1 }, overlay: { a: 2 }, want: { a: 2 } },
    { name: 'new keys are added', base: { a: 1 }, overlay: { b: 2 }, want: { a: 1, b: 2 } },
    {
      name: 'nested mappings merge',
      base: { a: { b: { c: 1, d: 2 } } },
      overlay: { a: { b: { d: 3, e: 4 } } },
      want: { a: { b: { c: 1, d: 3, e: 4 } } },
    },
    { name: 'lists are replaced, not merged', base: { a: [1, 2] }, overlay: { a: [3] }, want: { a: [3] } },
    { name: 'a mapping replaces a scalar', base: { a: 1 }, overlay: { a: { b: 1 } }, want: { a: { b: 1 } } },
    // kotskinds merges a base mapping with the overlay's children, which a scalar does not have.
    {
      name: 'a scalar over a mapping leaves the mapping',
      base: { a: { b: 1 } },
      overlay: { a: 'x' },
      want: { a: { b: 1 } },
    },
    { name: 'null over a scalar replaces it', base: { a: 1 }, overlay: { a: null }, want: { a: null } },
  ];
  it.each(cases)('$name', ({ base, overlay, want }) => {
    expect(mergeHelmChartValues(base, overlay)).toEqual(want);
  });
});

describe('parseGoBool', () => {
  it.each([
    ['1', true],
    ['t', true],
    ['TRUE', true],
    ['True', true],
    ['0', false],
    ['F', false],
    ['false', false],
    ['tRuE', null],
    ['yes', null],
    [' true', null],
  ])('%j → %j', (s, want) => {
    expect(parseGoBool(s)).toBe(want);
  });
});

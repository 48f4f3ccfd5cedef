// Seeded generator of random (mostly valid) templates for the differential test. Deterministic for
// a seed, so a failure can be reproduced by its seed and index.
import type { OracleCase } from './oracle-client.js';

export const GEN_DATA = {
  a: 'x',
  b: 'Hello World',
  n: 3,
  neg: -2,
  f: 2.5,
  z: 0,
  t: true,
  no: false,
  s: '',
  nil: null,
  l: ['b', 'a', 'c'],
  nums: [3, 1, 2],
  e: [],
  m: { k: 'v', b: 2, a: { deep: 'yes' } },
  em: {},
};

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELDS = [
  '.a',
  '.b',
  '.n',
  '.neg',
  '.f',
  '.z',
  '.t',
  '.no',
  '.s',
  '.nil',
  '.l',
  '.nums',
  '.e',
  '.m',
  '.em',
  '.m.k',
  '.m.b',
  '.m.a',
  '.m.a.deep',
  '.missing',
  '.m.missing',
  '.',
];
const LITERALS = [
  '1',
  '0',
  '-3',
  '2.5',
  '1e3',
  '"s"',
  '""',
  '"a,b"',
  'true',
  'false',
  '`raw`',
  "'c'",
  '0x10',
  'nil',
];
const UNARY = [
  'upper',
  'lower',
  'title',
  'trim',
  'len',
  'not',
  'empty',
  'toString',
  'toJson',
  'quote',
  'squote',
  'first',
  'last',
  'int',
  'float64',
  'b64enc',
  'nospace',
  'print',
  'toStrings',
  'uniq',
  'sortAlpha',
  'add1',
];
const BINARY = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'default',
  'coalesce',
  'add',
  'sub',
  'mul',
  'max',
  'min',
  'index',
  'list',
  'print',
  'printf "%v|%v"',
  'trunc',
  'repeat',
  'indent',
  'join',
  'has',
  'contains',
  'hasPrefix',
  'trimPrefix',
  'splitList',
  'append',
  'without',
  'dict "k"',
  'ternary "y"',
  'mod',
  'div',
  'cat',
];

export function generate(seed: number, count: number): OracleCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const cases: OracleCase[] = [];
  for (let i = 0; i < count; i++) {
    const vars: string[] = ['$'];
    const operand = (depth: number): string => {
      const x = r();
      if (x < 0.35) return pick(FIELDS);
      if (x < 0.55) return pick(LITERALS);
      if (x < 0.65 && vars.length > 1) return pick(vars.slice(1));
      if (depth <= 0) return pick(FIELDS);
      return `(${call(depth - 1)})`;
    };
    const call = (depth: number): string => {
      if (r() < 0.5) return `${pick(UNARY)} ${operand(depth)}`;
      return `${pick(BINARY)} ${operand(depth)} ${operand(depth)}`;
    };
    const pipeline = (depth: number): string => {
      const x = r();
      if (x < 0.3) return operand(depth);
      if (x < 0.8) return call(depth);
      return `${operand(depth)} | ${pick(UNARY)}`;
    };
    const open = () => (r() < 0.15 ? '{{- ' : '{{ ');
    const close = () => (r() < 0.15 ? ' -}}' : ' }}');
    const texts = ['', ' ', '\n', 'a', ' b ', '\n  ', ',', 'x\n'];
    const block = (depth: number): string => {
      let out = '';
      const n = 1 + Math.floor(r() * 3);
      for (let k = 0; k < n; k++) {
        out += pick(texts);
        const x = r();
        if (x < 0.45 || depth <= 0) out += `${open()}${pipeline(2)}${close()}`;
        else if (x < 0.55) {
          const v = `$v${vars.length}`;
          out += `${open()}${v} := ${pipeline(1)}${close()}`;
          vars.push(v);
        } else if (x < 0.7) {
          const mark = vars.length;
          out += `${open()}if ${pipeline(1)}${close()}${block(depth - 1)}`;
          if (r() < 0.3) out += `{{ else if ${pipeline(1)} }}${block(depth - 1)}`;
          if (r() < 0.5) out += `{{ else }}${block(depth - 1)}`;
          out += `${open()}end${close()}`;
          vars.length = mark;
        } else if (x < 0.85) {
          const mark = vars.length;
          const target = pick([
            '.l',
            '.nums',
            '.m',
            '.e',
            '.em',
            '.missing',
            '2',
            '.n',
            '(list 1 2)',
            '(dict "x" 1 "y" 2)',
            '.a',
          ]);
          let decl = '';
          if (r() < 0.5) {
            decl = `$i${mark}, $e${mark} := `;
            vars.push(`$i${mark}`, `$e${mark}`);
          }
          out += `{{ range ${decl}${target} }}${block(depth - 1)}`;
          if (r() < 0.2) out += `{{ if ${pipeline(0)} }}{{ ${pick(['break', 'continue'])} }}{{ end }}`;
          if (r() < 0.3) out += `{{ else }}${block(depth - 1)}`;
          out += '{{ end }}';
          vars.length = mark;
        } else if (x < 0.95) {
          const mark = vars.length;
          out += `{{ with ${pipeline(1)} }}${block(depth - 1)}`;
          if (r() < 0.4) out += `{{ else }}${block(depth - 1)}`;
          out += '{{ end }}';
          vars.length = mark;
        } else out += `{{/* c${k} */}}`;
      }
      return out;
    };
    cases.push({ name: `g${i}`, template: block(2), data: GEN_DATA });
  }
  return cases;
}

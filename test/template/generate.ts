// Seeded generator of random (mostly valid) templates for the differential test. Deterministic for
// a seed, so a failure can be reproduced by its seed and index.
import type { OracleCase } from './oracle-client.js';

const GEN_DATA = {
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

type Kind = 'str' | 'num' | 'list' | 'any';

const FIELDS: Record<Kind, string[]> = {
  str: ['.a', '.b', '.s', '.m.k', '.m.a.deep', '"s"', '""', '"a,b"', '`raw`', '"Hello world"'],
  num: ['.n', '.neg', '.z', '.m.b', '1', '0', '-3', "'c'", '0x10', '2'],
  list: ['.l', '.nums', '.e', '(list 1 "a")', '(splitList "," "a,b")'],
  any: [
    '.f',
    '.t',
    '.no',
    '.nil',
    '.m',
    '.em',
    '.m.a',
    '.missing',
    '.m.missing',
    '.',
    '2.5',
    '1e3',
    'true',
    'false',
    'nil',
  ],
};

/** Functions with the kinds of their arguments and the kind of their result. */
const FUNCS: [string, Kind[], Kind][] = [
  ['upper', ['str'], 'str'],
  ['lower', ['str'], 'str'],
  ['title', ['str'], 'str'],
  ['trim', ['str'], 'str'],
  ['b64enc', ['str'], 'str'],
  ['nospace', ['str'], 'str'],
  ['quote', ['any'], 'str'],
  ['squote', ['any'], 'str'],
  ['toString', ['any'], 'str'],
  ['toJson', ['any'], 'str'],
  ['print', ['any', 'any'], 'str'],
  ['printf "%v|%v"', ['any', 'any'], 'str'],
  ['cat', ['any', 'any'], 'str'],
  ['trunc', ['num', 'str'], 'str'],
  ['repeat', ['num', 'str'], 'str'],
  ['indent', ['num', 'str'], 'str'],
  ['join', ['str', 'list'], 'str'],
  ['trimPrefix', ['str', 'str'], 'str'],
  ['replace', ['str', 'str', 'str'], 'str'],
  ['default', ['any', 'any'], 'any'],
  ['coalesce', ['any', 'any'], 'any'],
  ['ternary', ['any', 'any', 'any'], 'any'],
  ['len', ['list'], 'num'],
  ['add', ['num', 'num'], 'num'],
  ['sub', ['num', 'num'], 'num'],
  ['mul', ['num', 'num'], 'num'],
  ['max', ['num', 'num'], 'num'],
  ['min', ['num', 'num'], 'num'],
  ['mod', ['num', 'num'], 'num'],
  ['div', ['num', 'num'], 'num'],
  ['add1', ['num'], 'num'],
  ['int', ['any'], 'num'],
  ['atoi', ['str'], 'num'],
  ['not', ['any'], 'any'],
  ['empty', ['any'], 'any'],
  ['and', ['any', 'any'], 'any'],
  ['or', ['any', 'any'], 'any'],
  ['eq', ['num', 'num'], 'any'],
  ['eq', ['str', 'str'], 'any'],
  ['ne', ['any', 'any'], 'any'],
  ['lt', ['num', 'num'], 'any'],
  ['ge', ['str', 'str'], 'any'],
  ['contains', ['str', 'str'], 'any'],
  ['hasPrefix', ['str', 'str'], 'any'],
  ['has', ['any', 'list'], 'any'],
  ['index', ['list', 'num'], 'any'],
  ['first', ['list'], 'any'],
  ['last', ['list'], 'any'],
  ['list', ['any', 'any'], 'list'],
  ['append', ['list', 'any'], 'list'],
  ['uniq', ['list'], 'list'],
  ['sortAlpha', ['list'], 'list'],
  ['splitList', ['str', 'str'], 'list'],
  ['dict "k"', ['any'], 'any'],
  ['pick .m', ['str'], 'any'],
  ['omit .m', ['str'], 'any'],
  ['dig "a" "deep"', ['any', 'any'], 'any'],
  ['ceil', ['num'], 'num'],
  ['floor', ['any'], 'num'],
  ['kindOf', ['any'], 'str'],
  ['base', ['str'], 'str'],
  ['clean', ['str'], 'str'],
  ['ext', ['str'], 'str'],
  ['abbrev', ['num', 'str'], 'str'],
  ['substr', ['num', 'num', 'str'], 'str'],
  ['all', ['any', 'any'], 'any'],
  ['any', ['any', 'any'], 'any'],
  ['regexReplaceAll', ['str', 'str', 'str'], 'str'],
  ['regexMatch', ['str', 'str'], 'any'],
];

export function generate(seed: number, count: number): OracleCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const cases: OracleCase[] = [];
  for (let i = 0; i < count; i++) {
    const vars: string[] = ['$'];
    const operand = (depth: number, want: Kind = 'any'): string => {
      // Mostly the kind the function wants; sometimes anything, to exercise Go's type errors.
      const kind: Kind = want === 'any' || r() < 0.1 ? pick(['str', 'num', 'list', 'any'] as const) : want;
      const x = r();
      if (x < 0.15 && vars.length > 1) return pick(vars.slice(1));
      if (x < 0.7 || depth <= 0) return pick(FIELDS[kind]);
      return `(${call(depth - 1, kind)})`;
    };
    const call = (depth: number, want: Kind = 'any'): string => {
      const fits = FUNCS.filter(([, , out]) => want === 'any' || out === want);
      const [name, params] = pick(fits.length > 0 ? fits : FUNCS);
      return [name, ...params.map((p) => operand(depth, p))].join(' ');
    };
    const pipeline = (depth: number): string => {
      const x = r();
      if (x < 0.25) return operand(depth);
      if (x < 0.8) return call(depth);
      const [name, params] = pick(FUNCS.filter(([, p]) => p.length === 1));
      return `${operand(depth, params[0])} | ${name}`;
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
    let template = block(2);
    if (r() < 0.1) {
      const mark = vars.length;
      vars.length = 1;
      const body = block(1);
      vars.length = mark;
      template = `{{ define "d${i}" }}${body}{{ end }}${template}{{ template "d${i}" ${operand(1)} }}`;
    }
    const d = r();
    if (d < 0.15) {
      // KOTS's delimiters: every action opens with `{{repl` (or `repl{{`) and closes with `}}`.
      const left = d < 0.1 ? '{{repl' : 'repl{{';
      template = template.replace(/\{\{/g, left);
      cases.push({ name: `g${i}`, template, data: GEN_DATA, ldelim: left, rdelim: '}}' });
    } else cases.push({ name: `g${i}`, template, data: GEN_DATA });
  }
  return cases;
}

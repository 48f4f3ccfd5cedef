import { describe, expect, test } from 'vitest';
import type { Templating } from '../src/model-scan.js';
import { scanText } from '../src/scan/index.js';
import { blankBlockTemplates, classifyTemplating } from '../src/templates.js';

describe('classifyTemplating', () => {
  test.each<[string, Templating]>([
    ['nginx:1.25', { kind: 'none' }],
    ['{{ .Values.image }}', { kind: 'none' }],
    [
      'repl{{ LocalImageName "quay.io/a/b:1" }}',
      { kind: 'wrapped', fn: 'LocalImageName', literal: 'quay.io/a/b:1' },
    ],
    ['{{repl LocalImageName "nginx"}}', { kind: 'wrapped', fn: 'LocalImageName', literal: 'nginx' }],
    ['{{repl LocalImageName `x/y:2` }}', { kind: 'wrapped', fn: 'LocalImageName', literal: 'x/y:2' }],
    [
      '  repl{{ ReplicatedImageName "a/b:1" }}  ',
      { kind: 'wrapped', fn: 'ReplicatedImageName', literal: 'a/b:1' },
    ],
    [
      '{{repl ReplicatedImageName "a/b:1" true }}',
      { kind: 'wrapped', fn: 'ReplicatedImageName', literal: 'a/b:1' },
    ],
    [
      'repl{{- ReplicatedImageName "a/b:1" false -}}',
      { kind: 'wrapped', fn: 'ReplicatedImageName', literal: 'a/b:1' },
    ],
    // Anything else with a template is dynamic.
    ['{{repl LocalImageName "a/b:1" true }}', { kind: 'dynamic' }],
    ['{{repl LocalImageName "" }}', { kind: 'dynamic' }],
    ['{{repl LocalImageName (ConfigOption "img") }}', { kind: 'dynamic' }],
    ['{{repl LocalImageName "a\\"b" }}', { kind: 'dynamic' }],
    ['{{repl LocalRegistryHost }}/nginx:1', { kind: 'dynamic' }],
    ['{{repl LocalImageName "a:1" }}{{repl LocalImageName "b:1" }}', { kind: 'dynamic' }],
    ['x/{{repl LocalImageName "a:1" }}', { kind: 'dynamic' }],
    ['repl{{ ConfigOption "image" }}', { kind: 'dynamic' }],
    ['{{repl HasLocalRegistry | ternary "a" "b" }}', { kind: 'dynamic' }],
  ])('%s', (raw, want) => {
    expect(classifyTemplating(raw)).toEqual(want);
  });
});

describe('blankBlockTemplates', () => {
  test.each([
    ['  repl{{ if x }}\na: 1\n', '                \na: 1\n', 1],
    ['{{repl end }}\r\nb: 2', '             \r\nb: 2', 1],
    ['a: repl{{ x }}\n', 'a: repl{{ x }}\n', 0],
    ['repl{{ ConfigOption "k" }}: v\n', 'repl{{ ConfigOption "k" }}: v\n', 0],
    ['- repl{{ x }}\n', '- repl{{ x }}\n', 0],
  ])('%j', (text, want, count) => {
    const got = blankBlockTemplates(text);
    expect(got).toEqual({ text: want, count });
    expect(got.text.length).toBe(text.length);
  });
});

describe('templated image values in a PodSpec', () => {
  const pod = (imageLine: string): string =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n${imageLine}\n`;

  test.each<[string, string, number, Templating, string | undefined]>([
    [
      '    image: \'{{repl LocalImageName "quay.io/a/b:1" }}\'',
      '{{repl LocalImageName "quay.io/a/b:1" }}',
      12,
      { kind: 'wrapped', fn: 'LocalImageName', literal: 'quay.io/a/b:1' },
      undefined,
    ],
    [
      '    image: repl{{ ConfigOption "img" }}',
      'repl{{ ConfigOption "img" }}',
      12,
      { kind: 'dynamic' },
      undefined,
    ],
    // Unquoted `{{repl … }}` is a flow map to YAML: raw is the source text, the document is marked.
    [
      '    image:  {{repl LocalImageName "nginx:1" }}   # pinned',
      '{{repl LocalImageName "nginx:1" }}',
      13,
      { kind: 'wrapped', fn: 'LocalImageName', literal: 'nginx:1' },
      'template parsed as a flow map',
    ],
    [
      '    image: {{repl ConfigOption "img" }}',
      '{{repl ConfigOption "img" }}',
      12,
      { kind: 'dynamic' },
      'template parsed as a flow map',
    ],
  ])('%s', (line, raw, column, templating, problem) => {
    const r = scanText('p.yaml', pod(line));
    expect(r.uses).toEqual([
      { raw, templating, pos: { file: 'p.yaml', line: 7, column }, context: 'container', workload: 0 },
    ]);
    expect(r.files[0]?.documents[0]?.problem).toBe(problem);
    expect(r.findings).toEqual([]);
  });

  test('a flow map that is not a template is not an image', () => {
    const r = scanText('p.yaml', pod('    image: {name: x}'));
    expect(r.uses).toEqual([]);
    expect(r.files[0]?.documents[0]?.problem).toBeUndefined();
  });
});

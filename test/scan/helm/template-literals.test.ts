import { describe, expect, it } from 'vitest';
import { findTemplateLiteralImages } from '../../../src/scan/helm/template-literals.js';

const F = 'm/app.tgz!app/templates/deploy.yaml';
const found = (text: string) =>
  findTemplateLiteralImages(text, F).map((i) => [i.raw, i.pos.line, i.pos.column]);

describe('findTemplateLiteralImages', () => {
  it.each<[string, string, unknown[]]>([
    ['plain', '    image: quay.io/org/x:1\n', [['quay.io/org/x:1', 1, 12]]],
    ['double-quoted: column of the quote', '  image: "quay.io/org/x:1"\n', [['quay.io/org/x:1', 1, 10]]],
    ['single-quoted', "  image: 'x:1'\n", [['x:1', 1, 10]]],
    ['list item', '  - image: busybox:1.36  # pinned\n', [['busybox:1.36', 1, 12]]],
    ['digest', 'image: r.io/a@sha256:abc\n', [['r.io/a@sha256:abc', 1, 8]]],
    ['CRLF line endings', 'a: 1\r\n  image: x:1\r\n', [['x:1', 2, 10]]],
    ['templated value', '  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n', []],
    ['template elsewhere on the line', '  image: x:1 {{- if .Values.a }}\n', []],
    ['inside a multi-line comment', '{{/*\n  image: x:1\n*/}}\n  image: y:2\n', [['y:2', 4, 10]]],
    ['inside a multi-line action, closed on a later line', '{{- include "x" (dict\n  image: x:1\n) }}\n', []],
    ['a YAML comment', '  # image: x:1\n', []],
    ['a map or flow value', '  image:\n    repository: x\n  image: {a: 1}\n', []],
    ['two tokens', '  image: x:1 y:2\n', []],
    ['a longer key', '  sidecarimage: x:1\n  imagePullPolicy: Always\n', []],
    [
      'several, with the line numbers of each',
      'spec:\n  containers:\n    - name: a\n      image: a:1\n    - name: b\n      image: "b:2"\n',
      [
        ['a:1', 4, 14],
        ['b:2', 6, 14],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps every position within the file', () => {
    const [hit] = findTemplateLiteralImages('image: x:1\n', F);
    expect(hit?.pos.file).toBe(F);
  });
});

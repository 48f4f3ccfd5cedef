import { describe, expect, it } from 'vitest';
import { findValueImages, type ValueImageSlot } from '../../../src/scan/helm/image-slots.js';

const F = 'm/app.tgz!app/values.yaml';

/** path → [ref, line, column, file] for compact tables. */
const brief = (slots: ValueImageSlot[]) =>
  slots.map((s) => [s.path.join('.'), s.ref, s.pos.line, s.pos.column, s.pos.file === F ? 'F' : s.pos.file]);

describe('findValueImages', () => {
  it.each<[string, string, unknown[]]>([
    ['plain string', 'image: nginx:1.25\n', [['image', 'nginx:1.25', 1, 8, 'F']]],
    [
      'double-quoted: column of the quote',
      'a:\n  image: "quay.io/org/x:1"\n',
      [['a.image', 'quay.io/org/x:1', 2, 10, 'F']],
    ],
    ['single-quoted', "image: 'x:1'\n", [['image', 'x:1', 1, 8, 'F']]],
    [
      'registry/repository/tag map at depth',
      'redis:\n  image:\n    registry: docker.io\n    repository: bitnami/redis\n    tag: 7.2.4\n',
      [['redis.image', 'docker.io/bitnami/redis:7.2.4', 4, 17, 'F']],
    ],
    [
      'tag and digest are both kept (a valid reference; the digest decides the pull)',
      'image:\n  repository: org/x\n  tag: "1"\n  digest: sha256:abc\n',
      [['image', 'org/x:1@sha256:abc', 2, 15, 'F']],
    ],
    [
      'sibling imageRegistry',
      'api:\n  imageRegistry: ghcr.io\n  image:\n    repository: org/api\n    tag: v2\n',
      [['api.image', 'ghcr.io/org/api:v2', 4, 17, 'F']],
    ],
    [
      'global.imageRegistry outranks image.registry',
      'global:\n  imageRegistry: my.reg\nimage:\n  registry: docker.io\n  repository: org/x\n  tag: "1"\n',
      [['image', 'my.reg/org/x:1', 5, 15, 'F']],
    ],
    [
      'name + tag',
      'worker:\n  image:\n    name: quay.io/org/w\n    tag: "3"\n',
      [['worker.image', 'quay.io/org/w:3', 3, 11, 'F']],
    ],
    ['name alone is not an image', 'image:\n  name: foo\n', []],
    ['pullPolicy alone is not an image', 'image:\n  pullPolicy: Always\n', []],
    ['partial map (tag only) is left out by default', 'image:\n  tag: "2"\n', []],
    ['empty string is not an image', 'image: ""\n', []],
    ['booleans and numbers are not images', 'image: true\nx:\n  image: 5\n', []],
    [
      '<word>Image keys',
      'sidecarImage: busybox:1\nimagePullSecrets: []\n',
      [['sidecarImage', 'busybox:1', 1, 15, 'F']],
    ],
    [
      'images in list items',
      'extra:\n  - name: a\n    image: a:1\n  - name: b\n    image:\n      repository: b\n      tag: "2"\n',
      [
        ['extra.0.image', 'a:1', 3, 12, 'F'],
        ['extra.1.image', 'b:2', 6, 19, 'F'],
      ],
    ],
    [
      'an anchored image reused through an alias reports at the anchor',
      'a:\n  image: &img x:1\nb:\n  image: *img\n',
      [
        ['a.image', 'x:1', 2, 15, 'F'],
        ['b.image', 'x:1', 2, 15, 'F'],
      ],
    ],
    [
      'an imageRegistry two levels up still applies (nearest enclosing wins)',
      'imageRegistry: a.io\napi:\n  imageRegistry: ghcr.io\n  server:\n    image:\n      repository: org/api\n      tag: v2\n',
      [['api.server.image', 'ghcr.io/org/api:v2', 6, 19, 'F']],
    ],
    [
      'a repository map with a tag names an image under any key',
      'initContainer:\n  repository: busybox\n  tag: "1.36"\nchart:\n  repository: https://charts.example.com\n',
      [['initContainer', 'busybox:1.36', 2, 15, 'F']],
    ],
    ['a *Image key needs a valid reference', 'pullPolicyImage: Always\nenabledImage: ""\n', []],
    [
      'annotations, labels and metadata never hold images',
      'annotations:\n  image: x:1\nlabels: {image: y}\n',
      [],
    ],
    ['not YAML: what parses is kept', 'image: x:1\nbad: [\n', [['image', 'x:1', 1, 8, 'F']]],
    ['a root that is not a map', '- image: x:1\n', []],
  ])('%s', (_name, text, expected) => {
    expect(brief(findValueImages(text, F))).toEqual(expected);
  });

  it('uses the default tag when there is none, with a note, and notes numeric tags', () => {
    const [noTag, numeric] = findValueImages(
      'a:\n  image:\n    repository: org/a\nb:\n  image:\n    repository: org/b\n    tag: 1.10\n',
      F,
      {
        defaultTag: '3.1',
      },
    );
    expect([noTag?.ref, noTag?.notes]).toEqual([
      'org/a:3.1',
      ["no tag: assuming the chart's appVersion 3.1"],
    ]);
    expect([numeric?.ref, numeric?.notes]).toEqual([
      'org/b:1.1',
      ['tag 1.1 is a YAML number: Helm may print it differently (1.10 as 1.1); quote it'],
    ]);
  });

  it('prefixes paths and records the parts it used', () => {
    const [slot] = findValueImages('image:\n  repository: org/x\n  tag: "1"\n  pullPolicy: Always\n', F, {
      prefix: ['sub'],
    });
    expect(slot?.path).toEqual(['sub', 'image']);
    expect(slot?.parts).toEqual({
      repository: {
        value: 'org/x',
        pos: { file: F, line: 2, column: 15 },
        layer: 0,
        path: ['sub', 'image', 'repository'],
      },
      tag: { value: '1', pos: { file: F, line: 3, column: 8 }, layer: 0, path: ['sub', 'image', 'tag'] },
    });
  });
});

describe('findValueImages: operator mode (custom resources)', () => {
  it.each<[string, string, string[]]>([
    ['any valid reference under `image`', 'image: postgres\n', ['postgres']],
    ['a bare name under *Image does not look like an image', 'exporterImage: exporter\n', []],
    ['*Image needs a registry or an org/name:tag', 'backupImage: acme/backup:2\n', ['acme/backup:2']],
    ['not a reference under `image`', 'image: "not a ref"\n', []],
    ['a composed map must be valid', 'image: {repository: org/Bad, tag: "1"}\n', []],
    ['templates always count', 'image: \'{{repl ConfigOption "img" }}\'\n', ['{{repl ConfigOption "img" }}']],
  ])('%s', (_name, text, refs) => {
    expect(findValueImages(text, F, { mode: 'operator' }).map((s) => s.ref)).toEqual(refs);
  });

  it('marks slots inside lists (no values override can reach them)', () => {
    const [a, b] = findValueImages('x:\n  - image: a:1\ny:\n  image: b:1\n', F);
    expect([a?.inList, b?.inList]).toEqual([true, false]);
  });
});

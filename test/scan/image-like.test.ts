import { describe, expect, test } from 'vitest';
import { type ImageHint, looksLikeImage } from '../../src/scan/image-like.js';
import { scanText } from '../../src/scan/index.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('looksLikeImage', () => {
  test.each<[string, ImageHint, boolean]>([
    // Near misses that must never match, whatever the hint allows.
    ['info', 'named', false],
    ['1.0', 'named', false],
    ['http://x.y/z', 'image-field', false],
    ['https://quay.io/a/b:1', 'image-field', false],
    ['/usr/bin/x', 'image-field', false],
    ['host:port', 'named', false],
    ['localhost:8080', 'named', false],
    ['localhost:8080', 'anywhere', false],
    ['--verbose', 'image-field', false],
    ['a=b', 'image-field', false],
    ['plain words here', 'image-field', false],
    ['example.com', 'anywhere', false],
    ['./relative/path', 'image-field', false],
    ['Quay.io/Org/App:1', 'image-field', false],
    ['quay.io/a/b:1,quay.io/c/d:2', 'anywhere', false],
    ['{"image":"quay.io/a/b"}', 'anywhere', false],
    ['x', 'image-field', false],
    // Anywhere: a registry host and a path.
    ['quay.io/org/api:v1', 'anywhere', true],
    ['quay.io/org/api', 'anywhere', true],
    ['localhost:5000/x', 'anywhere', true],
    ['localhost/x', 'anywhere', true],
    [`registry.k8s.io/pause@sha256:${'a'.repeat(64)}`, 'anywhere', true],
    ['[::1]:5000/x:1', 'anywhere', true],
    ['bitnami/redis:7', 'anywhere', false],
    ['nginx:1.25', 'anywhere', false],
    // Named (RELATED_IMAGE_*, *_IMAGE, *Image fields): Docker Hub names with a tag or digest.
    ['bitnami/redis:7', 'named', true],
    ['nginx:1.25', 'named', false], // indistinguishable from host:port
    ['library/nginx:1.25', 'named', true],
    [`acme/x@sha256:${'c'.repeat(64)}`, 'named', true],
    ['bitnami/redis', 'named', false],
    ['nginx', 'named', false],
    // A custom resource field called `image`: any valid reference.
    ['nginx', 'image-field', true],
    ['bitnami/redis', 'image-field', true],
  ])('%s (%s) → %s', (value, hint, want) => {
    expect(looksLikeImage(value, hint)).toBe(want);
  });
});

const deployment = (...containerLines: string[]): string =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: op}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: manager',
    ...containerLines,
  );

/** [raw, line, column, templating kind] of the operator uses. */
function operatorUses(text: string): Array<[string, number, number, string]> {
  return scanText('o.yaml', text)
    .uses.filter((u) => u.context === 'operator')
    .map((u) => [u.raw, u.pos.line, u.pos.column, u.templating.kind]);
}

describe('container env and args', () => {
  test('env values by name and by look', () => {
    const text = deployment(
      '        env:',
      '        - name: RELATED_IMAGE_DB',
      '          value: bitnami/postgresql:16',
      '        - name: SIDECAR_IMAGE',
      '          value: "library/nginx:1.25"',
      '        - name: UPSTREAM',
      '          value: quay.io/acme/upstream:2',
      '        - name: LOG_LEVEL',
      '          value: info',
      '        - name: VERSION',
      '          value: "1.0"',
      '        - name: ENDPOINT',
      '          value: http://x.y/z',
      '        - name: OTHER',
      '          value: bitnami/redis:7',
      '        - name: AGENT_IMAGE',
      '          value: \'{{repl LocalImageName "acme/agent:3" }}\'',
      '        - name: TPL_IMAGE',
      '          value: repl{{ ConfigOption "img" }}',
      '        - name: NOT_NAMED',
      '          value: repl{{ ConfigOption "x" }}',
      '        - name: WRAPPED',
      '          value: \'{{repl LocalImageName "quay.io/a/b:1" }}\'',
      '        - name: FROM',
      '          valueFrom: {configMapKeyRef: {name: c, key: image}}',
    );
    expect(operatorUses(text)).toEqual([
      ['bitnami/postgresql:16', 11, 18, 'none'],
      ['library/nginx:1.25', 13, 18, 'none'],
      ['quay.io/acme/upstream:2', 15, 18, 'none'],
      ['{{repl LocalImageName "acme/agent:3" }}', 25, 18, 'wrapped'],
      ['repl{{ ConfigOption "img" }}', 27, 18, 'dynamic'],
      ['{{repl LocalImageName "quay.io/a/b:1" }}', 31, 18, 'wrapped'],
    ]);
    // Operator uses inside a PodSpec keep the workload they run in.
    expect(scanText('o.yaml', text).uses.every((u) => u.workload === 0)).toBe(true);
  });

  test('args and command items, including --flag=<image> positioned at the image', () => {
    const text = deployment(
      '        image: quay.io/acme/op:1',
      '        command: ["/manager", "--verbose"]',
      '        args:',
      '        - --sidecar-image=quay.io/acme/sidecar:1',
      '        - "--init-image=registry.example.com:5000/init:2"',
      "        - '--x=ghcr.io/a/b:3'",
      '        - --mode=a=b',
      `        - ghcr.io/acme/tool@sha256:${'b'.repeat(64)}`,
      '        - localhost:8080',
      '        - --image',
      '        - bitnami/redis:7',
      '        - --url=http://x.y/z',
      '        - \'--wrapped={{repl LocalImageName "acme/w:1" }}\'',
      '        - "--esc=\\tquay.io/e/f:1"',
    );
    expect(operatorUses(text)).toEqual([
      ['quay.io/acme/sidecar:1', 12, 27, 'none'],
      ['registry.example.com:5000/init:2', 13, 25, 'none'],
      ['ghcr.io/a/b:3', 14, 16, 'none'],
      [`ghcr.io/acme/tool@sha256:${'b'.repeat(64)}`, 16, 11, 'none'],
      ['{{repl LocalImageName "acme/w:1" }}', 21, 22, 'wrapped'],
    ]);
  });

  test('an escape before the value part: position falls back to the item start', () => {
    const text = deployment('        args: ["--a\\u0062=quay.io/e/f:1"]');
    expect(operatorUses(text)).toEqual([['quay.io/e/f:1', 9, 16, 'none']]);
    expect(operatorUses(deployment('        args: ["--a=quay.io/e/f:1"]'))).toEqual([
      ['quay.io/e/f:1', 9, 21, 'none'],
    ]);
  });
});

describe('custom resources', () => {
  test('image and *Image fields, maps, PodSpec counted once, metadata ignored', () => {
    const text = lines(
      'apiVersion: acme.io/v1',
      'kind: Database',
      'metadata:',
      '  name: db',
      '  annotations: {image: "quay.io/not/this:1"}',
      'spec:',
      '  image: postgres',
      '  backupImage: "quay.io/acme/backup:2"',
      '  exporterImage: exporter',
      '  pullPolicyImage: Always',
      '  sidecar:',
      '    image: {repository: acme/sidecar, tag: "3"}',
      '  containers:',
      '  - name: x',
      '    image: localhost:5000/c:1',
      '  config:',
      '    url: http://x.y/z',
      '    path: /usr/bin/x',
      '    image: "not a valid ref"',
      '    tag: latest',
      '  template:',
      '    metadata: {annotations: {image: "quay.io/no/a:1"}, labels: {image: b}}',
      '    spec:',
      '      containers: [{image: "pod:1"}]',
      '  podAnnotations: {x.io/image: "quay.io/no/c:1"}',
    );
    const r = scanText('o.yaml', text);
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.context, u.workload])).toEqual([
      ['pod:1', 24, 28, 'container', 0],
      ['postgres', 7, 10, 'operator', undefined],
      ['quay.io/acme/backup:2', 8, 16, 'operator', undefined],
      ['acme/sidecar:3', 12, 25, 'operator', undefined],
      ['localhost:5000/c:1', 15, 12, 'operator', undefined],
    ]);
    expect(r.workloads.map((w) => [w.kind, w.podSpecPath])).toEqual([
      ['Database', ['spec', 'template', 'spec']],
    ]);
  });

  test.each([
    ['a built-in kind', 'apps/v1', 'ReplicaSet'],
    ['a *.k8s.io kind', 'networking.k8s.io/v1', 'Ingress'],
    ['troubleshoot.sh', 'troubleshoot.sh/v1beta2', 'SupportBundle'],
    ['a core kind', 'v1', 'Service'],
  ])('%s is not an operator resource', (_name, apiVersion, kind) => {
    const text = lines(
      `apiVersion: ${apiVersion}`,
      `kind: ${kind}`,
      'spec:',
      '  image: quay.io/a/b:1',
      '  collectors: [{run: {image: "quay.io/c/d:1"}}]',
    );
    // Only the collector images of a troubleshoot spec are images (pkg/kotsutil/kots.go
    // GetImagesFromKotsKinds); its other fields are never operator fields.
    const uses = scanText('o.yaml', text).uses.map((u) => [u.raw, u.context]);
    expect(uses).toEqual(kind === 'SupportBundle' ? [['quay.io/c/d:1', 'collector']] : []);
  });
});

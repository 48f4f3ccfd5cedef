// Value markers and tracing on strings, without Helm: which value paths produced which characters of
// an image, and when a string cannot be traced.
import { describe, expect, it } from 'vitest';
import {
  alignManifests,
  chooseMarkerPrefix,
  formatValuePath,
  imageParts,
  markValues,
  parseRenderedManifests,
  traceImage,
  traceString,
} from '../../src/helm/index.js';

const layers = [
  {
    origin: 'app/charts/pilot/values.yaml',
    at: ['pilot'],
    values: { image: 'pilot', global: { hub: 'docker.io/istio', tag: '1.5.4' } },
  },
  {
    origin: 'app/values.yaml',
    at: [],
    values: { global: { hub: 'gcr.io/istio-release', tag: '1.5.4' }, replicas: 2, empty: '' },
  },
  { origin: 'cr', at: [], values: { global: { tag: '1.6.0' }, gone: null } },
];

describe('markValues', () => {
  const m = markValues(layers, 'kpx');
  it('marks every non-empty string leaf with the origin of the layer that set it', () => {
    const byPath = Object.fromEntries(
      [...m.leaves.values()].map((l) => [formatValuePath(l.path), [l.origin, l.original]]),
    );
    expect(byPath).toEqual({
      'pilot.image': ['app/charts/pilot/values.yaml', 'pilot'],
      'pilot.global.hub': ['app/charts/pilot/values.yaml', 'docker.io/istio'],
      'pilot.global.tag': ['app/charts/pilot/values.yaml', '1.5.4'],
      'global.hub': ['app/values.yaml', 'gcr.io/istio-release'],
      'global.tag': ['cr', '1.6.0'],
    });
  });
  it('keeps numbers, empty strings and nulls (which remove a default in Helm) as they are', () => {
    expect(m.values.replicas).toBe(2);
    expect(m.values.empty).toBe('');
    expect(m.values.gone).toBeNull();
  });
  it('puts the marker before the original text', () => {
    expect((m.values.global as { tag: string }).tag).toMatch(/^kpx\d{5}1\.6\.0$/);
  });
  it('can mark only some leaves', () => {
    const only = markValues(layers, 'kpx', (path) => path.at(-1) === 'hub');
    expect([...only.leaves.values()].map((l) => formatValuePath(l.path)).sort()).toEqual([
      'global.hub',
      'pilot.global.hub',
    ]);
    expect((only.values.global as { tag: string }).tag).toBe('1.6.0');
  });
});

describe('chooseMarkerPrefix', () => {
  it('skips a prefix that the text already holds', () => {
    expect(chooseMarkerPrefix(['plain'])).toBe('kpx');
    expect(chooseMarkerPrefix(['a KPX00001 b'])).not.toBe('kpx');
  });
});

describe('traceImage on a composed image (istio: hub/image:tag)', () => {
  const m = markValues(layers, 'kpx');
  const marker = (path: string): string => {
    const leaf = [...m.leaves.values()].find((l) => formatValuePath(l.path) === path);
    if (leaf === undefined) throw new Error(`no leaf ${path}`);
    return leaf.marker + leaf.original;
  };
  const marked = `${marker('global.hub')}/${marker('pilot.image')}:${marker('global.tag')}`;
  const plain = 'gcr.io/istio-release/pilot:1.6.0';

  it('maps every part to its value path and names the registry-producing one', () => {
    const t = traceImage(plain, marked, m.leaves, 'kpx');
    if (t.status !== 'traced') throw new Error(t.reason);
    expect(t.contributions.map((c) => [c.pathText, c.origin, plain.slice(c.start, c.end)])).toEqual([
      ['global.hub', 'app/values.yaml', 'gcr.io/istio-release'],
      ['pilot.image', 'app/charts/pilot/values.yaml', 'pilot'],
      ['global.tag', 'cr', '1.6.0'],
    ]);
    expect(t.partsByContribution).toEqual([['registry', 'repository'], ['repository'], ['tag']]);
    expect(t.repositoryPath?.pathText).toBe('global.hub');
    expect(t.literals.map(([s, e]) => plain.slice(s, e))).toEqual(['/', ':']);
  });

  it('is untraced when the marked string does not reduce to the plain one', () => {
    const t = traceImage(plain, marked.toUpperCase(), m.leaves, 'kpx');
    expect(t.status).toBe('untraced');
  });

  it('has no repository path when the template writes the start literally', () => {
    const t = traceImage(
      'docker.io/library/pilot:1.6.0',
      `docker.io/library/${marker('pilot.image')}:${marker('global.tag')}`,
      m.leaves,
      'kpx',
    );
    if (t.status !== 'traced') throw new Error(t.reason);
    expect(t.repositoryPath).toBeNull();
    expect(t.contributions.map((c) => c.pathText)).toEqual(['pilot.image', 'global.tag']);
  });

  it('flags a value that went through a transformation', () => {
    const leaf = [...m.leaves.values()].find((l) => formatValuePath(l.path) === 'pilot.image');
    if (leaf === undefined) throw new Error('no leaf');
    const t = traceString('PILOT', `${leaf.marker}PILOT`, m.leaves, 'kpx');
    if (t.status !== 'traced') throw new Error(t.reason);
    expect(t.contributions[0]).toMatchObject({ verbatim: false, start: 0, end: 0 });
  });
});

describe('imageParts', () => {
  it.each([
    ['nginx', { registry: null, repository: 'nginx', tag: null, digest: null }],
    ['nginx:1.25', { registry: null, repository: 'nginx', tag: '1.25', digest: null }],
    ['istio/pilot:1.5.4', { registry: null, repository: 'istio/pilot', tag: '1.5.4', digest: null }],
    ['localhost:5000/a/b:c', { registry: 'localhost:5000', repository: 'a/b', tag: 'c', digest: null }],
    [
      `quay.io/x/y@sha256:${'a'.repeat(64)}`,
      { registry: 'quay.io', repository: 'x/y', tag: null, digest: `sha256:${'a'.repeat(64)}` },
    ],
    ['r.io/x:1@sha256:ab', { registry: 'r.io', repository: 'x', tag: '1', digest: 'sha256:ab' }],
  ])('%s', (image, want) => {
    const p = imageParts(image);
    const text = (r: [number, number] | null): string | null => (r === null ? null : image.slice(r[0], r[1]));
    expect({
      registry: text(p.registry),
      repository: text(p.repository),
      tag: text(p.tag),
      digest: text(p.digest),
    }).toEqual(want);
  });
});

describe('alignManifests', () => {
  const plain = parseRenderedManifests(
    '---\n# Source: a/templates/d.yaml\napiVersion: apps/v1\nkind: Deployment\n',
  );
  it('accepts the same documents from the same templates', () => {
    expect(alignManifests(plain, plain)).toEqual({ status: 'aligned' });
  });
  it('refuses a different document count or template', () => {
    expect(alignManifests(plain, []).status).toBe('untraced');
    const other = parseRenderedManifests(
      '---\n# Source: a/templates/other.yaml\napiVersion: apps/v1\nkind: Deployment\n',
    );
    expect(alignManifests(plain, other).status).toBe('untraced');
  });
});

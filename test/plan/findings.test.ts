// Table tests of the finding rules the planner applies (src/plan/findings.ts), on literal image groups.
// What KOTS rewrites is as in replicatedhq/kots pkg/image (containers and initContainers of PodSpecs)
// and pkg/kotsutil (the app's proxy path `<proxy domain>/proxy/<app slug>/<registry>/<path>`).
import { describe, expect, it } from 'vitest';
import type { Finding, ReportImage } from '../../src/model.js';
import type { ImageContext, ImageUse, Workload } from '../../src/model-scan.js';
import {
  namespaceFindings,
  needsPullSecret,
  placementFindings,
  proxyMismatch,
  statusFindings,
} from '../../src/plan/findings.js';
import { effectiveSettings, groupUses } from '../../src/plan/images.js';
import { classifyTemplating } from '../../src/templates.js';
import { offlineOptions } from '../helpers/pipeline.js';

const EFF = effectiveSettings(offlineOptions(), undefined);
const POS = { file: 'm.yaml', line: 3, column: 14 };

function use(raw: string, context: ImageContext = 'container'): ImageUse {
  return { raw, templating: classifyTemplating(raw), pos: POS, context };
}

function group(raw: string, context: ImageContext = 'container') {
  const g = groupUses([use(raw, context)])[0];
  if (!g) throw new Error('no group');
  return g;
}

function image(raw: string, status: ReportImage['status'], extra: Partial<ReportImage> = {}): ReportImage {
  return { image: raw, status, credentials: 'not-checked', proxy: null, locations: [POS], ...extra };
}

const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}/${f.level}`);

describe('statusFindings', () => {
  const proxied = 'proxy.replicated.com/proxy/acme/quay.io/acme/api';
  it.each<[string, ReportImage, string[]]>([
    ['public, not proxied', image('nginx:1', 'public'), []],
    [
      'private and proxied, no credentials',
      image('quay.io/acme/api:1', 'private', { credentials: 'none', proxy: proxied }),
      // credentials-missing is raised once per registry, by plan/kots-findings.ts credentialsMissingOnce.
      ['image-needs-proxy/notice'],
    ],
    [
      'private, credentials rejected',
      image('quay.io/acme/api:1', 'private', { credentials: 'rejected', proxy: proxied }),
      ['image-needs-proxy/notice', 'credentials-rejected/error'],
    ],
    [
      'private, credentials ok',
      image('quay.io/acme/api:1', 'private', { credentials: 'ok', proxy: proxied }),
      ['image-needs-proxy/notice'],
    ],
    ['not found', image('quay.io/acme/api:1', 'not-found'), ['image-not-found/error']],
    ['unreachable', image('quay.io/acme/api:1', 'unreachable'), ['image-unreachable/warning']],
    ['rate limited', image('quay.io/acme/api:1', 'rate-limited'), ['rate-limited/warning']],
    ['unknown (offline)', image('quay.io/acme/api:1', 'unknown'), []],
  ])('%s', (_, img, want) => {
    expect(rules(statusFindings(group(img.image), img, () => true, EFF.proxyDomain))).toEqual(want);
  });

  it.each<[string, string[]]>([
    ['quay.io/acme/API:1', ['invalid-image-reference/error']],
    ['repl{{ ConfigOption "img" }}', ['dynamic-image/notice']],
    // KOTS's delimiters are `{{repl` and `repl{{`: with a space it is plain text, and no valid reference.
    ['{{ repl ConfigOption "img" }}', ['invalid-image-reference/error']],
  ])('%s', (raw, want) => {
    const g = group(raw);
    const img = image(raw, g.dynamic ? 'dynamic' : 'unknown');
    expect(rules(statusFindings(g, img, () => true, EFF.proxyDomain))).toEqual(want);
  });

  it('points every finding at the use', () => {
    const [f] = statusFindings(
      group('quay.io/acme/api:1'),
      image('quay.io/acme/api:1', 'not-found'),
      () => true,
      EFF.proxyDomain,
    );
    expect(f).toMatchObject(POS);
  });
});

describe('placementFindings', () => {
  it.each<[ImageContext, ReportImage['status'], string | null, string[]]>([
    [
      'ephemeralContainer',
      'private',
      'proxy.replicated.com/proxy/acme/quay.io/acme/api',
      ['image-not-rewritten-by-kots/warning'],
    ],
    ['ephemeralContainer', 'public', null, []],
    ['operator', 'private', null, ['operator-image-reference/warning']],
    ['operator', 'public', null, []],
    ['container', 'private', 'proxy.replicated.com/proxy/acme/quay.io/acme/api', []],
  ])('%s, %s', (context, status, proxy, want) => {
    const raw = 'quay.io/acme/api:1';
    expect(rules(placementFindings(group(raw, context), image(raw, status, { proxy }), EFF, []))).toEqual(
      want,
    );
  });
});

describe('proxyMismatch', () => {
  it.each<[string, string[]]>([
    ['proxy.replicated.com/proxy/acme/quay.io/acme/api:1', []],
    ['proxy.replicated.com/proxy/other/quay.io/acme/api:1', ['proxy-reference-mismatch/error']],
    // replicatedhq/kots pkg/docker/registry/images.go MakeProxiedImageURL leaves any image on the proxy
    // host alone: the Replicated SDK's `library/…` path is fine.
    ['proxy.replicated.com/library/replicated-sdk:1', []],
    ['other.proxy.replicated.com/proxy/acme/quay.io/acme/api:1', ['proxy-reference-mismatch/error']],
    ['quay.io/proxy/acme/api:1', []],
  ])('%s', (raw, want) => {
    expect(rules(proxyMismatch(group(raw), EFF))).toEqual(want);
  });
});

describe('needsPullSecret', () => {
  it.each<[string, ReportImage['status'], boolean]>([
    ['nginx:1', 'public', false],
    ['quay.io/acme/api:1', 'private', true],
    ['quay.io/acme/api:1', 'unknown', true],
    ['repl{{ ConfigOption "img" }}', 'dynamic', false],
    ['{{repl HasLocalRegistry | ternary LocalRegistryHost "quay.io" }}/api:1', 'dynamic', true],
    ['repl{{ ConfigOption "x" }}proxy.replicated.com/proxy/acme/a', 'dynamic', true],
  ])('%s (%s) → %s', (raw, status, want) => {
    expect(needsPullSecret(use(raw), image(raw, status), EFF)).toBe(want);
  });
});

describe('namespaceFindings', () => {
  const workload = (namespace?: string): Workload => ({
    file: 'm.yaml',
    docIndex: 0,
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'api',
    ...(namespace === undefined ? {} : { namespace, namespacePos: POS }),
    podSpecPath: ['spec', 'template', 'spec'],
    imagePullSecrets: null,
    pos: POS,
  });
  const app = (additionalNamespaces: string[]) => ({
    pos: POS,
    additionalNamespaces,
    additionalNamespacePos: additionalNamespaces.map(() => POS),
    excludedImages: [],
    proxyPublicImages: false,
  });
  it.each<[string | undefined, string[], string[]]>([
    [undefined, [], []],
    ['workers', [], ['namespace-not-in-additional-namespaces/error']],
    ['workers', ['workers'], []],
    ['workers', ['*'], []],
    ['repl{{ ConfigOption "ns" }}', [], ['dynamic-namespace/notice']],
    ['{{repl Namespace }}', [], []],
  ])('namespace %s, additionalNamespaces %j', (ns, listed, want) => {
    expect(rules(namespaceFindings([workload(ns)], [], new Set([0]), new Set(), app(listed)))).toEqual(want);
  });

  it('says nothing about a workload that runs no proxied image', () => {
    expect(namespaceFindings([workload('workers')], [], new Set(), new Set(), app([]))).toEqual([]);
  });
});

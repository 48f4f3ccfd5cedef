import { describe, expect, test } from 'vitest';
import { scanText } from '../../../src/scan/index.js';

const lines = (...l: string[]): string => `${l.join('\n')}\n`;
const at = (line: number, column: number) => ({ file: 'k.yaml', line, column });

describe('Application', () => {
  test('settings, positions and additionalImages', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta1',
        'kind: Application',
        'metadata: {name: app}',
        'spec:',
        '  additionalNamespaces:',
        '  - "*"',
        '  - monitoring',
        '  excludedImages: [busybox]',
        '  proxyPublicImages: true',
        '  proxyRegistryDomain: proxy.acme.com',
        '  replicatedRegistryDomain: registry.acme.com',
        '  additionalImages:',
        '  - quay.io/acme/extra:1',
        '  - \'{{repl LocalImageName "x/y:2" }}\'',
      ),
    );
    expect(r.application).toEqual({
      pos: at(2, 7),
      additionalNamespaces: ['*', 'monitoring'],
      additionalNamespacePos: [at(6, 5), at(7, 5)],
      excludedImages: ['busybox'],
      proxyPublicImages: true,
      proxyRegistryDomain: 'proxy.acme.com',
      replicatedRegistryDomain: 'registry.acme.com',
    });
    expect(r.uses).toEqual([
      {
        raw: 'quay.io/acme/extra:1',
        templating: { kind: 'none' },
        pos: at(13, 5),
        context: 'additionalImage',
      },
      {
        raw: '{{repl LocalImageName "x/y:2" }}',
        templating: { kind: 'wrapped', fn: 'LocalImageName', literal: 'x/y:2' },
        pos: at(14, 5),
        context: 'additionalImage',
      },
    ]);
    expect(r.workloads).toEqual([]);
  });

  test('minimal Application: defaults; a second Application in the file is ignored', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta1',
        'kind: Application',
        '---',
        'apiVersion: kots.io/v1beta1',
        'kind: Application',
        'spec: {proxyPublicImages: true}',
      ),
    );
    expect(r.application).toEqual({
      pos: at(2, 7),
      additionalNamespaces: [],
      additionalNamespacePos: [],
      excludedImages: [],
      proxyPublicImages: false,
    });
  });

  test('other kots.io kinds and other API versions contribute nothing', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta1',
        'kind: Config',
        'spec: {groups: [{items: [{name: image, default: "quay.io/a/b:1"}]}], template: {spec: {containers: [{image: x:1}]}}}',
        '---',
        'apiVersion: kots.io/v1beta2',
        'kind: Application',
        'spec: {additionalImages: [a:1]}',
      ),
    );
    expect(r.uses).toEqual([]);
    expect(r.application).toBeUndefined();
  });
});

describe('HelmChart', () => {
  test('v1beta1: chart identity, namespace, value forms, containers in values are not PodSpecs', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta1',
        'kind: HelmChart',
        'metadata: {name: redis}',
        'spec:',
        '  chart: {name: redis, chartVersion: 18.1.0, releaseName: cache}',
        '  namespace: data',
        '  values:',
        '    image:',
        '      registry: docker.io',
        '      repository: bitnami/redis',
        '      tag: 7.2.1',
        '    sentinel:',
        '      image: {repository: bitnami/sentinel, digest: "sha256:abc"}',
        '    metrics:',
        '      image: {name: exporter, tag: 1.10}',
        '    kubectlImage: bitnami/kubectl:1.28',
        '    pullPolicyImage: Always',
        '    template: {spec: {containers: [{name: x, image: "quay.io/a/b:1"}]}}',
        '    repository: https://charts.example.com',
      ),
    );
    expect(r.helmCharts).toEqual([
      {
        file: 'k.yaml',
        apiVersion: 'kots.io/v1beta1',
        name: 'redis',
        chartName: 'redis',
        chartVersion: '18.1.0',
        releaseName: 'cache',
        namespace: 'data',
        namespacePos: at(6, 14),
        pos: at(2, 7),
        chartPos: at(5, 3),
        passesPullSecret: false,
      },
    ]);
    expect(r.workloads).toEqual([]);
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.context, u.helmChart, u.workload])).toEqual([
      ['docker.io/bitnami/redis:7.2.1', 10, 19, 'helm-value', 0, undefined],
      ['bitnami/sentinel@sha256:abc', 13, 27, 'helm-value', 0, undefined],
      // Helm (and KOTS) read `tag: 1.10` as the number 1.1 and print it so.
      ['exporter:1.1', 15, 21, 'helm-value', 0, undefined],
      ['bitnami/kubectl:1.28', 16, 19, 'helm-value', 0, undefined],
      ['quay.io/a/b:1', 18, 53, 'helm-value', 0, undefined],
    ]);
  });

  test('v1beta2: releaseName and namespace under spec, optionalValues, registries, pull secret', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta2',
        'kind: HelmChart',
        'metadata: {name: api}',
        'spec:',
        '  chart: {name: api-chart, chartVersion: "1.0"}',
        '  releaseName: api',
        '  namespace: repl{{ Namespace }}',
        '  values:',
        '    imageRegistry: quay.io',
        '    api:',
        '      image: {repository: acme/api, tag: v1}',
        '    worker:',
        '      image: "proxy.replicated.com/proxy/app/quay.io/acme/worker:v1"',
        '  optionalValues:',
        "  - when: 'repl{{ HasLocalRegistry }}'",
        '    recursiveMerge: true',
        '    values:',
        '      global:',
        "        imageRegistry: '{{repl LocalRegistryHost }}'",
        '      api:',
        '        image: {registry: ignored.io, repository: acme/api, tag: v1}',
        "      imagePullSecrets: [{name: '{{repl ImagePullSecretName }}'}]",
      ),
    );
    expect(r.helmCharts[0]).toEqual({
      file: 'k.yaml',
      apiVersion: 'kots.io/v1beta2',
      name: 'api',
      chartName: 'api-chart',
      chartVersion: '1.0',
      releaseName: 'api',
      namespace: 'repl{{ Namespace }}',
      namespacePos: at(7, 14),
      pos: at(2, 7),
      chartPos: at(5, 3),
      passesPullSecret: true,
      pullSecretValues: [
        { path: ['imagePullSecrets'], names: ['{{repl ImagePullSecretName }}'], strings: false },
      ],
    });
    expect(r.uses.map((u) => [u.raw, u.pos.line, u.pos.column, u.templating.kind])).toEqual([
      ['quay.io/acme/api:v1', 11, 27, 'none'],
      ['proxy.replicated.com/proxy/app/quay.io/acme/worker:v1', 13, 14, 'none'],
      ['{{repl LocalRegistryHost }}/acme/api:v1', 21, 51, 'dynamic'],
    ]);
  });

  test.each([
    ['quoted template value', "  values: {secret: '{{repl ImagePullSecretName }}'}", true],
    ['unquoted template (a flow map to YAML)', '  values: {a: {b: [{{repl ImagePullSecretName }}]}}', true],
    ['in optionalValues only', "  optionalValues: [{values: {s: 'repl{{ ImagePullSecretName }}'}}]", true],
    ['only in a comment', '  values: {a: 1} # {{repl ImagePullSecretName }}', false],
    ['outside values', "  builder: {s: '{{repl ImagePullSecretName }}'}", false],
  ])('passesPullSecret: %s', (_name, specLine, want) => {
    const r = scanText('k.yaml', lines('apiVersion: kots.io/v1beta2', 'kind: HelmChart', 'spec:', specLine));
    expect(r.helmCharts[0]?.passesPullSecret).toBe(want);
  });

  test('unquoted template image value in HelmChart values', () => {
    const r = scanText(
      'k.yaml',
      lines(
        'apiVersion: kots.io/v1beta2',
        'kind: HelmChart',
        'spec:',
        '  values:',
        '    image: {{repl ReplicatedImageName "a/b:1" }}',
      ),
    );
    expect(r.uses).toEqual([
      {
        raw: '{{repl ReplicatedImageName "a/b:1" }}',
        templating: { kind: 'wrapped', fn: 'ReplicatedImageName', literal: 'a/b:1' },
        pos: at(5, 12),
        context: 'helm-value',
        helmChart: 0,
        helmValue: { path: ['image'], repoKey: 'image' },
      },
    ]);
    expect(r.files[0]?.documents[0]?.problem).toBe('template parsed as a flow map');
  });
});

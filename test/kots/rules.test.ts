// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import {
  collectorProxyRewrite,
  intendedProxyRewrite,
  isCollectorSpec,
  listedForKnownImages,
} from '../../src/kots/collectors.js';
import { type AnnotationSource, decideDeployed, parseGoBool, type Render } from '../../src/kots/exclude.js';
import { isKotsKind } from '../../src/kots/kinds.js';
import { makeProxiedImageURL, proxyMismatchOf, stripTagAndDigest } from '../../src/kots/proxy-name.js';
import { getsPullSecret, pullSecretName, pullSecretPodSpecPath } from '../../src/kots/pull-secrets.js';

describe('isKotsKind (pkg/kotsutil/kots.go IsKotsKind)', () => {
  it.each([
    ['velero.io/v1', 'Backup', true],
    ['velero.io/v1', 'Restore', true],
    ['velero.io/v1', 'Schedule', false],
    ['kots.io/v1beta1', 'Config', true],
    ['kots.io/v1beta2', 'HelmChart', true],
    ['kots.io/v1', 'Anything', false],
    ['troubleshoot.sh/v1beta2', 'Preflight', true],
    ['troubleshoot.sh/v1beta1', 'Preflight', false],
    ['troubleshoot.replicated.com/v1beta1', 'Collector', true],
    ['cluster.kurl.sh/v1beta1', 'Installer', true],
    ['kurl.sh/v1beta1', 'Installer', true],
    ['embeddedcluster.replicated.com/v1beta1', 'Config', true],
    ['app.k8s.io/v1beta1', 'Application', true],
    ['app.k8s.io/v1beta2', 'Application', false],
    ['apps/v1', 'Deployment', false],
    [undefined, 'Deployment', false],
  ])('%s %s → %s', (apiVersion, kind, expected) => {
    expect(isKotsKind(apiVersion, kind)).toBe(expected);
  });
});

const plain = (text: string): AnnotationSource => ({ text, plain: true });
const quoted = (text: string): AnnotationSource => ({ text, plain: false });

describe('kots.io/exclude and kots.io/when (pkg/base/base.go isExcludedByAnnotation)', () => {
  it.each([
    // strconv.ParseBool spellings, quoted (strings)
    ['1', true],
    ['t', true],
    ['True', true],
    ['0', false],
    ['F', false],
    ['FALSE', false],
    ['yes', undefined],
    ['tRuE', undefined],
    ['', undefined],
  ])('ParseBool(%j) = %s', (s, expected) => {
    expect(parseGoBool(s)).toBe(expected);
  });

  it.each<[string, AnnotationSource | undefined, AnnotationSource | undefined, unknown]>([
    ['no annotations', undefined, undefined, { deployed: true }],
    ['exclude true (bool)', plain('true'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    ['exclude "1" (string)', quoted('1'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    // yaml.v2 reads a plain `yes` as a bool
    ['exclude yes (YAML 1.1 bool)', plain('yes'), undefined, { deployed: false, by: 'kots.io/exclude' }],
    ['when false', undefined, plain('false'), { deployed: false, by: 'kots.io/when' }],
    ['when "true"', undefined, quoted('true'), { deployed: true, by: 'kots.io/when' }],
    // exclude, when present, decides alone: when is not read at all
    [
      'exclude false wins over when false',
      plain('false'),
      plain('false'),
      { deployed: true, by: 'kots.io/exclude' },
    ],
    [
      'quoted "yes" is not a Go bool: KOTS fails the render',
      undefined,
      quoted('yes'),
      { error: 'unable to parse yes as bool in when annotation', by: 'kots.io/when' },
    ],
    [
      'a plain number is an int: KOTS fails the render',
      undefined,
      plain('1'),
      { error: 'unexpected type in when annotation: int', by: 'kots.io/when' },
    ],
    [
      'null',
      plain(''),
      undefined,
      { error: 'unexpected type in exclude annotation: <nil>', by: 'kots.io/exclude' },
    ],
    [
      'a map',
      undefined,
      { other: 'map[interface {}]interface {}' },
      { error: 'unexpected type in when annotation: map[interface {}]interface {}', by: 'kots.io/when' },
    ],
    [
      'a template without an evaluator is undecided',
      undefined,
      quoted('{{repl ConfigOptionEquals "db" "embedded" }}'),
      { undecided: true, by: 'kots.io/when', text: '{{repl ConfigOptionEquals "db" "embedded" }}' },
    ],
  ])('%s', (_name, exclude, when, expected) => {
    expect(decideDeployed(exclude, when)).toEqual(expected);
  });

  it('uses the injected renderer for templated values', () => {
    const render: Render = (text) =>
      text.includes('"embedded"') ? { value: 'false', dynamic: false } : { value: 'true', dynamic: false };
    const a = quoted('{{repl ConfigOptionEquals "db" "embedded" }}');
    const b = quoted('{{repl ConfigOptionEquals "db" "external" }}');
    expect(decideDeployed(undefined, a, render)).toEqual({ deployed: false, by: 'kots.io/when' });
    expect(decideDeployed(undefined, b, render)).toEqual({ deployed: true, by: 'kots.io/when' });
    // a plain template renders into YAML that yaml.v2 reads as a bool
    expect(decideDeployed(undefined, plain('repl{{ ConfigOptionEquals "db" "external" }}'), render)).toEqual({
      deployed: true,
      by: 'kots.io/when',
    });
  });
});

describe('MakeProxiedImageURL (pkg/docker/registry/images.go)', () => {
  it.each([
    ['quay.io/org/api:v1', 'proxy.replicated.com/proxy/app/quay.io/org/api'],
    ['nginx:1.25', 'proxy.replicated.com/proxy/app/nginx'],
    ['nginx@sha256:abc', 'proxy.replicated.com/proxy/app/nginx'],
    ['localhost:5000/x:1', 'proxy.replicated.com/proxy/app/localhost:5000/x'],
    // already on the proxy host: only the tag is cut, the name is kept
    [
      'proxy.replicated.com/library/replicated-sdk-image:1.15.0',
      'proxy.replicated.com/library/replicated-sdk-image',
    ],
    ['proxy.replicated.com/proxy/other/x:1', 'proxy.replicated.com/proxy/other/x'],
  ])('%s → %s', (image, expected) => {
    expect(makeProxiedImageURL('proxy.replicated.com', 'app', image)).toBe(expected);
  });

  it('StripImageTagAndDigest only cuts the last path part', () => {
    expect(stripTagAndDigest('host:5000/a/b:1@sha256:x')).toBe('host:5000/a/b');
  });

  it.each([
    ['proxy.replicated.com', 'library/replicated-sdk-image', undefined],
    ['proxy.replicated.com', 'proxy/app/quay.io/x', undefined],
    ['proxy.replicated.com', 'proxy/other/quay.io/x', { kind: 'other-slug', slug: 'other' }],
    ['images.vendor.com', 'proxy/app/quay.io/x', undefined],
    [
      'eu.proxy.replicated.com',
      'proxy/app/x',
      { kind: 'other-proxy-domain', host: 'eu.proxy.replicated.com' },
    ],
    ['eu.proxy.replicated.com', 'library/x', undefined],
  ])('proxy mismatch of %s/%s', (host, path, expected) => {
    expect(proxyMismatchOf(host, path, 'proxy.replicated.com', 'app')).toEqual(expected);
  });
});

describe('pull secrets (pkg/base/base.go FindImages, pkg/k8sdoc/types.go, pkg/midstream/write.go)', () => {
  it('names the secret after the app, or the useHelmInstall chart directory', () => {
    expect(pullSecretName('app')).toBe('app-registry');
    // GetDirName: releaseName, else the CR's metadata.name (not the chart name)
    expect(pullSecretName('app', { name: 'redis-cr' })).toBe('app-redis-cr-registry');
    expect(pullSecretName('app', { name: 'redis-cr', releaseName: 'cache' })).toBe('app-cache-registry');
  });
  it('patches by kind where PatchWithPullSecret writes', () => {
    expect(pullSecretPodSpecPath('Pod')).toEqual(['spec']);
    expect(pullSecretPodSpecPath('CronJob')).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(pullSecretPodSpecPath('StatefulSet')).toEqual(['spec', 'template', 'spec']);
  });
  it('patches any object with a container, image private or not', () => {
    expect(getsPullSecret(1)).toBe(true);
    expect(getsPullSecret(0)).toBe(false);
  });
});

describe('collector images (pkg/kotsutil/kots.go GetImagesFromKotsKinds, pkg/registry/troubleshoot.go)', () => {
  it.each([
    ['troubleshoot.sh/v1beta2', 'Preflight', true],
    ['troubleshoot.sh/v1beta2', 'SupportBundle', true],
    ['troubleshoot.sh/v1beta2', 'Collector', true],
    ['troubleshoot.replicated.com/v1beta1', 'Collector', false],
    ['troubleshoot.sh/v1beta2', 'Redactor', false],
    ['kots.io/v1beta1', 'Preflight', false],
  ])('%s %s reads collectors: %s', (a, k, expected) => {
    expect(isCollectorSpec(a, k)).toBe(expected);
  });
  it('skips templated images from the known images', () => {
    expect(listedForKnownImages('quay.io/x:1')).toBe(true);
    expect(listedForKnownImages('{{repl LocalImageName "quay.io/x:1" }}')).toBe(false);
    expect(listedForKnownImages('')).toBe(false);
  });
  it.each([
    ['quay.io/acme/tool:1.2', 'proxy.replicated.com/proxy/app/quay.io/acme/tool:1.2', true],
    ['quay.io/acme/tool', 'proxy.replicated.com/proxy/app/quay.io/acme/tool', true],
    // the rewrite appends the text after the last ':' as a tag
    ['quay.io/acme/tool@sha256:abc', 'proxy.replicated.com/proxy/app/quay.io/acme/tool:abc', false],
    ['reg:5000/acme/tool', 'proxy.replicated.com/proxy/app/reg:5000/acme/tool:5000/acme/tool', false],
    ['registry.replicated.com/app/tool:1', 'registry.replicated.com/app/tool:1', true],
  ])('rewrite(%s) = %s (as intended: %s)', (image, expected, ok) => {
    const got = collectorProxyRewrite(image, 'proxy.replicated.com', 'registry.replicated.com', 'app');
    expect(got).toBe(expected);
    const intended = image.startsWith('registry.replicated.com/')
      ? image
      : intendedProxyRewrite(image, 'proxy.replicated.com', 'app');
    expect(got === intended).toBe(ok);
  });
});

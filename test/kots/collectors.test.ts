// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import {
  collectorProxyRewrite,
  intendedProxyRewrite,
  isCollectorSpec,
  listedForKnownImages,
} from '../../src/kots/collectors.js';

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

// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import { makeProxiedImageURL, proxyMismatchOf, stripTagAndDigest } from '../../src/kots/proxy-name.js';

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

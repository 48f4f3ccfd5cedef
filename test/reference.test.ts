import { describe, expect, it } from 'vitest';
import {
  dockerHubSpellings,
  formatReference,
  type ImageReference,
  isDockerHub,
  nameAsWritten,
  normalizedString,
  normalizeReference,
  parseReference,
  proxyImageName,
  registryApiHost,
} from '../src/reference.js';

const SHA256 = 'a'.repeat(32) + '0123456789abcdef'.repeat(2);
const SHA512 = 'b'.repeat(128);

function parsed(text: string): ImageReference {
  const result = parseReference(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.reason}`);
  return result.ref;
}

describe('parseReference: valid references keep what was written', () => {
  it.each<[string, ImageReference]>([
    ['nginx', { path: 'nginx' }],
    ['nginx:1.25', { path: 'nginx', tag: '1.25' }],
    ['library/nginx', { path: 'library/nginx' }],
    ['org/api', { path: 'org/api' }],
    ['org/team/api:v1', { path: 'org/team/api', tag: 'v1' }],
    ['docker.io/nginx', { domain: 'docker.io', path: 'nginx' }],
    ['index.docker.io/library/nginx', { domain: 'index.docker.io', path: 'library/nginx' }],
    ['quay.io/org/api:v1', { domain: 'quay.io', path: 'org/api', tag: 'v1' }],
    // tricky cases of the distribution/reference grammar
    ['foo:5000', { path: 'foo', tag: '5000' }],
    ['foo:5000/bar', { domain: 'foo:5000', path: 'bar' }],
    ['[::1]:5000/x', { domain: '[::1]:5000', path: 'x' }],
    ['[fe80::1]/x:y', { domain: '[fe80::1]', path: 'x', tag: 'y' }],
    ['Foo/bar', { domain: 'Foo', path: 'bar' }],
    ['localhost/x', { domain: 'localhost', path: 'x' }],
    ['localhost:5000/a/b:c', { domain: 'localhost:5000', path: 'a/b', tag: 'c' }],
    ['localhost:5000', { path: 'localhost', tag: '5000' }],
    ['127.0.0.1:5000/x', { domain: '127.0.0.1:5000', path: 'x' }],
    ['my-reg.example.com/a', { domain: 'my-reg.example.com', path: 'a' }],
    // separators: one '.', one or two '_', any number of '-'
    ['a_b__c---d/e.f_g', { path: 'a_b__c---d/e.f_g' }],
    ['a__b/c', { path: 'a__b/c' }],
    // a component with a dot is a domain, even when it would also be a valid path component
    ['a.b/c', { domain: 'a.b', path: 'c' }],
    // tag and digest together; a tag of exactly 128 characters
    [`nginx:1.25@sha256:${SHA256}`, { path: 'nginx', tag: '1.25', digest: `sha256:${SHA256}` }],
    [`nginx@sha256:${SHA256}`, { path: 'nginx', digest: `sha256:${SHA256}` }],
    [`r.io/x@sha512:${SHA512}`, { domain: 'r.io', path: 'x', digest: `sha512:${SHA512}` }],
    [`x:${'t'.repeat(128)}`, { path: 'x', tag: 't'.repeat(128) }],
    ['x:_T.a-g', { path: 'x', tag: '_T.a-g' }],
    // `sha256:<hex>` with no '@' is image `sha256` with a tag
    [`sha256:${SHA256}`, { path: 'sha256', tag: SHA256 }],
    // path of exactly 255 characters after normalization (`library/` counts)
    [`${'a'.repeat(247)}`, { path: 'a'.repeat(247) }],
    [`q.io/${'a'.repeat(255)}`, { domain: 'q.io', path: 'a'.repeat(255) }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual({ ok: true, ref: expected });
  });
});

describe('parseReference: invalid references say why', () => {
  it.each<[string, string | RegExp]>([
    ['', 'image reference is empty'],
    [' nginx', 'image reference contains whitespace'],
    ['nginx\n', 'image reference contains whitespace'],
    ['https://quay.io/org/app', /URL scheme/],
    ['quay.io/Org/app', 'repository name must be lowercase'],
    ['NGINX', 'repository name must be lowercase'],
    ['docker.io/Nginx:1', 'repository name must be lowercase'],
    ['x:.tag', /^tag "\.tag" is invalid/],
    ['x:-tag', /^tag "-tag" is invalid/],
    ['x:t@g', /invalid digest/],
    ['a___b/c', /^path component "a___b" is invalid/],
    ['a..b', /^path component "a\.\.b" is invalid/],
    ['-a/b', /^path component "-a" is invalid/],
    ['a_/b', /^path component "a_" is invalid/],
    ['a//b', /empty path component/],
    ['a/', /empty path component/],
    [`x:${'t'.repeat(129)}`, /^tag "t{61}\.\.\." is longer than 128 characters$/],
    ['x:', 'tag is empty'],
    ['x@', 'digest is empty'],
    [':tag', 'repository name is empty'],
    [`@sha256:${SHA256}`, 'repository name is empty'],
    ['quay.io/', 'repository name is empty'],
    [`x@sha256:${SHA256.toUpperCase()}`, /sha256 needs exactly 64 lowercase hexadecimal characters/],
    [`x@sha256:${SHA256.slice(1)}`, /sha256 needs exactly 64/],
    [`x@sha256:${SHA256}0`, /sha256 needs exactly 64/],
    [`x@md5:${'a'.repeat(32)}`, /^unsupported digest algorithm "md5"/],
    [`x@SHA256:${SHA256}`, /^unsupported digest algorithm "SHA256"/],
    ['x@sha256:abc', /^invalid digest "sha256:abc"/],
    ['x@sha256', /^invalid digest/],
    [`x@sha256:${SHA256}@sha256:${SHA256}`, /more than one "@"/],
    [SHA256, /image ID/],
    ['a_b.c/d', /^registry host "a_b\.c" is not a valid host name/],
    ['-a.io/x', /registry host "-a\.io"/],
    ['a.io:port/x', /registry host "a\.io:port"/],
    ['[::1/x', /registry host/],
    ['a:b:c', /^tag|registry host|path component/],
    ['a/b:c/d', /^path component "b:c" is invalid/],
    [`${'a'.repeat(248)}`, 'repository name is longer than 255 characters'],
    [`docker.io/${'a'.repeat(248)}`, 'repository name is longer than 255 characters'],
    [`q.io/${'a'.repeat(256)}`, 'repository name is longer than 255 characters'],
    ['ngïnx', /^path component "ngïnx" is invalid/],
  ])('%j', (text, reason) => {
    const result = parseReference(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('normalization', () => {
  it.each<[string, ImageReference, string]>([
    ['nginx', { domain: 'docker.io', path: 'library/nginx' }, 'docker.io/library/nginx:latest'],
    [
      'nginx:1.25',
      { domain: 'docker.io', path: 'library/nginx', tag: '1.25' },
      'docker.io/library/nginx:1.25',
    ],
    ['library/nginx', { domain: 'docker.io', path: 'library/nginx' }, 'docker.io/library/nginx:latest'],
    ['docker.io/nginx', { domain: 'docker.io', path: 'library/nginx' }, 'docker.io/library/nginx:latest'],
    [
      'index.docker.io/nginx',
      { domain: 'docker.io', path: 'library/nginx' },
      'docker.io/library/nginx:latest',
    ],
    ['index.docker.io/org/x:1', { domain: 'docker.io', path: 'org/x', tag: '1' }, 'docker.io/org/x:1'],
    ['org/api', { domain: 'docker.io', path: 'org/api' }, 'docker.io/org/api:latest'],
    ['quay.io/api', { domain: 'quay.io', path: 'api' }, 'quay.io/api:latest'],
    ['localhost/x', { domain: 'localhost', path: 'x' }, 'localhost/x:latest'],
    ['Foo/bar', { domain: 'Foo', path: 'bar' }, 'Foo/bar:latest'],
    [
      `redis@sha256:${SHA256}`,
      { domain: 'docker.io', path: 'library/redis', digest: `sha256:${SHA256}` },
      `docker.io/library/redis@sha256:${SHA256}`,
    ],
    [
      `redis:7@sha256:${SHA256}`,
      { domain: 'docker.io', path: 'library/redis', tag: '7', digest: `sha256:${SHA256}` },
      `docker.io/library/redis:7@sha256:${SHA256}`,
    ],
  ])('%s', (text, normalized, str) => {
    const ref = parsed(text);
    expect(normalizeReference(ref)).toEqual(normalized);
    expect(normalizeReference(normalizeReference(ref))).toEqual(normalized);
    expect(normalizedString(ref)).toBe(str);
    // The normalized string is itself a reference that normalizes to the same thing (plus `:latest`).
    const latest = normalized.tag === undefined && normalized.digest === undefined;
    expect(normalizeReference(parsed(str))).toEqual(latest ? { ...normalized, tag: 'latest' } : normalized);
  });
});

describe('formatReference and nameAsWritten', () => {
  it.each<[string, string]>([
    ['nginx', 'nginx'],
    ['nginx:1.25', 'nginx'],
    [`quay.io/org/api:v1@sha256:${SHA256}`, 'quay.io/org/api'],
    ['[::1]:5000/x:1', '[::1]:5000/x'],
    ['index.docker.io/nginx', 'index.docker.io/nginx'],
  ])('%s', (text, name) => {
    const ref = parsed(text);
    expect(formatReference(ref)).toBe(text);
    expect(nameAsWritten(ref)).toBe(name);
  });
});

describe('proxyImageName keeps the name as written', () => {
  it.each<[string, string, string]>([
    ['nginx:1.25', 'proxy.replicated.com', 'proxy.replicated.com/proxy/my-app/nginx'],
    ['quay.io/org/api:v1', 'proxy.replicated.com', 'proxy.replicated.com/proxy/my-app/quay.io/org/api'],
    [
      `docker.io/library/redis@sha256:${SHA256}`,
      'p.example.com',
      'p.example.com/proxy/my-app/docker.io/library/redis',
    ],
    ['localhost:5000/x', 'proxy.replicated.com', 'proxy.replicated.com/proxy/my-app/localhost:5000/x'],
  ])('%s via %s', (text, proxy, expected) => {
    expect(proxyImageName(parsed(text), proxy, 'my-app')).toBe(expected);
  });
});

describe('dockerHubSpellings', () => {
  const library = ['docker.io/library/nginx', 'library/nginx', 'nginx', 'docker.io/nginx'];
  it.each<[string, string[]]>([
    ['nginx', library],
    ['nginx:1.25', library],
    ['library/nginx', library],
    ['docker.io/nginx', library],
    [`docker.io/library/nginx@sha256:${SHA256}`, library],
    ['index.docker.io/nginx', [...library, 'index.docker.io/nginx']],
    ['index.docker.io/library/nginx', [...library, 'index.docker.io/library/nginx']],
    ['org/api', ['docker.io/org/api', 'org/api']],
    ['docker.io/org/api:v1', ['docker.io/org/api', 'org/api']],
    ['index.docker.io/org/api', ['docker.io/org/api', 'org/api', 'index.docker.io/org/api']],
    ['library/a/b', ['docker.io/library/a/b', 'library/a/b']],
    ['quay.io/org/api', []],
    ['localhost/nginx', []],
    ['Docker.io/nginx', []],
  ])('%s', (text, expected) => {
    const ref = parsed(text);
    expect(dockerHubSpellings(ref)).toEqual(expected);
    expect(isDockerHub(ref)).toBe(expected.length > 0);
  });
});

describe('registryApiHost', () => {
  it.each<[string, string]>([
    ['docker.io', 'registry-1.docker.io'],
    ['index.docker.io', 'registry-1.docker.io'],
    ['quay.io', 'quay.io'],
    ['localhost:5000', 'localhost:5000'],
    ['registry-1.docker.io', 'registry-1.docker.io'],
  ])('%s', (domain, host) => {
    expect(registryApiHost(domain)).toBe(host);
  });
});

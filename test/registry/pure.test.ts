// Pure helpers of the transport, token broker, client and checker.
import { describe, expect, it } from 'vitest';
import { backoffMs, retryAfterMs } from '../../src/registry/backoff.js';
import type { ProbeResult } from '../../src/registry/client.js';
import { errorCode } from '../../src/registry/client.js';
import { DEFAULT_RETRY, describeNetworkError } from '../../src/registry/http.js';
import { sameSite } from '../../src/registry/realm-policy.js';
import { grantedScopes, parseTokenResponse } from '../../src/registry/tokens.js';
import { verdictOf } from '../../src/registry/verdict.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it.each([
    ['5', 5000],
    [' 0 ', 0],
    ['Wed, 01 Jan 2025 00:00:10 GMT', 10_000],
    ['Tue, 31 Dec 2024 00:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each([0, 1, 2, 3, 10])('attempt %i stays within [ceiling/2, ceiling] and under the cap', (attempt) => {
    const ceiling = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** attempt);
    expect(backoffMs(attempt, DEFAULT_RETRY, () => 0)).toBe(ceiling / 2);
    expect(backoffMs(attempt, DEFAULT_RETRY, () => 1)).toBe(ceiling);
  });
});

describe('describeNetworkError', () => {
  const error = (code: string): Error => Object.assign(new Error('x'), { code });
  it.each([
    ['ECONNREFUSED', 'connection refused to h:1', false],
    ['ECONNRESET', 'connection reset by h:1', true],
    ['UND_ERR_SOCKET', 'connection reset by h:1', true],
    ['UND_ERR_HEADERS_TIMEOUT', 'timed out waiting for h:1', true],
    ['ENOTFOUND', 'DNS lookup failed for h:1', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS error with h:1 (DEPTH_ZERO_SELF_SIGNED_CERT)', false],
  ])('%s', (code, message, retryable) => {
    expect(describeNetworkError(error(code), 'h:1')).toMatchObject({ message, retryable });
  });
});

describe('parseTokenResponse', () => {
  it.each([
    ['{"token":"a","expires_in":300}', { token: 'a', expiresInS: 300 }],
    ['{"access_token":"b"}', { token: 'b', expiresInS: 60 }],
    ['{"token":"","access_token":"c","expires_in":-1}', { token: 'c', expiresInS: 60 }],
    ['{"expires_in":300}', undefined],
    ['not json', undefined],
    ['null', undefined],
  ])('%s', (body, expected) => {
    expect(parseTokenResponse(body)).toEqual(expected);
  });
});

describe('grantedScopes', () => {
  const jwt = (claims: unknown): string =>
    `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
  it('reads pull grants from a JWT access claim; opaque tokens give undefined', () => {
    const token = jwt({
      access: [
        { type: 'repository', name: 'a/b', actions: ['pull'] },
        { type: 'repository', name: 'c', actions: ['push'] },
      ],
    });
    expect(grantedScopes(token)).toEqual(new Set(['repository:a/b:pull']));
    expect(grantedScopes('opaque')).toBeUndefined();
    expect(grantedScopes(jwt({ sub: 'x' }))).toBeUndefined();
  });
});

describe('errorCode', () => {
  it.each([
    ['{"errors":[{"code":"MANIFEST_UNKNOWN","message":"x"}]}', 'MANIFEST_UNKNOWN'],
    ['{"errors":[]}', undefined],
    ['{"errors":[{"code":"<script>"}]}', undefined],
    ['garbage', undefined],
  ])('%s', (body, code) => {
    expect(errorCode(body)).toBe(code);
  });
});

describe('verdictOf', () => {
  const found: ProbeResult = { kind: 'found' };
  const denied: ProbeResult = { kind: 'denied', reason: 'd' };
  const missing: ProbeResult = { kind: 'missing', reason: 'm' };
  const down: ProbeResult = { kind: 'failed', status: 'unreachable', reason: 'u' };
  const limited: ProbeResult = { kind: 'failed', status: 'rate-limited', reason: 'r' };
  it.each([
    [found, undefined, { status: 'public', credentials: 'not-checked' }],
    [denied, undefined, { status: 'private', credentials: 'none', reason: 'd' }],
    [missing, undefined, { status: 'not-found', credentials: 'none', reason: 'm' }],
    [down, undefined, { status: 'unreachable', credentials: 'none', reason: 'u' }],
    [limited, undefined, { status: 'rate-limited', credentials: 'none', reason: 'r' }],
    [denied, found, { status: 'private', credentials: 'ok', reason: 'd' }],
    [missing, found, { status: 'private', credentials: 'ok', reason: 'm' }],
    [limited, found, { status: 'rate-limited', credentials: 'ok', reason: 'r' }],
    [denied, missing, { status: 'not-found', credentials: 'ok', reason: 'm' }],
    [denied, denied, { status: 'private', credentials: 'rejected', reason: 'd' }],
    [denied, down, { status: 'unreachable', credentials: 'not-checked', reason: 'u' }],
  ] as const)('%j + %j', (anonymous, credentialed, expected) => {
    expect(verdictOf(anonymous, credentialed)).toEqual(expected);
  });
});

describe('sameSite: which token realms may receive a registry credential', () => {
  it.each([
    ['auth.docker.io', 'registry-1.docker.io', true],
    ['gitlab.com', 'registry.gitlab.com', true],
    ['quay.io', 'quay.io:443', true],
    ['127.0.0.1', '127.0.0.1:5000', true],
    ['127.0.0.2', '127.0.0.1:5000', false],
    ['[::1]', '[::1]:5000', true],
    ['auth.evil.example', 'registry.acme.example', false],
    ['evil.com', 'quay.io', false],
    ['localhost', 'registry', false],
    ['other.azurecr.io', 'acme.azurecr.io', false],
    ['acme.azurecr.io', 'acme.azurecr.io', true],
    ['auth.evil.co.uk', 'registry.acme.co.uk', false],
  ])('realm %s for registry %s → %s', (realm, registry, want) => {
    expect(sameSite(realm, registry)).toBe(want);
  });
});

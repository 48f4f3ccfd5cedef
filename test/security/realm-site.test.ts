// A hostile registry names the token realm its challenge points at. The credentialed pass sends a
// registry's Basic credential to that realm only when realm and registry are one site: sites come from
// the Public Suffix List (tldts), and registry platforms whose tenants share one domain count only
// exact hosts. `evil.jfrog.io` must never receive `acme.jfrog.io`'s credentials.
import { describe, expect, it } from 'vitest';
import { sameSite } from '../../src/registry/realm-policy.js';

describe('which realms may receive a registry credential', () => {
  it.each([
    // [realm host, registry host, may receive]
    ['evil.jfrog.io', 'acme.jfrog.io', false],
    ['acme.jfrog.io', 'acme.jfrog.io', true],
    ['evil.azurecr.io', 'acme.azurecr.io', false],
    ['attacker.github.io', 'acme.github.io', false], // PSL private section
    ['evil.herokuapp.com', 'acme.herokuapp.com', false],
    ['evil.co.uk', 'acme.co.uk', false], // PSL ICANN section
    ['auth.acme.co.uk', 'registry.acme.co.uk', true],
    ['evil.s3.amazonaws.com', '1.dkr.ecr.us-east-1.amazonaws.com', false],
    ['auth.docker.io', 'registry-1.docker.io', true],
    ['gitlab.com', 'registry.gitlab.com', true],
    ['evil.example', 'registry.example', false],
    ['127.0.0.2', '127.0.0.1:5000', false],
    ['localhost', 'localhost:5000', true],
  ])('%s ← credentials of %s: %s', (realm, registry, want) => {
    expect(sameSite(realm, registry)).toBe(want);
  });
});

import { describe, expect, it } from 'vitest';
import { parseRegistryAuth } from '../../src/registry/auth.js';

describe('registry-auth with Docker credential helpers', () => {
  it.each([
    [
      '{"auths":{"quay.io":{}},"credsStore":"desktop"}',
      /"credsStore" \(Docker credential helpers\) are not supported/,
    ],
    ['{"credHelpers":{"gcr.io":"gcloud"}}', /"credHelpers" \(Docker credential helpers\) are not supported/],
    ['{"auths":{},"credsStore":"osxkeychain","credHelpers":{"x.io":"y"}}', /"credsStore" and "credHelpers"/],
  ])('%s', (text, message) => {
    expect(() => parseRegistryAuth(text, 'creds.json')).toThrow(message);
    expect(() => parseRegistryAuth(text, 'creds.json')).toThrow(/^creds\.json: .*put "auths" entries/i);
  });

  it('accepts a config whose auths entries are complete despite a credsStore', () => {
    const auth = Buffer.from('u:p').toString('base64');
    const creds = parseRegistryAuth(`{"auths":{"quay.io":{"auth":"${auth}"}},"credsStore":"desktop"}`, 'c');
    expect(creds.get('quay.io')).toMatchObject({ username: 'u', password: 'p' });
  });
});

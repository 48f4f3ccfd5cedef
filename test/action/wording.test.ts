import { describe, expect, it } from 'vitest';
import { inputWording } from '../../src/action/wording.js';

describe('action messages name inputs, not CLI flags', () => {
  it.each([
    ['quay.io is listed with --private-registry', 'quay.io is listed with the private-registries input'],
    ['pass --registry-auth for it', 'pass the registry-auth input for it'],
    [
      '--public-registry and --insecure-registry',
      'the public-registries input and the insecure-registries input',
    ],
    ['--out must not overlap', 'the output-dir input must not overlap'],
    ['--outside stays', '--outside stays'],
  ])('%s', (cli, action) => {
    expect(inputWording(cli)).toBe(action);
  });
});

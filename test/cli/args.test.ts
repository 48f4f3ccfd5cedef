import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { UsageError } from '../../src/model.js';

describe('parseCliArgs', () => {
  it('applies the defaults of docs/interface.md', () => {
    expect(parseCliArgs(['scan', '--app-slug', 'acme'])).toMatchObject({
      command: 'scan',
      paths: ['manifests'],
      appSlug: 'acme',
      outDir: 'kots-proxy',
      offline: false,
      concurrency: 16,
      failOn: 'error',
      verbosity: 'normal',
      privateRegistries: [],
    });
  });

  it('reads every option', () => {
    const args = parseCliArgs([
      'scan',
      'a',
      'b/c.yaml',
      '--app-slug=my-app',
      '--out',
      'gen',
      '--report',
      '-',
      '--proxy-domain',
      'proxy.acme.com',
      '--registry-domain',
      'registry.acme.com',
      '--private-registry',
      'quay.io',
      '--private-registry',
      '127.0.0.1:5000',
      '--public-registry',
      'docker.io',
      '--insecure-registry',
      '[::1]:5000',
      '--registry-auth',
      'auth.json',
      '--offline',
      '--concurrency',
      '4',
      '--fail-on',
      'warning',
      '--verbose',
    ]);
    expect(args).toMatchObject({
      paths: ['a', 'b/c.yaml'],
      appSlug: 'my-app',
      outDir: 'gen',
      report: '-',
      proxyDomain: 'proxy.acme.com',
      registryDomain: 'registry.acme.com',
      privateRegistries: ['quay.io', '127.0.0.1:5000'],
      publicRegistries: ['docker.io'],
      insecureRegistries: ['[::1]:5000'],
      registryAuth: 'auth.json',
      offline: true,
      concurrency: 4,
      failOn: 'warning',
      verbosity: 'verbose',
    });
  });

  it.each([
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['--version'], 'version'],
  ])('%j is %s', (argv, command) => {
    expect(parseCliArgs(argv).command).toBe(command);
  });

  it.each([
    [[], /missing command/],
    [['lint', '--app-slug', 'a'], /unknown command "lint"/],
    [['scan'], /--app-slug is required/],
    [['scan', '--app-slug', 'Acme'], /--app-slug "Acme" must be lowercase/],
    [['scan', '--app-slug', 'a', '--bogus'], /Unknown option '--bogus'/],
    [['scan', '--app-slug', 'a', '--fail-on', 'sometimes'], /--fail-on must be one of error, warning, never/],
    [['scan', '--app-slug', 'a', '--concurrency', '0'], /--concurrency must be a whole number/],
    [['scan', '--app-slug', 'a', '--concurrency', 'x'], /--concurrency must be a whole number/],
    [['scan', '--app-slug', 'a', '--concurrency', '0x10'], /--concurrency must be a whole number/],
    [['scan', '--app-slug', 'a', '--concurrency', '1e1'], /--concurrency must be a whole number/],
    [
      ['scan', '--app-slug', 'a', '--private-registry', 'https://quay.io'],
      /--private-registry "https:\/\/quay.io"/,
    ],
    [['scan', '--app-slug', 'a', '--quiet', '--verbose'], /exclude each other/],
    [['scan', '--app-slug', 'a', '--out', ''], /--out must not be empty/],
  ])('%j is refused with a message naming the option', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

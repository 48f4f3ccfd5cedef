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
      concurrency: 64,
      perRegistryConcurrency: 16,
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
    [['scan', '--app-slug', 'a', '--concurrency', ''], /--concurrency must be a whole number/],
    [
      ['scan', '--app-slug', 'a', '--concurrency', '257'],
      /--concurrency must be a whole number from 1 to 256/,
    ],
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

describe('--concurrency and --concurrency-per-registry', () => {
  const scan = (...extra: string[]) => parseCliArgs(['scan', '--app-slug', 'a', ...extra]);

  it.each([
    [[], 64, 16],
    [['--concurrency', '64'], 64, 16],
    // The per-registry default never exceeds the global cap.
    [['--concurrency', '4'], 4, 4],
    [['--concurrency', '1'], 1, 1],
    [['--concurrency-per-registry', '2'], 64, 2],
    [['--concurrency-per-registry', '16'], 64, 16],
    [['--concurrency-per-registry', '64'], 64, 64],
    [['--concurrency', '64', '--concurrency-per-registry', '32'], 64, 32],
    [['--concurrency-per-registry=8', '--concurrency=8'], 8, 8],
    [['--concurrency', '256', '--concurrency-per-registry', '256'], 256, 256],
  ])('%j: %i in total, %i per registry', (extra, concurrency, perRegistryConcurrency) => {
    expect(scan(...extra)).toMatchObject({ concurrency, perRegistryConcurrency });
  });

  it.each([
    [
      ['--concurrency-per-registry', '0'],
      '--concurrency-per-registry must be a whole number from 1 to 256, got "0"',
    ],
    [
      ['--concurrency-per-registry=-1'],
      '--concurrency-per-registry must be a whole number from 1 to 256, got "-1"',
    ],
    [
      ['--concurrency-per-registry', '2.5'],
      '--concurrency-per-registry must be a whole number from 1 to 256, got "2.5"',
    ],
    [
      ['--concurrency-per-registry', 'x'],
      '--concurrency-per-registry must be a whole number from 1 to 256, got "x"',
    ],
    [
      ['--concurrency-per-registry', ''],
      '--concurrency-per-registry must be a whole number from 1 to 256, got ""',
    ],
    [
      ['--concurrency-per-registry', '257'],
      '--concurrency-per-registry must be a whole number from 1 to 256, got "257"',
    ],
    [
      ['--concurrency-per-registry', '65'],
      '--concurrency-per-registry 65 is above --concurrency (64, its default)',
    ],
    [
      ['--concurrency', '4', '--concurrency-per-registry', '5'],
      '--concurrency-per-registry 5 is above --concurrency (4):',
    ],
    // The global value is checked first, whatever the order on the command line.
    [['--concurrency-per-registry', '4', '--concurrency', '0'], '--concurrency must be a whole number'],
  ])('%j is refused', (extra, message) => {
    expect(() => scan(...extra)).toThrow(UsageError);
    expect(() => scan(...extra)).toThrow(message);
  });
});

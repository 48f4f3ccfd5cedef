// parseInputs: defaults, .replicated defaults, and errors that name the input. The real getInputs
// path (INPUT_* variables, masking order) is covered end to end in e2e.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_COMMIT_MESSAGE, parseInputs } from '../../src/action/inputs.js';
import { globToPath, parseReplicatedConfig } from '../../src/action/replicated.js';
import { UsageError } from '../../src/model.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_REGISTRY_CONCURRENCY } from '../../src/options.js';

function parse(values: Record<string, string>, config?: string) {
  const masked: string[] = [];
  const inputs = parseInputs(
    (name) => values[name] ?? '',
    (s) => masked.push(s),
    () => (config === undefined ? undefined : parseReplicatedConfig(config, '.replicated')),
  );
  return { inputs, masked };
}

describe('parseInputs', () => {
  it('works with only app-slug set', () => {
    const { inputs } = parse({ 'app-slug': 'acme' });
    expect(inputs).toMatchObject({
      appSlug: 'acme',
      manifests: ['manifests'],
      outputDir: 'kots-proxy',
      annotate: 'changed',
      commit: 'on-success',
      commitMessage: DEFAULT_COMMIT_MESSAGE,
      failOn: 'error',
      privateRegistries: [],
    });
    expect(inputs.proxyDomain).toBeUndefined();
    expect(inputs.credentials.size).toBe(0);
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, 'input fail-on must be one of error, warning, never (got "sometimes")'],
    [{ annotate: 'some' }, 'input annotate must be one of changed, changed-lines, all, none'],
    [{ commit: 'yes' }, 'input commit must be on-success, always or never'],
    [{ 'output-dir': '../out' }, 'input output-dir "../out" must be a directory inside the workspace'],
    [{ 'output-dir': '/abs' }, 'input output-dir "/abs" must be a directory inside the workspace'],
    [
      { 'proxy-domain': 'https://proxy.example.com' },
      'input proxy-domain "https://proxy.example.com" is not a HOST',
    ],
    [{ 'private-registries': 'quay.io, bad host' }, 'input private-registries "bad host" is not a HOST'],
    [{ 'app-slug': 'Acme' }, 'input app-slug "Acme" must be lowercase letters, digits and dashes'],
    [{ 'registry-auth': '{"auths": ' }, 'input registry-auth: invalid JSON at line 1'],
  ])('rejects %j', (values, message) => {
    expect(() => parse({ 'app-slug': 'acme', ...values })).toThrow(message);
  });

  it('requires app-slug when no .replicated file names one', () => {
    expect(() => parse({})).toThrow('input app-slug is required (or set appSlug in a .replicated file');
  });

  it('takes appSlug and manifests globs from .replicated; inputs win', () => {
    const config = 'appSlug: from-file\nmanifests:\n  - ./manifests/*.yaml\n  - ./extra/**/*.yml\n';
    expect(parse({}, config).inputs).toMatchObject({
      appSlug: 'from-file',
      manifests: ['manifests', 'extra'],
      configFile: '.replicated',
    });
    // action.yml's default for manifests is `manifests`: the file still wins over that default.
    expect(parse({ manifests: 'manifests' }, config).inputs.manifests).toEqual(['manifests', 'extra']);
    expect(parse({ 'app-slug': 'input', manifests: 'a\nb\n' }, config).inputs).toMatchObject({
      appSlug: 'input',
      manifests: ['a', 'b'],
    });
  });

  it.each([
    [{}, 64, 16],
    [{ concurrency: '16', 'concurrency-per-registry': '' }, 16, 16],
    [{ concurrency: '64' }, 64, 16],
    [{ concurrency: '4' }, 4, 4],
    [{ 'concurrency-per-registry': '2' }, 64, 2],
    [{ concurrency: '64', 'concurrency-per-registry': '64' }, 64, 64],
  ])('concurrency inputs %j: %i in total, %i per registry', (values, concurrency, perRegistryConcurrency) => {
    expect(parse({ 'app-slug': 'a', ...values }).inputs).toMatchObject({
      concurrency,
      perRegistryConcurrency,
    });
  });

  it.each([
    [{ concurrency: '0' }, 'input concurrency must be a whole number from 1 to 256, got "0"'],
    [{ concurrency: '300' }, 'input concurrency must be a whole number from 1 to 256, got "300"'],
    [{ concurrency: 'many' }, 'input concurrency must be a whole number from 1 to 256, got "many"'],
    [
      { 'concurrency-per-registry': '0' },
      'input concurrency-per-registry must be a whole number from 1 to 256, got "0"',
    ],
    [
      { 'concurrency-per-registry': '1.5' },
      'input concurrency-per-registry must be a whole number from 1 to 256, got "1.5"',
    ],
    [
      { 'concurrency-per-registry': '1000' },
      'input concurrency-per-registry must be a whole number from 1 to 256, got "1000"',
    ],
    [
      { concurrency: '16', 'concurrency-per-registry': '32' },
      'input concurrency-per-registry 32 is above input concurrency (16):',
    ],
    [
      { 'concurrency-per-registry': '65' },
      'input concurrency-per-registry 65 is above input concurrency (64, its default):',
    ],
  ])('rejects concurrency inputs %j', (values, message) => {
    expect(() => parse({ 'app-slug': 'a', ...values })).toThrow(UsageError);
    expect(() => parse({ 'app-slug': 'a', ...values })).toThrow(message);
  });

  it("action.yml's defaults for the concurrency inputs are the options core's", () => {
    const action = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const defaults = (name: string) => action.inputs[name]?.default ?? '';
    expect(action.inputs.concurrency).toBeDefined();
    expect(action.inputs['concurrency-per-registry']).toBeDefined();
    const { inputs } = parse({
      'app-slug': 'a',
      concurrency: defaults('concurrency'),
      'concurrency-per-registry': defaults('concurrency-per-registry'),
    });
    expect(inputs.concurrency).toBe(DEFAULT_CONCURRENCY);
    expect(inputs.perRegistryConcurrency).toBe(
      Math.min(DEFAULT_PER_REGISTRY_CONCURRENCY, DEFAULT_CONCURRENCY),
    );
  });

  it('splits host lists on newlines and commas', () => {
    const { inputs } = parse({
      'app-slug': 'a',
      'public-registries': 'docker.io,\nghcr.io\n\n127.0.0.1:5000',
    });
    expect(inputs.publicRegistries).toEqual(['docker.io', 'ghcr.io', '127.0.0.1:5000']);
  });

  it('masks the registry-auth input, its lines and every derived secret, and the token', () => {
    const auth = Buffer.from('robot:s3cr3t-pass').toString('base64');
    const raw = `{\n  "auths": {\n    "quay.io": {"auth": "${auth}"}\n  }\n}`;
    const { inputs, masked } = parse({ 'app-slug': 'a', 'registry-auth': raw, token: 'ghs_token' });
    expect(masked[0]).toBe(raw);
    expect(masked).toEqual(expect.arrayContaining(['s3cr3t-pass', auth, 'ghs_token']));
    expect(inputs.credentials.get('quay.io')).toMatchObject({ username: 'robot', password: 's3cr3t-pass' });
  });

  it('masks registry-auth before it fails to parse it', () => {
    const masked: string[] = [];
    const raw = '{"auths": {"quay.io": {"auth": "not base64 !!"}}}';
    expect(() =>
      parseInputs(
        (n) => (n === 'registry-auth' ? raw : 'acme'),
        (s) => masked.push(s),
        () => undefined,
      ),
    ).toThrow('input registry-auth');
    expect(masked).toContain(raw);
  });
});

describe('globToPath', () => {
  it.each([
    ['./manifests/*.yaml', 'manifests'],
    ['manifests/**/*.yml', 'manifests'],
    ['./release/app.yaml', 'release/app.yaml'],
    ['*.yaml', '.'],
    ['./a/b/{x,y}.yaml', 'a/b'],
  ])('%s → %s', (glob, path) => {
    expect(globToPath(glob)).toBe(path);
  });
});

describe('.replicated charts', () => {
  it('passes the entries, with their version overrides, to the run', () => {
    const config =
      'appSlug: a\ncharts:\n  - path: ./charts/*\n    chartVersion: 1.2.3\n    appVersion: 2\n  - {path: web}\n';
    expect(parse({}, config).inputs.charts).toEqual([
      { path: './charts/*', chartVersion: '1.2.3', appVersion: '2' },
      { path: 'web' },
    ]);
    expect(parse({}, 'appSlug: a\n').inputs.charts).toBeUndefined();
  });

  it.each([
    ['charts: ./charts', '.replicated: charts must be a list of {path, chartVersion, appVersion}'],
    ['charts: [./charts]', '.replicated: charts[0] must be a mapping with a path'],
    ['charts: [{chartVersion: 1.0.0}]', '.replicated: charts[0].path must be a non-empty string'],
    ['charts: [{path: a, appVersion: [1]}]', '.replicated: charts[0].appVersion must be a string'],
  ])('%s → %s', (charts, message) => {
    expect(() => parse({}, `appSlug: a\n${charts}\n`)).toThrow(message);
  });
});

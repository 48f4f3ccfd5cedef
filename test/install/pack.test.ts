// The npm package as a user gets it: `npm pack`, then a global install of the tarball into a temp
// prefix with --offline (the bundle is self-contained: no dependency may need the network), then the
// installed `kots-proxy` runs --version and scans the example release. Uses the committed dist/.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
};

describe('npm pack + global install', () => {
  it('installs offline into a temp prefix and the kots-proxy command works', {
    timeout: 240_000,
  }, async () => {
    expect(pkg.dependencies ?? {}, 'the bundle is self-contained: no runtime dependencies').toEqual({});
    const dir = tempDir();
    const env = { ...process.env, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' };
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, env });
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    // The CLI imports the pipeline and the registry client from chunk files beside dist/cli.js.
    const chunk = /^dist\/\d+\.index\.js$/;
    const all = info!.files.map((f) => f.path);
    expect(all.filter((n) => chunk.test(n)).length, 'the lazily imported chunks ship').toBeGreaterThan(0);
    const names = all.filter((n) => !chunk.test(n)).sort();
    expect(names).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'action.yml',
        'dist/cli.js',
        'dist/index.js',
        'dist/package.json',
        'package.json',
      ].sort(),
    );

    const prefix = join(dir, 'prefix');
    await run(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--offline',
        '--no-audit',
        '--no-fund',
        join(dir, info!.filename),
      ],
      { env },
    );
    const bin = join(prefix, 'bin', 'kots-proxy');
    expect(existsSync(bin)).toBe(true);
    const version = await run(bin, ['--version'], { env });
    expect(version.stdout.trim()).toBe(pkg.version);

    const work = tempDir();
    cpSync(join(ROOT, 'examples', 'release'), join(work, 'manifests'), { recursive: true });
    const lists = [
      '--private-registry',
      'quay.io',
      '--private-registry',
      'registry.acme.example:5000',
      '--public-registry',
      'docker.io',
    ];
    const scan = await run(
      bin,
      ['scan', 'manifests', '--app-slug', 'acme', '--offline', ...lists, '--report', '-'],
      { cwd: work, env },
    );
    const report = JSON.parse(scan.stdout) as { appSlug: string; generated: string[] };
    expect(report.appSlug).toBe('acme');
    expect(report.generated).toContain('kots-proxy/kustomization.yaml');
    expect(readFileSync(join(work, 'kots-proxy', 'kustomization.yaml'), 'utf8')).toContain(
      'proxy.replicated.com/proxy/acme/quay.io/acme-corp/api',
    );
  });
});

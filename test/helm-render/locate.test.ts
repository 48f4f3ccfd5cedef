// locateHelm and runBounded without the real Helm: stand-in executables that print a version, fail,
// or are absent. The real binaries are covered in render.test.ts.
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HelmError, helmVersion, isHelmError, locateHelm, parseHelmMajor } from '../../src/helm/index.js';
import { runBounded } from '../../src/helm/run.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { pathWithTools, requireHelm } from './helm-bins.js';

const root = tempDir('kots-proxy-helm-locate-');
function fakeHelm(dir: string, script: string): string {
  writeTree(join(root, dir), { helm: `#!/bin/sh\n${script}\n` });
  const p = join(root, dir, 'helm');
  chmodSync(p, 0o755);
  return p;
}

describe('parseHelmMajor', () => {
  it.each([
    ['v3.21.2', 3],
    ['v4.1.4', 4],
    ['v4.1', 4],
    ['3.14.0+g1234', 3],
    ['v2.17.0', null],
    ['v5.0.0', null],
    ['', null],
  ])('%j → %j', (v, want) => {
    expect(parseHelmMajor(v)).toBe(want);
  });
});

describe('locateHelm', () => {
  const v4 = fakeHelm('v4', 'printf v4.1.4');
  const v2 = fakeHelm('v2', 'printf v2.17.0');
  const broken = fakeHelm('broken', 'echo "Error: boom" >&2; exit 3');

  it('takes an explicit path first', async () => {
    expect(await locateHelm({ helmPath: v4, pathEnv: '' })).toEqual({
      path: v4,
      version: 'v4.1.4',
      major: 4,
    });
  });
  it('resolves a relative explicit path against cwd', async () => {
    expect((await locateHelm({ helmPath: 'v4/helm', cwd: root }))?.version).toBe('v4.1.4');
  });
  it('searches PATH in order', async () => {
    const found = await locateHelm({
      pathEnv: [join(root, 'nowhere'), join(root, 'v4'), join(root, 'v2')].join(':'),
    });
    expect(found?.path).toBe(v4);
  });
  it('finds the project-installed Helm 4 on a PATH with .tools/bin first', async () => {
    const want = requireHelm(4);
    expect(await locateHelm({ pathEnv: pathWithTools('/usr/bin:/bin') })).toEqual({
      path: want.path,
      version: want.version,
      major: 4,
    });
  });
  it('returns null when PATH has no helm, so the caller keeps its approximation', async () => {
    expect(await locateHelm({ pathEnv: join(root, 'nowhere') })).toBeNull();
  });
  it('fails on an explicit path that is not there, naming the option', async () => {
    await expect(locateHelm({ helmPath: join(root, 'none', 'helm') })).rejects.toThrow('--helm');
  });
  it('refuses Helm 2', async () => {
    const err = await helmVersion(v2).catch((e: unknown) => e);
    expect(isHelmError(err, 'helm-unsupported-version')).toBe(true);
  });
  it('reports a helm that fails to print its version', async () => {
    const err = await helmVersion(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HelmError);
    expect((err as HelmError).message).toContain('boom');
  });
});

describe('runBounded', () => {
  it('reports a program that cannot start', async () => {
    const r = await runBounded(join(root, 'missing-program'), [], {
      env: {},
      timeoutMs: 10_000,
      maxOutputBytes: 10,
    });
    expect(r.spawnError?.code).toBe('ENOENT');
  });
  it('passes arguments without a shell', async () => {
    const r = await runBounded('/bin/echo', ['$HOME', '`id`', "a'b"], {
      env: {},
      timeoutMs: 10_000,
      maxOutputBytes: 1000,
    });
    expect(r.stdout).toBe("$HOME `id` a'b\n");
  });
  it('keeps at most maxOutputBytes and stops the program', async () => {
    const r = await runBounded('/bin/sh', ['-c', 'yes'], {
      env: {},
      timeoutMs: 60_000,
      maxOutputBytes: 5000,
    });
    expect(r.stopped).toBe('output-too-large');
    expect(r.stdout.length).toBe(5000);
  });
  it('kills the whole process group on timeout', async () => {
    const r = await runBounded('/bin/sh', ['-c', 'sleep 297.25 & sleep 297.25; echo never'], {
      env: {},
      timeoutMs: 500,
      maxOutputBytes: 1000,
    });
    expect(r.stopped).toBe('timeout');
    expect(r.stdout).toBe('');
    // The background child went with the group.
    const left = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('297.25');
        } catch {
          return false;
        }
      });
    expect(left).toEqual([]);
  });
});

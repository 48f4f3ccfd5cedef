// Finds the helm binary to render with: the `--helm PATH` option (CLI) or `helm` input (action) when
// given, else `helm` on PATH; and checks that it is Helm 3.x or 4.x, which both render KOTS charts
// the way pkg/base/helm_v4.go does (Helm 4's client-only dry run is Helm 3's DryRun+ClientOnly).

import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { HelmError } from './errors.js';
import { runBounded } from './run.js';

export interface HelmBinary {
  /** Absolute path of the binary. */
  path: string;
  /** As Helm prints it, e.g. `v4.1.4`. */
  version: string;
  major: 3 | 4;
}

export interface LocateHelmOptions {
  /** An explicit path (`--helm PATH`); when set, PATH is not searched. */
  helmPath?: string;
  /** The PATH to search; defaults to process.env.PATH. */
  pathEnv?: string;
  /** The directory a relative helmPath is resolved against; defaults to process.cwd(). */
  cwd?: string;
}

/** The helm binary to use, or null when there is none (the caller keeps its approximation).
 *  An explicit helmPath that does not run, or any helm of another major version, is an error. */
export async function locateHelm(opts: LocateHelmOptions = {}): Promise<HelmBinary | null> {
  if (opts.helmPath !== undefined && opts.helmPath !== '') {
    const path = isAbsolute(opts.helmPath)
      ? opts.helmPath
      : resolve(opts.cwd ?? process.cwd(), opts.helmPath);
    if (!(await isExecutable(path))) {
      throw new HelmError('helm-not-found', `--helm ${opts.helmPath}: no executable file at ${path}`);
    }
    return helmVersion(path);
  }
  const found = await findOnPath('helm', opts.pathEnv ?? process.env.PATH ?? '');
  return found === null ? null : helmVersion(found);
}

/** Runs `helm version` on `path` and checks the major version. */
export async function helmVersion(path: string): Promise<HelmBinary> {
  // `--template '{{.Version}}'` prints the bare version on both Helm 3 and Helm 4.
  const r = await runBounded(path, ['version', '--template', '{{.Version}}'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/' },
    timeoutMs: 30_000,
    maxOutputBytes: 4096,
  });
  if (r.spawnError !== null || r.exitCode !== 0) {
    const why = r.spawnError?.message ?? (r.stderr.trim() || `exit ${String(r.exitCode ?? r.signal)}`);
    throw new HelmError('helm-not-found', `${path}: 'helm version' failed: ${why}`, r.stderr.trim());
  }
  const version = r.stdout.trim();
  const major = parseHelmMajor(version);
  if (major === null) {
    throw new HelmError(
      'helm-unsupported-version',
      `${path}: Helm ${version || '(no version)'} is not supported: use Helm 3.x or 4.x`,
    );
  }
  return { path, version, major };
}

/** 3 or 4 from a version such as `v3.21.2` or `v4.1.4+g1234`, else null. */
export function parseHelmMajor(version: string): 3 | 4 | null {
  const m = /^v?(\d+)\.\d+/.exec(version);
  if (m?.[1] === '3') return 3;
  if (m?.[1] === '4') return 4;
  return null;
}

async function findOnPath(name: string, pathEnv: string): Promise<string | null> {
  for (const dir of pathEnv.split(delimiter)) {
    if (dir === '') continue;
    const candidate = resolve(join(dir, name));
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

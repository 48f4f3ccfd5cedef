// The real Helm binaries the tests render with: .tools/bin/helm (Helm 4) and .tools/bin/helm3,
// pinned in scripts/setup-tools.sh. When one is missing or at another version the project's own
// install runs; when that cannot provide it the test fails with the reason (never a silent skip).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const script = join(root, 'scripts', 'setup-tools.sh');

function pinned(name: 'HELM4_VERSION' | 'HELM3_VERSION'): string {
  const m = new RegExp(`^${name}=(\\S+)$`, 'm').exec(readFileSync(script, 'utf8'));
  if (m?.[1] === undefined) throw new Error(`${script} pins no ${name}`);
  return m[1];
}

function versionOf(path: string): string {
  if (!existsSync(path)) return '';
  try {
    return execFileSync(path, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export interface TestHelm {
  path: string;
  version: string;
  major: 3 | 4;
}

/** The pinned Helm of that major version, installed by scripts/setup-tools.sh when needed. */
export function requireHelm(major: 3 | 4): TestHelm {
  const path = join(root, '.tools', 'bin', major === 4 ? 'helm' : 'helm3');
  const want = pinned(major === 4 ? 'HELM4_VERSION' : 'HELM3_VERSION');
  if (versionOf(path) !== want) {
    try {
      execFileSync('sh', [script], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30 * 60_000 });
    } catch (e: unknown) {
      throw new Error(`Helm ${want} is missing and 'sh scripts/setup-tools.sh' failed: ${String(e)}`);
    }
  }
  const got = versionOf(path);
  if (got !== want) {
    throw new Error(
      `Helm ${want} is needed at ${path} (found '${got}'): run 'sh scripts/setup-tools.sh' (needs go)`,
    );
  }
  return { path, version: got, major };
}

/** Images of containers and initContainers in rendered objects, with their location: a small walk
 *  for the tests; the scanner's PodSpec rules are the product's. */
export function containerImages(
  objects: readonly unknown[],
): Array<{ index: number; path: Array<string | number>; image: string }> {
  const out: Array<{ index: number; path: Array<string | number>; image: string }> = [];
  const walk = (v: unknown, index: number, path: Array<string | number>): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, index, [...path, i]);
      });
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'containers' || k === 'initContainers') && Array.isArray(x)) {
        x.forEach((c: unknown, i) => {
          const image =
            typeof c === 'object' && c !== null ? (c as Record<string, unknown>).image : undefined;
          if (typeof image === 'string') out.push({ index, path: [...path, k, i, 'image'], image });
        });
      } else walk(x, index, [...path, k]);
    }
  };
  objects.forEach((o, i) => {
    walk(o, i, []);
  });
  return out;
}

/** PATH with the project's .tools/bin first, for tests that look `helm` up on PATH (locateHelm()). */
export function pathWithTools(pathEnv = process.env.PATH ?? ''): string {
  return [join(root, '.tools', 'bin'), pathEnv].filter((p) => p !== '').join(':');
}

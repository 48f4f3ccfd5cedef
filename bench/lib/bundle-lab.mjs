// Node 20 cannot run TypeScript, so the registry benchmarks bundle bench/lib/registry-lab.ts (the
// test lab + the checker) with ncc into a directory of their own and import it from there.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '..', '..');

/** Bundles the lab into `outDir` and returns { path, module }. */
export async function bundleLab(outDir) {
  execFileSync(
    join(root, 'node_modules', '.bin', 'ncc'),
    [
      'build',
      join(root, 'bench/lib/registry-lab.ts'),
      '-o',
      outDir,
      '--quiet',
      '--transpile-only',
      '--target',
      'es2022',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const path = join(outDir, 'index.js');
  return { path, module: await import(pathToFileURL(path).href) };
}

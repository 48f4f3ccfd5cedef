// Builds the two self-contained ESM bundles that ship in dist/: the action (index.js) and the CLI
// (cli.js). ncc writes into a temp dir first so a failed build never leaves a half-written dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = [
  ['src/index.ts', 'index.js'],
  ['src/cli.ts', 'cli.js'],
];
const ncc = join('node_modules', '.bin', 'ncc');
const staging = mkdtempSync(join(tmpdir(), 'kots-proxy-bundle-'));
try {
  for (const [src, out] of entries) {
    const dir = join(staging, out);
    execFileSync(ncc, ['build', src, '-o', dir, '--minify', '--no-source-map-register', '--quiet', '--target', 'es2022'], {
      stdio: 'inherit',
    });
    copyFileSync(join(dir, 'index.js'), join(staging, `${out}.bundled`));
  }
  mkdirSync('dist', { recursive: true });
  for (const [, out] of entries) {
    let code = readFileSync(join(staging, `${out}.bundled`), 'utf8');
    if (out === 'cli.js' && !code.startsWith('#!')) code = `#!/usr/bin/env node\n${code}`;
    writeFileSync(join('dist', out), code);
  }
  chmodSync(join('dist', 'cli.js'), 0o755);
  writeFileSync(join('dist', 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

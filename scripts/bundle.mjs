// Builds the two self-contained ESM bundles that ship in dist/: the action (index.js) and the CLI
// (cli.js). tsc compiles src/ to .build/ first (ncc's own TypeScript path type-checks again and is
// several times slower); ncc then bundles the JavaScript into a temp dir, so a failed build never
// leaves a half-written dist/.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = [
  ['.build/index.js', 'index.js'],
  ['.build/cli.js', 'cli.js'],
];
const ncc = join('node_modules', '.bin', 'ncc');
rmSync('.build', { recursive: true, force: true });
execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The CLI's --version is package.json's, written into the compiled entry so it cannot drift.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const cliEntry = readFileSync('.build/cli.js', 'utf8');
if (!cliEntry.includes("'0.0.0-source'")) throw new Error('.build/cli.js: version placeholder not found');
writeFileSync('.build/cli.js', cliEntry.replace("'0.0.0-source'", JSON.stringify(version)));
const staging = mkdtempSync(join(tmpdir(), 'kots-proxy-bundle-'));
try {
  for (const [src, out] of entries) {
    const dir = join(staging, out);
    execFileSync(
      ncc,
      ['build', src, '-o', dir, '--no-source-map-register', '--quiet', '--target', 'es2022'],
      {
        stdio: 'inherit',
      },
    );
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
  rmSync('.build', { recursive: true, force: true });
}

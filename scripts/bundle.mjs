// Builds the two self-contained ESM bundles that ship in dist/: the action (index.js) and the CLI
// (cli.js). tsc compiles src/ to .build/ first (ncc's own TypeScript path type-checks again and is
// several times slower); ncc then bundles the JavaScript into a temp dir, so a failed build never
// leaves a half-written dist/. `node scripts/bundle.mjs DIR` writes to DIR instead of dist/ (for
// measurements and tests that must not touch the committed bundle). Each bundle then gets the
// rewrites of scripts/bundle-transform.mjs. Modules an entry imports dynamically (the CLI's pipeline
// and registry client) become chunk files (`<id>.index.js`) beside it, loaded only when imported;
// they ship in dist/ with the entries.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertNoYamlDebugEnv,
  assertYamlNodeTypeAssigned,
  assignYamlNodeType,
  stripYamlDebugEnv,
} from './bundle-transform.mjs';

const entries = [
  ['.build/index.js', 'index.js'],
  ['.build/cli.js', 'cli.js'],
];
const ncc = join('node_modules', '.bin', 'ncc');
const outDir = process.argv[2] ?? 'dist';
const CHUNK = /^\d+\.index\.js$/;
rmSync('.build', { recursive: true, force: true });
execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
// The version (the CLI's --version, the SARIF tool version) is package.json's, written into the
// compiled src/version.ts that both entries import, so it cannot drift.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const versionModule = readFileSync('.build/version.js', 'utf8');
if (!versionModule.includes("'0.0.0-source'"))
  throw new Error('.build/version.js: version placeholder not found');
writeFileSync('.build/version.js', versionModule.replace("'0.0.0-source'", JSON.stringify(version)));
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
  // Every output is prepared (and checked) before anything in the output directory changes.
  const files = new Map();
  const add = (name, text, owner) => {
    if (files.has(name)) throw new Error(`${name} of ${owner} collides with another bundle's file`);
    const { code } = assignYamlNodeType(stripYamlDebugEnv(text).code);
    assertNoYamlDebugEnv(code, name);
    assertYamlNodeTypeAssigned(code, name);
    files.set(name, name === 'cli.js' && !code.startsWith('#!') ? `#!/usr/bin/env node\n${code}` : code);
  };
  for (const [, out] of entries) {
    add(out, readFileSync(join(staging, `${out}.bundled`), 'utf8'), out);
    for (const name of readdirSync(join(staging, out))) {
      if (name === 'index.js' || name === 'package.json') continue;
      if (!CHUNK.test(name)) throw new Error(`ncc wrote an unexpected file for ${out}: ${name}`);
      add(name, readFileSync(join(staging, out, name), 'utf8'), out);
    }
  }
  mkdirSync(outDir, { recursive: true });
  // Chunks of an earlier build would linger.
  for (const name of readdirSync(outDir)) if (CHUNK.test(name)) rmSync(join(outDir, name));
  for (const [name, code] of files) writeFileSync(join(outDir, name), code);
  chmodSync(join(outDir, 'cli.js'), 0o755);
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync('.build', { recursive: true, force: true });
}

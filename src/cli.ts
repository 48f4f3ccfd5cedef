// CLI entry (dist/cli.js, `kots-proxy` in package.json bin): the same pipeline as the action, minus GitHub.
import { main } from './cli/main.js';

/** scripts/bundle.mjs writes package.json's version here; run from source, the CLI says so. */
const VERSION = '0.0.0-source';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: VERSION,
});

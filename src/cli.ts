// CLI entry (dist/cli.js, `kots-proxy` in package.json bin): the same pipeline as the action, minus GitHub.
import { main } from './cli/main.js';
import { VERSION } from './version.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: VERSION,
});

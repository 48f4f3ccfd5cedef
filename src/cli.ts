// CLI entry (dist/cli.js, `kots-proxy` in package.json bin): the same pipeline as the action, minus GitHub.
import { main } from './cli/main.js';
import { VERSION } from './version.js';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: VERSION,
  // A terminal's width; 80 when stderr is a file or a pipe (CI logs), so lines stay readable there too.
  columns: process.stderr.isTTY && process.stderr.columns ? process.stderr.columns : 80,
});

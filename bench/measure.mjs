// Runs a module in this process and reports its wall time and peak RSS on fd 3, so the benchmark
// measures the CLI bundle and the baseline parser the same way. Usage: node measure.mjs MODULE [ARGS…]
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [, , module, ...args] = process.argv;
process.argv = [process.argv[0], resolve(module), ...args];
const start = process.hrtime.bigint();
process.on('exit', (code) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  writeSync(3, JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, code }));
});
await import(pathToFileURL(resolve(module)).href);

// Start-up benchmark: process wall time of the bundled CLI's cheapest commands next to `node -e 0`
// (the floor every Node program pays), interleaved so that a burst of load from elsewhere falls on
// all of them alike. `--version` and `--help` load neither undici nor the GitHub modules (a test
// checks that); `scan --offline` on the bundled example release shows what a real run adds.
// Target: `--version` within 0.05 s of `node -e 0`. Usage: node bench/startup.mjs [--runs 31]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = resolve(import.meta.dirname, '..');
const TARGET_DELTA_MS = 50;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timed(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - started;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(-500)}`);
  }
  return ms;
}

async function main(args = process.argv.slice(2)) {
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 31;
  const out = mkdtempSync(join(tmpdir(), 'kots-proxy-startup-'));
  const cli = join(repo, 'dist', 'cli.js');
  const clients = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
    { name: 'cli.js --version', args: [cli, '--version'] },
    { name: 'cli.js --help', args: [cli, '--help'] },
    {
      name: 'cli.js scan --offline examples/release',
      args: [cli, 'scan', 'examples/release', '--app-slug', 'acme', '--offline', '--quiet'].concat([
        '--fail-on',
        'never',
        '--out',
        join(out, 'out'),
        '--report',
        join(out, 'report.json'),
      ]),
    },
  ];
  try {
    const samples = clients.map(() => []);
    for (const client of clients) timed(client.args); // warm the file cache once
    for (let i = 0; i < runs; i++) {
      for (const [k, client] of clients.entries()) samples[k].push(timed(client.args));
    }
    const base = median(samples[0]);
    console.log(`\nstart-up, median of ${runs} interleaved runs (process wall time)`);
    clients.forEach((client, k) => {
      const ms = median(samples[k]);
      const delta = ms - base;
      const target =
        client.name === 'cli.js --version'
          ? delta <= TARGET_DELTA_MS
            ? `  target (≤ +${TARGET_DELTA_MS} ms) met`
            : `  target (≤ +${TARGET_DELTA_MS} ms) missed`
          : '';
      console.log(
        `  ${client.name.padEnd(40)} ${`${ms.toFixed(0)} ms`.padStart(8)}  ` +
          `${k === 0 ? '' : `+${delta.toFixed(0)} ms, ${(ms / base).toFixed(2)}×`}${target}`,
      );
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Entry for bench/run.mjs. */
export async function runStartupBenchmark(args) {
  await main(args);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

// Scan benchmark: the CLI's offline scan + plan + render of a ~20 MB release against a bare
// streaming yaml parse of the same files, both measured in this run. Prints times, the ratio and peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRelease } from './generate.mjs';

function measure(args, cwd) {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', join(import.meta.dirname, 'measure.mjs'), ...args],
    {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  const out = r.output[3];
  if (!out) throw new Error(`measurement failed: ${r.stderr}`);
  return JSON.parse(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function runScanBenchmark({ runs = 3 } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'kots-proxy-bench-'));
  try {
    const release = join(root, 'manifests');
    const info = generateRelease(release);
    const cli = join(process.cwd(), 'dist', 'cli.js');
    const base = [];
    const scan = [];
    for (let i = 0; i < runs; i++) {
      base.push(measure([join(import.meta.dirname, 'parse-baseline.mjs'), release], root));
      const s = measure(
        [
          cli,
          'scan',
          'manifests',
          '--app-slug',
          'bench',
          '--offline',
          '--quiet',
          '--fail-on',
          'never',
          '--report',
          'report.json',
        ],
        root,
      );
      if (s.code !== 0) throw new Error(`CLI exited ${s.code}`);
      scan.push(s);
    }
    const baseMs = median(base.map((m) => m.ms));
    const scanMs = median(scan.map((m) => m.ms));
    const rss = Math.max(...scan.map((m) => m.maxRssKb)) / 1024;
    console.log(
      `scan benchmark: ${(info.bytes / 1e6).toFixed(1)} MB, ${info.files} files, ${info.documents} documents, ${info.references} image references (median of ${runs})`,
    );
    console.log(
      `  bare yaml streaming parse : ${baseMs.toFixed(0)} ms, peak RSS ${(Math.max(...base.map((m) => m.maxRssKb)) / 1024).toFixed(0)} MB`,
    );
    console.log(`  kots-proxy scan --offline : ${scanMs.toFixed(0)} ms, peak RSS ${rss.toFixed(0)} MB`);
    console.log(
      `  ratio scan/parse          : ${(scanMs / baseMs).toFixed(2)}x (target <= 1.5x); RSS target < 400 MB`,
    );
    return { baseMs, scanMs, ratio: scanMs / baseMs, rssMb: rss };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

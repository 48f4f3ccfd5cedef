// Scan benchmark: the CLI's offline scan + plan + render + report of a generated release
// (bench/generate.mjs) at several sizes, each next to a bare streaming yaml parse of the same files
// (bench/parse-baseline.mjs), all measured in this run, in alternation, so machine load falls on both.
// Two baselines: the yaml package as npm ships it (the target's reference), and the same package with
// the bundle's rewrites (scripts/bundle-transform.mjs drops its per-token debug env reads and sets each
// node's type by assignment), which is the parser code the CLI bundle actually runs. Prints times, peak RSS, the ratio scan/baseline per size,
// the growth of each time with size (linear growth keeps time(k×)/time(1×) near k), and the targets.
// Usage: node bench/scan.mjs [--sizes 1,2,4] [--runs N] [--cli dist/cli.js]
//   --sizes: release sizes as multiples of the ~20 MB release (5 is the 100 MB memory point; not in
//            the default, which stays a few minutes long on 2 cores);
//   --runs:  rounds per size (default 3 at 1×, 1 above); times and peak RSS are medians over rounds.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assignYamlNodeType, stripYamlDebugEnv } from '../scripts/bundle-transform.mjs';
import { generateRelease } from './generate.mjs';

const repo = resolve(import.meta.dirname, '..');
const DEFAULT_SIZES = [1, 2, 4];
const TARGET_RATIO = 1.0;
const AIM_RATIO = 0.8;
/** Peak RSS targets of the scan, by release size in MB. */
const RSS_TARGETS = [
  [20, 250],
  [100, 700],
];
const CLI_ARGS = [
  '--app-slug',
  'bench',
  '--offline',
  '--quiet',
  '--fail-on',
  'never',
  '--report',
  'report.json',
];
/** Growth counts as linear while time(k×)/time(1×) stays within this factor of k. */
const LINEAR_SLACK = 1.2;

function option(args, name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function measure(args, cwd) {
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', join(import.meta.dirname, 'measure.mjs'), ...args],
    { cwd, stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  const out = r.output[3];
  if (!out) throw new Error(`measurement failed: ${r.stderr}`);
  return JSON.parse(out);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A copy of the installed yaml package with the bundle's rewrites applied, and the baseline script
 *  beside it, so `import 'yaml'` in that script resolves to the rewritten copy. Returns the script. */
function strippedBaseline(root) {
  const dir = join(root, 'stripped');
  const pkg = join(dir, 'node_modules', 'yaml');
  cpSync(join(repo, 'node_modules', 'yaml'), pkg, { recursive: true });
  let replaced = 0;
  let assigned = 0;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) {
        const r = stripYamlDebugEnv(readFileSync(p, 'utf8'));
        const a = assignYamlNodeType(r.code);
        if (r.replaced + a.replaced > 0) writeFileSync(p, a.code);
        replaced += r.replaced;
        assigned += a.replaced;
      }
    }
  };
  walk(join(pkg, 'dist'));
  if (replaced === 0)
    throw new Error('the yaml package has no debug env reads left to strip: check the rewrite');
  if (assigned !== 2)
    throw new Error(`the yaml package's node constructors were rewritten ${assigned} times, not 2`);
  const script = join(dir, 'parse-baseline.mjs');
  cpSync(join(import.meta.dirname, 'parse-baseline.mjs'), script);
  return script;
}

function rssTarget(mb) {
  const hit = RSS_TARGETS.find(([size]) => Math.abs(mb - size) / size < 0.15);
  return hit ? hit[1] : undefined;
}

function verdict(ok) {
  return ok ? 'meets' : 'MISSES';
}

/** One size: `runs` rounds of stock baseline, stripped baseline and the CLI, in that order. */
function measureSize(root, scale, runs, cli, stripped) {
  const dir = join(root, `x${scale}`);
  const info = generateRelease(join(dir, 'manifests'), { scale });
  const stock = [];
  const bare = [];
  const scan = [];
  const stockScript = join(import.meta.dirname, 'parse-baseline.mjs');
  for (let i = 0; i < runs; i++) {
    stock.push(measure([stockScript, 'manifests'], dir));
    bare.push(measure([stripped, 'manifests'], dir));
    const s = measure([cli, 'scan', 'manifests', ...CLI_ARGS], dir);
    if (s.code !== 0) throw new Error(`CLI exited ${s.code} at ${scale}x`);
    scan.push(s);
    rmSync(join(dir, 'kots-proxy'), { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
  // Peak RSS moves with when the collector runs (up to ±30% at 1× on a loaded machine): the median
  // over rounds is the figure, the highest is printed beside it.
  const summary = (ms) => ({
    ms: median(ms.map((m) => m.ms)),
    rssMb: median(ms.map((m) => m.maxRssKb)) / 1024,
    rssMaxMb: Math.max(...ms.map((m) => m.maxRssKb)) / 1024,
  });
  return { scale, runs, info, stock: summary(stock), bare: summary(bare), scan: summary(scan) };
}

const s1 = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x) => `${x.toFixed(0)} MB`;
const rss = (r) => (r.rssMaxMb > r.rssMb + 0.5 ? `${mb(r.rssMb)} (max ${mb(r.rssMaxMb)})` : mb(r.rssMb));

function report(rows) {
  const lines = [];
  for (const r of rows) {
    const { info } = r;
    const size = info.bytes / 1e6;
    lines.push(
      `  ${r.scale}x: ${size.toFixed(1)} MB, ${info.files} files, ${info.documents} documents, ${info.references} image references (median of ${r.runs})`,
    );
    lines.push(`    bare yaml parse (npm yaml)        : ${s1(r.stock.ms)}, peak RSS ${rss(r.stock)}`);
    lines.push(`    bare yaml parse (bundle rewrite)  : ${s1(r.bare.ms)}, peak RSS ${rss(r.bare)}`);
    lines.push(`    kots-proxy scan --offline         : ${s1(r.scan.ms)}, peak RSS ${rss(r.scan)}`);
    const ratio = r.scan.ms / r.stock.ms;
    lines.push(
      `    ratio scan/parse                  : ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO.toFixed(1)}x: ${verdict(ratio <= TARGET_RATIO)}; aim ${AIM_RATIO}x: ${verdict(ratio <= AIM_RATIO)}); ${(r.scan.ms / r.bare.ms).toFixed(2)}x the rewritten parse`,
    );
    const target = rssTarget(size);
    lines.push(
      target === undefined
        ? `    scan peak RSS                     : ${mb(r.scan.rssMb)} (targets: < 250 MB at 20 MB, < 700 MB at 100 MB)`
        : `    scan peak RSS                     : ${mb(r.scan.rssMb)} (target < ${target} MB at ${size.toFixed(0)} MB: ${verdict(r.scan.rssMb < target)})`,
    );
  }
  const one = rows.find((r) => r.scale === 1);
  if (one) {
    for (const r of rows) {
      if (r.scale === 1) continue;
      const k = r.scale;
      const g = r.scan.ms / one.scan.ms;
      const gb = r.stock.ms / one.stock.ms;
      lines.push(
        `  growth ${k}x/1x: scan time ${g.toFixed(2)} (linear: ${k.toFixed(1)}, <= ${(k * LINEAR_SLACK).toFixed(1)}: ${verdict(g <= k * LINEAR_SLACK)}); parse time ${gb.toFixed(2)}; scan RSS ${(r.scan.rssMb / one.scan.rssMb).toFixed(2)}`,
      );
    }
  }
  return lines;
}

export function runScanBenchmark(args = process.argv.slice(2)) {
  const sizes = (option(args, '--sizes') ?? DEFAULT_SIZES.join(',')).split(',').map(Number);
  for (const s of sizes) if (!Number.isInteger(s) || s < 1) throw new Error(`--sizes: not a size: ${s}`);
  const runsOption = option(args, '--runs');
  const runsFor = (scale) => (runsOption !== undefined ? Number(runsOption) : scale === 1 ? 3 : 1);
  const cli = resolve(option(args, '--cli') ?? join(repo, 'dist', 'cli.js'));
  const root = mkdtempSync(join(tmpdir(), 'kots-proxy-bench-'));
  const load = loadavg()[0];
  try {
    const stripped = strippedBaseline(root);
    const rows = sizes.map((scale) => measureSize(root, scale, runsFor(scale), cli, stripped));
    console.log(
      `scan benchmark (${cpus().length} CPUs, load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end)`,
    );
    for (const line of report(rows)) console.log(line);
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runScanBenchmark();

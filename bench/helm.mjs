// Helm benchmark: a release of 10 real chart archives (bench/lib/helm-release.mjs). In each of
// --runs rounds, in the same loop:
//   - the CLI `node dist/cli.js scan --offline` with the project's Helm (.tools/bin/helm) on PATH;
//   - the same scan with no `helm` on PATH (the approximation path);
//   - `helm template` alone on the 10 archives, with the values, release names and namespace of
//     their CRs and the flags the product passes, one after another and HELM_CONCURRENCY at a time.
// Prints the medians and the ratios CLI-with-helm / helm-alone (the cost beyond Helm's own time)
// and CLI-with-helm / CLI-without-helm. The `helm` first on PATH is a counting wrapper that execs
// the real one, so the benchmark also prints how many Helm processes the CLI started: zero
// `helm template` means the scan did not render with Helm, whatever the times say. The bare runs go
// through the same wrapper, which checks that it counts, and puts its small cost on both sides.
// Usage: node bench/helm.mjs [--runs 3] [--helm-concurrency 4]
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateHelmRelease } from './lib/helm-release.mjs';

const repo = resolve(import.meta.dirname, '..');
// The product bounds its renders to this many at once; keep the two equal.
const DEFAULT_HELM_CONCURRENCY = 4;
const CHILD_LIMIT_MS = 300_000;

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs a command, resolves with its exit status, output tails and wall time. */
function run(command, args, { env, cwd }) {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (e) => {
      stderr += String(e);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stderr, ms: performance.now() - started });
    });
  });
}

async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function isExecutable(path) {
  try {
    const s = statSync(path);
    return s.isFile() && (s.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** PATH without any directory that holds a `helm`, and the directories dropped. */
function pathWithoutHelm(pathEnv) {
  const dirs = pathEnv.split(delimiter).filter((d) => d !== '');
  const dropped = dirs.filter((d) => isExecutable(join(d, 'helm')));
  return { path: dirs.filter((d) => !dropped.includes(d)).join(delimiter), dropped };
}

/** A `helm` that appends its subcommand to `log`, then becomes the real Helm. */
function countingHelm(dir, realHelm, log) {
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'helm');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "\${1:-}" >> '${log}'\nexec '${realHelm}' "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}

function readCalls(log) {
  const lines = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
  return { total: lines.length, template: lines.filter((l) => l === 'template').length };
}

/** The environment the product gives Helm (src/helm/render.ts): its own HOME and Helm directories,
 *  and a proxy that refuses every connection, so that nothing is fetched. */
function isolatedHelmEnv(home, pathEnv) {
  const dead = 'http://127.0.0.1:9';
  return {
    PATH: pathEnv,
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    HELM_CACHE_HOME: join(home, 'cache', 'helm'),
    HELM_CONFIG_HOME: join(home, 'config', 'helm'),
    HELM_DATA_HOME: join(home, 'data', 'helm'),
    HELM_PLUGINS: join(home, 'plugins'),
    HELM_REGISTRY_CONFIG: join(home, 'registry.json'),
    HELM_REPOSITORY_CONFIG: join(home, 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(home, 'repository'),
    KUBECONFIG: join(home, 'kubeconfig'),
    HTTP_PROXY: dead,
    HTTPS_PROXY: dead,
    http_proxy: dead,
    https_proxy: dead,
    NO_PROXY: '',
    no_proxy: '',
  };
}

export async function runHelmBenchmark(args = process.argv.slice(2)) {
  const runs = option(args, '--runs', 3);
  const concurrency = option(args, '--helm-concurrency', DEFAULT_HELM_CONCURRENCY);
  const realHelm = join(repo, '.tools', 'bin', 'helm');
  if (!isExecutable(realHelm)) {
    throw new Error(`${realHelm} is missing: run bash scripts/setup-tools.sh first`);
  }
  const cli = join(repo, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run bundle first');

  const root = mkdtempSync(join(tmpdir(), 'kots-proxy-bench-helm-'));
  try {
    const entries = generateHelmRelease(join(root, 'manifests'));
    const log = join(root, 'helm-calls.log');
    const wrapper = countingHelm(join(root, 'counting-bin'), realHelm, log);
    const { path: noHelmPath, dropped } = pathWithoutHelm(process.env.PATH ?? '');
    const helmPath = [join(root, 'counting-bin'), noHelmPath].join(delimiter);

    // What the product passes `helm template` for each CR (src/helm/render.ts): release name,
    // archive, namespace, --include-crds, the values as a JSON file; prepared outside the timing.
    const renders = entries.map((e, i) => {
      const home = join(root, `helm-home-${i}`);
      mkdirSync(home, { recursive: true });
      const values = join(home, 'values.json');
      writeFileSync(values, JSON.stringify(e.values));
      const helmArgs = ['template', e.releaseName, e.archive, '--namespace', e.namespace];
      helmArgs.push('--include-crds', '--values', values);
      return { entry: e, args: helmArgs, env: isolatedHelmEnv(home, helmPath), cwd: home };
    });
    const renderOne = async (r) => {
      const res = await run(wrapper, r.args, { env: r.env, cwd: r.cwd });
      if (res.status !== 0) {
        throw new Error(
          `helm template ${r.entry.archive} failed (${res.status ?? res.signal}): ${res.stderr}`,
        );
      }
    };
    const timed = async (work) => {
      rmSync(log, { force: true });
      const started = performance.now();
      await work();
      return { ms: performance.now() - started, calls: readCalls(log) };
    };
    const scan = (label, pathEnv, i) =>
      timed(async () => {
        const res = await run(
          process.execPath,
          [
            cli,
            'scan',
            'manifests',
            '--app-slug',
            'bench',
            '--offline',
            '--out',
            `out-${label}-${i}`,
            '--report',
            `report-${label}-${i}.json`,
            '--quiet',
            '--fail-on',
            'never',
          ],
          { env: { ...process.env, PATH: pathEnv }, cwd: root },
        );
        if (res.status !== 0)
          throw new Error(`CLI scan (${label}) exited ${res.status ?? res.signal}: ${res.stderr}`);
      });

    const load = loadavg()[0];
    const series = { withHelm: [], withoutHelm: [], helmSeq: [], helmPar: [] };
    for (let i = 0; i < runs; i++) {
      series.withHelm.push(await scan('helm', helmPath, i));
      series.withoutHelm.push(await scan('nohelm', noHelmPath, i));
      series.helmSeq.push(
        await timed(async () => {
          for (const r of renders) await renderOne(r);
        }),
      );
      series.helmPar.push(await timed(() => inParallel(renders, concurrency, renderOne)));
    }
    for (const bare of [...series.helmSeq, ...series.helmPar]) {
      if (bare.calls.template !== renders.length) {
        throw new Error(`the counting helm saw ${bare.calls.template} renders, not ${renders.length}`);
      }
    }

    const ms = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, median(v.map((m) => m.ms))]));
    const report = (label) => {
      const r = JSON.parse(readFileSync(join(root, `report-${label}-0.json`), 'utf8'));
      return `${r.images.length} images, ${r.findings.length} findings`;
    };
    const counts = series.withHelm.map((m) => `${m.calls.template} template/${m.calls.total} total`);
    const f = (x) => `${x.toFixed(0).padStart(6)} ms`;
    console.log(
      `helm benchmark: ${entries.length} chart archives (${entries.filter((e) => e.chart.apiVersion === 'kots.io/v1beta2').length} v1beta2 CRs), median of ${runs}; ` +
        `${cpus().length} CPUs, load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`,
    );
    if (dropped.length > 0) console.log(`  (dropped from PATH for the no-helm scan: ${dropped.join(', ')})`);
    console.log(`  CLI scan, helm on PATH      : ${f(ms.withHelm)}  (${report('helm')})`);
    console.log(`  CLI scan, no helm on PATH   : ${f(ms.withoutHelm)}  (${report('nohelm')})`);
    console.log(`  helm template x${entries.length}, sequential: ${f(ms.helmSeq)}`);
    console.log(`  helm template x${entries.length}, ${concurrency} at once : ${f(ms.helmPar)}`);
    console.log(`  helm processes the CLI started, per run: ${counts.join(', ')}`);
    console.log(
      `  ratio CLI-with-helm / helm-alone (${concurrency} at once): ${(ms.withHelm / ms.helmPar).toFixed(2)}x ` +
        `(${(ms.withHelm - ms.helmPar).toFixed(0)} ms beyond Helm's own time); vs sequential ${(ms.withHelm / ms.helmSeq).toFixed(2)}x`,
    );
    console.log(`  ratio CLI-with-helm / CLI-without-helm: ${(ms.withHelm / ms.withoutHelm).toFixed(2)}x`);
    if (series.withHelm.every((m) => m.calls.template === 0)) {
      console.log('  note: the CLI ran no `helm template`: both CLI figures are the approximation path');
    }
    return { ms, calls: series.withHelm.map((m) => m.calls), concurrency, runs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runHelmBenchmark();

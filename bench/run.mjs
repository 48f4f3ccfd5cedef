// npm run bench: every benchmark, each printing ratios against a baseline measured in the same run.
// Needs a fresh dist/ (npm run bundle). Pass `startup`, `scan`, `registry`, `latency` or `helm` to run one.
import { existsSync } from 'node:fs';
import { runScanBenchmark } from './scan.mjs';

const only = process.argv[2];
if (!existsSync('dist/cli.js')) {
  console.error('dist/cli.js is missing: run npm run bundle first');
  process.exit(2);
}
// Process wall time of --version, --help and an offline scan against `node -e 0` (bench/startup.mjs).
if (!only || only === 'startup') {
  const { runStartupBenchmark } = await import('./startup.mjs');
  await runStartupBenchmark(process.argv.slice(3));
}
// Offline scan at 1×, 2× and 4× the ~20 MB release against bare yaml parses (bench/scan.mjs); its
// options follow the name, e.g. `node bench/run.mjs scan --sizes 1,2,4,5 --runs 1`.
if (!only || only === 'scan') runScanBenchmark();
if (!only || only === 'registry') {
  if (existsSync(new URL('./registry.mjs', import.meta.url))) {
    const { runRegistryBenchmark } = await import('./registry.mjs');
    await runRegistryBenchmark();
  } else {
    console.error('registry benchmark not available');
    process.exitCode = 1;
  }
}
// Registry checks over HTTPS at 80 ms RTT (bench/latency.mjs); its options follow the name,
// e.g. `node bench/run.mjs latency --images 200`.
if (!only || only === 'latency') {
  const { runLatencyBenchmark } = await import('./latency.mjs');
  await runLatencyBenchmark();
}
// The CLI on 10 chart archives with Helm, without Helm, and `helm template` alone (bench/helm.mjs);
// needs .tools/bin/helm (bash scripts/setup-tools.sh). E.g. `node bench/run.mjs helm --runs 5`.
if (!only || only === 'helm') {
  const { runHelmBenchmark } = await import('./helm.mjs');
  await runHelmBenchmark();
}

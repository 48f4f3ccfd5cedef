// Latency benchmark: registry checks over HTTPS at 80 ms RTT, handshakes included.
// One token-auth docker-registry and its token server, each behind a Node TLS terminator
// (bench/lib/tls-terminator.mjs, self-signed certificate for IP 127.0.0.1 made by openssl) and in
// front of that a delay proxy (bench/lib/delay-proxy.mjs, 40 ms each way, TCP handshake cost added).
// IMAGES images (a third private: the `reader` credential may pull them), then, in the same run:
//   - a bare keep-alive undici loop at 16 and 64 in flight (the baseline);
//   - kots-proxy's checker, driven directly, at --concurrency 16 and 64;
//   - the CLI `node dist/cli.js scan` on a generated release naming every image, at 16 and 64;
//   - `skopeo inspect --raw` with xargs -P 16.
// Each client runs in its own process with NODE_EXTRA_CA_CERTS (skopeo: --cert-dir), and each figure
// is printed as a ratio against the bare loop at the same concurrency, next to the targets.
// Connections are counted at the delay proxies. Loopback only; every child has a time limit.
// With --h2, the bare loop alone is timed over HTTP/1.1 keep-alive and over HTTP/2 (undici allowH2)
// against a second docker-registry on the same storage that terminates TLS itself (Go offers h2 by
// ALPN; bench/lib/tls-registry.mjs), behind the same delay proxy: the comparison behind keeping
// HTTP/1.1 in src/registry/http.ts.
// Usage: node bench/latency.mjs [--images 500] [--runs 1] [--h2]   (the median of --runs is printed)
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { bundleLab, root } from './lib/bundle-lab.mjs';
import { startDelayProxy } from './lib/delay-proxy.mjs';
import { startTlsRegistry } from './lib/tls-registry.mjs';
import { startTlsTerminator } from './lib/tls-terminator.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const IMAGES = Number(option('--images', '500'));
const RUNS = Number(option('--runs', '1'));
const H2 = args.includes('--h2');
const ONE_WAY_MS = 40;
const TAGS_PER_REPO = 10;
const CONCURRENCIES = [16, 64];
const SKOPEO_PARALLEL = 16;
// The issue's targets: within 1.2× of the bare loop at the same concurrency, and under 4 s.
const TARGET_RATIO = 1.2;
const TARGET_MS = 4000;
const CHILD_LIMIT_MS = 300_000;
const ISSUER = 'kots-proxy-bench-issuer';
const SERVICE = 'kots-proxy-bench-registry';

/** Runs a command without blocking the event loop (the proxies and token server live here). */
function run(command, commandArgs, env = {}) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout = (stdout + chunk).slice(-100_000);
    });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const lastLine = (text) => text.trim().split('\n').slice(-3).join(' | ');

/** A server behind TLS and then the delay proxy: what a client reaches as https://127.0.0.1:port. */
async function front(tls, targetPort) {
  const terminator = await startTlsTerminator({ ...tls, targetPort });
  const delay = await startDelayProxy({ targetPort: terminator.port, delayMs: ONE_WAY_MS });
  return {
    port: delay.port,
    connections: delay.connections,
    close: async () => {
      await delay.close();
      await terminator.close();
    },
  };
}

/** Times one request on a fresh connection and one on the same connection, to show the emulation. */
async function calibrate(url, caPath) {
  const agent = new Agent({ connections: 1, connect: { ca: readFileSync(caPath) } });
  const timed = async () => {
    const started = performance.now();
    const answer = await request(url, { dispatcher: agent, reset: false });
    await answer.body.dump();
    return performance.now() - started;
  };
  try {
    const fresh = await timed();
    const reused = await timed();
    const rtt = 2 * ONE_WAY_MS;
    console.log(
      `calibration: a request on a new connection took ${fresh.toFixed(0)} ms (TCP + TLS 1.3 + request ` +
        `= ${3 * rtt} ms expected), on a kept-alive one ${reused.toFixed(0)} ms (${rtt} ms expected)`,
    );
  } finally {
    await agent.close();
  }
}

/** The protocol the server at 127.0.0.1:`port` picks when offered h2 and http/1.1. */
function alpn(port, caPath) {
  return new Promise((resolvePromise, reject) => {
    const socket = tlsConnect(
      { host: '127.0.0.1', port, ca: readFileSync(caPath), ALPNProtocols: ['h2', 'http/1.1'] },
      () => {
        resolvePromise(socket.alpnProtocol || 'none');
        socket.destroy();
      },
    );
    socket.once('error', reject);
  });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'kots-proxy-latency-'));
  const stops = [];
  try {
    const { path: labPath, module: lab } = await bundleLab(join(work, 'lab'));
    for (const tool of ['openssl', 'docker-registry', 'skopeo']) lab.requireTool(tool);

    const key = lab.createSigningKey(work);
    const tls = lab.opensslSelfSigned(work, 'tls', '127.0.0.1', ['-addext', 'subjectAltName=IP:127.0.0.1']);
    const certDir = join(work, 'certs');
    mkdirSync(certDir);
    copyFileSync(tls.certPath, join(certDir, 'ca.crt'));
    const tokenServer = await lab.startTokenServer(key, ISSUER);
    stops.push(tokenServer.close);
    const tokenFront = await front(tls, Number(new URL(tokenServer.url).port));
    stops.push(tokenFront.close);
    const tokenAuth = {
      realm: `https://127.0.0.1:${tokenFront.port}/token`,
      service: SERVICE,
      issuer: ISSUER,
      rootCertPath: key.certPath,
    };
    const registry = await lab.startRegistry(join(work, 'registry'), { kind: 'token', ...tokenAuth });
    stops.push(registry.stop);
    let registryFront;
    if (H2) {
      const secure = await startTlsRegistry({
        dir: join(work, 'tls-registry'),
        storageDir: join(work, 'registry', 'data'),
        ...tls,
        token: tokenAuth,
      });
      stops.push(secure.stop);
      const delay = await startDelayProxy({ targetPort: secure.port, delayMs: ONE_WAY_MS });
      registryFront = { port: delay.port, connections: delay.connections, close: delay.close };
    } else {
      registryFront = await front(tls, Number(registry.host.split(':')[1]));
    }
    stops.push(registryFront.close);
    const host = `127.0.0.1:${registryFront.port}`;

    // Seed straight to the registry and token server (no TLS, no delay): only the checks are timed.
    const images = Array.from({ length: IMAGES }, (_, i) => ({
      repository: `${i % 3 === 0 ? 'team' : 'public'}/app${Math.floor(i / TAGS_PER_REPO)}`,
      reference: `v${i % TAGS_PER_REPO}`,
    }));
    const pusher = `Basic ${Buffer.from(`pusher:${lab.USERS.pusher}`).toString('base64')}`;
    const pushTokens = new Map();
    const authorize = (repository) => {
      if (!pushTokens.has(repository)) {
        const url = `${tokenServer.url}?service=${SERVICE}&scope=repository:${repository}:pull,push`;
        pushTokens.set(
          repository,
          fetch(url, { headers: { authorization: pusher } })
            .then((r) => r.json())
            .then((body) => ({ authorization: `Bearer ${body.token}` })),
        );
      }
      return pushTokens.get(repository);
    };
    const started = performance.now();
    await inParallel(images, 16, (image) =>
      lab.pushImage(registry.url, image.repository, image.reference, 'oci', authorize),
    );
    console.log(`pushed ${images.length} images in ${seconds(performance.now() - started)}`);
    console.log(
      `https://${host} (registry) and https://127.0.0.1:${tokenFront.port} (token realm): ` +
        `TLS + ${2 * ONE_WAY_MS} ms RTT each`,
    );
    await calibrate(`https://${host}/v2/`, tls.certPath);
    if (H2)
      console.log(
        `ALPN offered h2, http/1.1; the registry chose ${await alpn(registryFront.port, tls.certPath)}`,
      );

    const auth = Buffer.from(`reader:${lab.USERS.reader}`).toString('base64');
    const authJson = JSON.stringify({ auths: { [host]: { auth } } });
    const authFile = join(work, 'auth.json');
    writeFileSync(authFile, authJson);
    const caEnv = { NODE_EXTRA_CA_CERTS: tls.certPath };
    const client = join(root, 'bench/lib/latency-client.mjs');
    const jobFile = (concurrency) => {
      const path = join(work, `job-${concurrency}.json`);
      writeFileSync(
        path,
        JSON.stringify({
          host,
          username: 'reader',
          password: lab.USERS.reader,
          authJson,
          labPath,
          concurrency,
          images,
        }),
      );
      return path;
    };
    const release = join(work, 'release');
    mkdirSync(release);
    writeFileSync(
      join(release, 'deployments.yaml'),
      images
        .map(
          ({ repository, reference }, i) =>
            `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: "${host}/${repository}:${reference}"\n`,
        )
        .join('---\n'),
    );
    const refList = join(work, 'refs.txt');
    writeFileSync(
      refList,
      `${images.map(({ repository, reference }) => `docker://${host}/${repository}:${reference}`).join('\n')}\n`,
    );
    const cli = join(root, 'dist', 'cli.js');

    /** Each measurement: { name, concurrency, run() → { ms, ok, note } }. */
    const measures = [];
    const bareMeasure = (mode, name, concurrency, job, baseline) => ({
      name,
      concurrency,
      baseline,
      run: async () => {
        const r = await run(process.execPath, [client, mode, job], caEnv);
        if (r.status !== 0) return { ok: false, note: lastLine(r.stderr) };
        const out = JSON.parse(r.stdout.trim().split('\n').pop());
        return { ms: out.ms, ok: true, note: `HEAD status ${JSON.stringify(out.tally)}` };
      },
    });
    for (const concurrency of H2 ? CONCURRENCIES : []) {
      const job = jobFile(concurrency);
      measures.push(bareMeasure('bare', 'bare loop, HTTP/1.1 keep-alive', concurrency, job, true));
      measures.push(bareMeasure('bare-h2', 'bare loop, HTTP/2 (allowH2)', concurrency, job, false));
      measures.push(bareMeasure('bare-h2-one', 'bare loop, HTTP/2, one connection', concurrency, job, false));
    }
    for (const concurrency of H2 ? [] : CONCURRENCIES) {
      const job = jobFile(concurrency);
      measures.push({
        name: `bare undici keep-alive loop`,
        concurrency,
        baseline: true,
        run: async () => {
          const r = await run(process.execPath, [client, 'bare', job], caEnv);
          if (r.status !== 0) return { ok: false, note: lastLine(r.stderr) };
          const out = JSON.parse(r.stdout.trim().split('\n').pop());
          // The floor: every request of the run in rounds of `concurrency`, one round trip each.
          const floorMs = Math.ceil(out.requests / concurrency) * 2 * ONE_WAY_MS;
          return {
            ms: out.ms,
            wallMs: r.ms,
            ok: true,
            note:
              `HEAD status ${JSON.stringify(out.tally)}, ${out.requests} requests ` +
              `(${seconds(floorMs)} at one round trip per ${concurrency})`,
          };
        },
      });
      measures.push({
        name: `kots-proxy checker (direct)`,
        concurrency,
        run: async () => {
          const r = await run(process.execPath, [client, 'checker', job], caEnv);
          if (r.status !== 0) return { ok: false, note: lastLine(r.stderr) };
          const out = JSON.parse(r.stdout.trim().split('\n').pop());
          // A run that checked nothing (a refused host, a policy change) is no measurement.
          const unchecked = Object.keys(out.tally).some((k) => k.startsWith('unknown'));
          return {
            ms: out.ms,
            ok: !unchecked,
            note: `${JSON.stringify(out.tally)}, ${out.requests} requests, ${out.retries} retries`,
          };
        },
      });
      if (existsSync(cli)) {
        measures.push({
          name: `kots-proxy CLI scan (process wall time)`,
          concurrency,
          // Compared with the bare loop's process wall time: both then include Node's start-up.
          wall: true,
          run: async () => {
            const cliArgs = [cli, 'scan', release, '--app-slug', 'bench', '--out', join(work, 'out')];
            cliArgs.push('--fail-on', 'never', '--quiet', '--registry-auth', authFile);
            cliArgs.push('--concurrency', String(concurrency));
            cliArgs.push('--concurrency-per-registry', String(concurrency), '--allow-registry', host);
            // The generated release lies outside the working directory, which is the default root.
            cliArgs.push('--root', work);
            const reportPath = join(work, `cli-report-${concurrency}.json`);
            cliArgs.push('--report', reportPath);
            const r = await run(process.execPath, cliArgs, caEnv);
            if (r.status !== 0) return { ok: false, note: `exit ${r.status}: ${lastLine(r.stderr)}` };
            const statuses = {};
            for (const i of JSON.parse(readFileSync(reportPath, 'utf8')).images)
              statuses[i.status] = (statuses[i.status] ?? 0) + 1;
            const checked = Object.keys(statuses).length > 0 && !('unknown' in statuses);
            return { ms: r.ms, ok: checked, note: `statuses ${JSON.stringify(statuses)}` };
          },
        });
      }
    }
    if (!H2)
      measures.push({
        name: `skopeo inspect --raw, xargs -P ${SKOPEO_PARALLEL}`,
        concurrency: SKOPEO_PARALLEL,
        run: async () => {
          const r = await run('sh', [
            '-c',
            `xargs -P ${SKOPEO_PARALLEL} -n 1 skopeo inspect --raw --cert-dir "$1" --authfile "$2" < "$3" > /dev/null`,
            'sh',
            certDir,
            authFile,
            refList,
          ]);
          return r.status === 0
            ? { ms: r.ms, ok: true, note: '' }
            : { ms: r.ms, ok: false, note: `some failed: ${lastLine(r.stderr)}` };
        },
      });
    if (!existsSync(cli)) console.log('dist/cli.js not built: CLI timing skipped (npm run bundle)');

    // Runs interleave the clients, so a burst of load from elsewhere spreads over all of them.
    const samples = measures.map(() => ({
      ms: [],
      wallMs: [],
      connections: [],
      notes: new Set(),
      failed: false,
    }));
    for (let round = 0; round < RUNS; round++) {
      for (const [i, measure] of measures.entries()) {
        const before = registryFront.connections() + tokenFront.connections();
        const result = await measure.run();
        samples[i].connections.push(registryFront.connections() + tokenFront.connections() - before);
        if (result.note) samples[i].notes.add(result.note);
        if (!result.ok) samples[i].failed = true;
        if (result.ms !== undefined) samples[i].ms.push(result.ms);
        if (result.wallMs !== undefined) samples[i].wallMs.push(result.wallMs);
      }
    }

    const baselineMs = new Map();
    const baselineWallMs = new Map();
    for (const [i, measure] of measures.entries()) {
      if (measure.baseline && samples[i].ms.length > 0)
        baselineMs.set(measure.concurrency, median(samples[i].ms));
      if (measure.baseline && samples[i].wallMs.length > 0)
        baselineWallMs.set(measure.concurrency, median(samples[i].wallMs));
    }
    console.log(
      `\n${IMAGES} images on one token registry over HTTPS at ${2 * ONE_WAY_MS} ms RTT` +
        (RUNS > 1 ? ` (median of ${RUNS} runs)` : ''),
    );
    console.log(
      `  ${'client'.padEnd(42)} ${'in flight'.padStart(9)} ${'time'.padStart(9)} ${'conns'.padStart(6)}  ratio to bare  targets (≤${TARGET_RATIO}× bare, <${TARGET_MS / 1000} s)`,
    );
    for (const [i, measure] of measures.entries()) {
      const sample = samples[i];
      const ms = sample.ms.length > 0 ? median(sample.ms) : undefined;
      const base = (measure.wall ? baselineWallMs : baselineMs).get(measure.concurrency);
      const ratio = ms !== undefined && base ? ms / base : undefined;
      let targets = '';
      if (
        !measure.baseline &&
        measure.name.startsWith('kots-proxy') &&
        ratio !== undefined &&
        !sample.failed
      ) {
        const ratioMet = ratio <= TARGET_RATIO ? 'met' : 'missed';
        const timeMet = ms < TARGET_MS ? 'met' : 'missed';
        targets = `ratio ${ratioMet}, time ${timeMet}`;
      }
      console.log(
        `  ${measure.name.padEnd(42)} ${String(measure.concurrency).padStart(9)} ` +
          `${(ms === undefined ? 'failed' : seconds(ms)).padStart(9)} ` +
          `${String(median(sample.connections)).padStart(6)}  ` +
          `${(ratio === undefined ? '' : `${ratio.toFixed(2)}×`).padEnd(13)}  ${targets}` +
          `${sample.failed ? '  FAILED' : ''}`,
      );
      for (const note of sample.notes) console.log(`      ${note}`);
      if (sample.wallMs.length > 0)
        console.log(`      process wall time ${seconds(median(sample.wallMs))} (the CLI's baseline)`);
    }
    console.log(
      '  conns = TCP connections opened through the delay proxies (registry + token realm).\n' +
        (H2 ? '  --h2: the registry terminates TLS itself; the token realm stays HTTP/1.1.\n' : '') +
        '  The CLI figure is process wall time (start-up and scan included), compared with the bare\n' +
        "  loop's process wall time; the others time the checks only." +
        (IMAGES === 500
          ? ''
          : `\n  The ${TARGET_MS / 1000} s target is for 500 images; this run checked ${IMAGES}.`),
    );
    if (samples.some((s) => s.failed)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Entry for bench/run.mjs. */
export async function runLatencyBenchmark() {
  await main();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

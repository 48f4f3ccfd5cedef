// Registry-check benchmark on loopback without latency (bench/latency.mjs adds TLS and 80 ms RTT).
// Node 20 cannot run TypeScript, so the lab and checker are bundled first (bench/lib/bundle-lab.mjs).
// It starts two local registries (open, and token auth with its token server), pushes IMAGES images,
// then times, in the same run:
//   - kots-proxy's checker (direct, concurrency 16), and the CLI `node dist/cli.js scan` if dist/cli.js exists;
//   - `skopeo inspect --raw --tls-verify=false`, sequential, over every image;
//   - the same with `xargs -P 16`.
// Requests per image come from the checker's own counters. Nothing leaves 127.0.0.1.
// Usage: node bench/registry.mjs [--images 600] [--skip-sequential]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleLab as bundleLabInto, root } from './lib/bundle-lab.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const IMAGES = Number(option('--images', '600'));
const TAGS_PER_REPO = 10;
const PARALLEL = 16;
const work = mkdtempSync(join(tmpdir(), 'kots-proxy-bench-'));

function bundleLab() {
  return bundleLabInto(join(work, 'lab')).then((lab) => lab.module);
}

async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** Runs a command without blocking the event loop: the token server lives in this very process. */
function run(command, commandArgs, { timeoutMs = 300_000 } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stderr });
    });
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const lab = await bundleLab();
  lab.requireTool('skopeo');
  const registries = await lab.startLab({ htpasswd: false });
  try {
    const { open, token } = registries;
    // Half the images on each registry. On the token registry a third are private (team/*: reader may pull).
    const images = [];
    for (let i = 0; i < IMAGES; i++) {
      const onOpen = i % 2 === 0;
      const n = Math.floor(i / 2);
      const repo = `${onOpen || n % 3 !== 0 ? 'public' : 'team'}/app${Math.floor(n / TAGS_PER_REPO)}`;
      images.push({
        registry: onOpen ? open : token,
        auth: onOpen ? 'open' : 'token',
        repo,
        tag: `v${n % TAGS_PER_REPO}`,
      });
    }
    const pushTokens = new Map();
    const authorizers = {
      open: registries.authorizers.open,
      token: (repo) => {
        if (!pushTokens.has(repo)) pushTokens.set(repo, registries.authorizers.token(repo));
        return pushTokens.get(repo);
      },
    };
    let started = Date.now();
    await inParallel(images, PARALLEL, (image) =>
      lab.pushImage(image.registry.url, image.repo, image.tag, 'oci', authorizers[image.auth]),
    );
    console.log(
      `pushed ${images.length} images to ${open.host} (open) and ${token.host} (token) in ${seconds(Date.now() - started)}`,
    );

    // The `auth` form: skopeo's auth file reader understands only that one.
    const auth = Buffer.from(`reader:${lab.USERS.reader}`).toString('base64');
    const authJson = JSON.stringify({ auths: { [token.host]: { auth } } });
    const authFile = join(work, 'auth.json');
    writeFileSync(authFile, authJson);
    const refs = images.map((image) => `${image.registry.host}/${image.repo}:${image.tag}`);
    const results = [];

    // 1. kots-proxy's checker, driven directly.
    const checker = lab.createRegistryChecker({
      credentials: lab.parseRegistryAuth(authJson, 'bench'),
      insecureRegistries: [open.host, token.host],
      concurrency: PARALLEL,
      logger: { info() {}, debug() {}, warning: (m) => console.error(m) },
    });
    const targets = images.map((image, i) => ({
      key: refs[i],
      domain: image.registry.host,
      repository: image.repo,
      reference: image.tag,
    }));
    started = Date.now();
    const verdicts = await checker.check(targets);
    const checkerMs = Date.now() - started;
    const stats = checker.stats();
    await checker.close();
    const tally = {};
    for (const v of verdicts.values())
      tally[`${v.status}/${v.credentials}`] = (tally[`${v.status}/${v.credentials}`] ?? 0) + 1;
    results.push(['kots-proxy checker (direct, concurrency 16)', checkerMs]);
    console.log(`verdicts: ${JSON.stringify(tally)}`);
    console.log(
      `requests: ${stats.requests} total = ${JSON.stringify(stats.byKind)}, retries ${stats.retries}; ` +
        `${(stats.requests / images.length).toFixed(3)} per image; ` +
        `${((stats.requests - stats.byKind.ping - stats.byKind.token) / images.length).toFixed(3)} manifest requests per image`,
    );

    // 2. The CLI, when the bundle exists (it is built by `npm run bundle`).
    const cli = join(root, 'dist', 'cli.js');
    if (existsSync(cli)) {
      const release = join(work, 'release');
      mkdirSync(release);
      const docs = refs.map(
        (ref, i) =>
          `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app${i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: "${ref}"\n`,
      );
      writeFileSync(join(release, 'deployments.yaml'), docs.join('---\n'));
      const cliArgs = [
        cli,
        'scan',
        release,
        '--app-slug',
        'bench',
        '--out',
        join(work, 'out'),
        '--fail-on',
        'never',
        '--quiet',
      ];
      for (const host of [open.host, token.host]) cliArgs.push('--insecure-registry', host);
      cliArgs.push('--registry-auth', authFile, '--concurrency', String(PARALLEL));
      // The generated release lies outside the working directory, which is the default root.
      cliArgs.push('--root', work);
      started = Date.now();
      const scan = await run(process.execPath, cliArgs);
      const cliMs = Date.now() - started;
      if (scan.status === 0) results.push(['kots-proxy CLI scan (whole pipeline)', cliMs]);
      else
        console.log(
          `CLI run failed (exit ${scan.status}): ${scan.stderr.trim().split('\n').slice(-3).join(' | ')}`,
        );
    } else {
      console.log('dist/cli.js not built: CLI timing skipped (run npm run bundle first)');
    }

    // 3. skopeo, sequential and with xargs -P 16.
    const skopeoArgs = (ref) => [
      'inspect',
      '--raw',
      '--tls-verify=false',
      '--authfile',
      authFile,
      `docker://${ref}`,
    ];
    if (!args.includes('--skip-sequential')) {
      started = Date.now();
      let failures = 0;
      for (const ref of refs) {
        if ((await run('skopeo', skopeoArgs(ref))).status !== 0) failures++;
      }
      results.push([`skopeo sequential (${failures} failed)`, Date.now() - started]);
    }
    const list = join(work, 'refs.txt');
    writeFileSync(list, `${refs.map((r) => `docker://${r}`).join('\n')}\n`);
    started = Date.now();
    const xargs = await run('sh', [
      '-c',
      `xargs -P ${PARALLEL} -n 1 skopeo inspect --raw --tls-verify=false --authfile "$1" < "$2" > /dev/null`,
      'sh',
      authFile,
      list,
    ]);
    results.push([
      `skopeo xargs -P ${PARALLEL}${xargs.status === 0 ? '' : ' (some failed)'}`,
      Date.now() - started,
    ]);

    console.log(`\n${images.length} images, 2 registries`);
    for (const [name, ms] of results) {
      const ratio = ms / checkerMs;
      console.log(`  ${name.padEnd(48)} ${seconds(ms).padStart(9)}  ${ratio.toFixed(1)}× the checker`);
    }
    // The issue's targets compare the whole CLI run (process start included) with skopeo.
    const cliRun = results.find(([name]) => name.startsWith('kots-proxy CLI'));
    if (cliRun) {
      for (const [name, ms] of results.filter(([n]) => n.startsWith('skopeo'))) {
        console.log(`  CLI speed-up over ${name}: ${(ms / cliRun[1]).toFixed(1)}×`);
      }
    }
  } finally {
    await registries.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Entry for bench/run.mjs. */
export async function runRegistryBenchmark() {
  await main();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

// One measured client of the latency benchmark, run as its own process so that NODE_EXTRA_CA_CERTS
// (read by Node only at start-up) makes it trust the lab's self-signed certificate, and so that the
// proxies' event loop in the parent never competes with the client being timed.
//   node latency-client.mjs bare    <job.json>   a bare keep-alive undici loop doing the checker's
//                                                requests at their fewest: ping, one batched token
//                                                anonymous and one with the credential, an anonymous
//                                                HEAD per image and a credentialed one if refused
//   node latency-client.mjs bare-h2 <job.json>   the same loop with undici's allowH2 (HTTP/2 by ALPN)
//   node latency-client.mjs bare-h2-one <job.json>  allowH2 on one connection per origin: every
//                                                request a stream of it
//   node latency-client.mjs checker <job.json>   kots-proxy's registry checker (from the bundled lab)
// Prints one JSON line: { ms, tally, ... }. The timer starts after the process and modules are loaded.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

async function inParallel(items, limit, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function bare(job, h2 = false, oneConnection = false) {
  const agent = new Agent({
    connections: oneConnection ? 1 : job.concurrency,
    keepAliveTimeout: 30_000,
    // On HTTP/2 undici takes `pipelining` as the streams it opens at once on one connection.
    pipelining: oneConnection ? job.concurrency : 1,
    ...(h2 ? { allowH2: true } : {}),
  });
  const basic = `Basic ${Buffer.from(`${job.username}:${job.password}`).toString('base64')}`;
  const base = `https://${job.host}`;
  const started = performance.now();
  // The challenge tells where the token realm is, as any client must learn it.
  const ping = await request(`${base}/v2/`, { dispatcher: agent, reset: false });
  await ping.body.dump();
  const challenge = String(ping.headers['www-authenticate'] ?? '');
  const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
  const service = /service="([^"]+)"/.exec(challenge)?.[1];
  if (!realm || !service) throw new Error(`no bearer challenge from ${base}/v2/: ${challenge}`);
  // The least a client can do for the same answers: one batched token for every repository, anonymous
  // and with the credential, both asked for at once; then per image an anonymous HEAD and, only when
  // that is refused, a HEAD with the credential's token, `concurrency` requests in flight throughout.
  const repositories = [...new Set(job.images.map((image) => image.repository))];
  const scopes = repositories.map((r) => `scope=${encodeURIComponent(`repository:${r}:pull`)}`).join('&');
  const url = `${realm}?service=${encodeURIComponent(service)}&${scopes}`;
  const fetchToken = (headers) =>
    request(url, { dispatcher: agent, headers, reset: false })
      .then((answer) => answer.body.json())
      .then((body) => body.token ?? body.access_token);
  const [anonymous, credentialed] = await Promise.all([fetchToken({}), fetchToken({ authorization: basic })]);
  const head = async (repository, reference, token) => {
    const answer = await request(`${base}/v2/${repository}/manifests/${reference}`, {
      method: 'HEAD',
      dispatcher: agent,
      headers: { authorization: `Bearer ${token}`, accept: ACCEPT },
      // undici closes the socket after a HEAD unless told not to; keep-alive is the point here.
      reset: false,
    });
    await answer.body.dump();
    return answer.statusCode;
  };
  const tally = {};
  let requests = 3;
  await inParallel(job.images, job.concurrency, async ({ repository, reference }) => {
    let status = await head(repository, reference, anonymous);
    requests++;
    let key = `${status}`;
    if (status === 401) {
      status = await head(repository, reference, credentialed);
      requests++;
      key = `401→${status}`;
    }
    tally[key] = (tally[key] ?? 0) + 1;
  });
  const ms = performance.now() - started;
  await agent.close();
  return { ms, tally, requests };
}

async function checker(job) {
  const lab = await import(pathToFileURL(job.labPath).href);
  const check = lab.createRegistryChecker({
    credentials: lab.parseRegistryAuth(job.authJson, 'bench'),
    insecureRegistries: [],
    // The lab lives on 127.0.0.1, which the network policy refuses unless the vendor allows it; the
    // bare loop talks to one registry with `concurrency` in flight, so the checker may too.
    allowRegistries: [job.host],
    concurrency: job.concurrency,
    perHostConcurrency: job.concurrency,
    logger: { info() {}, debug() {}, warning: (m) => console.error(m) },
  });
  const targets = job.images.map(({ repository, reference }) => ({
    key: `${job.host}/${repository}:${reference}`,
    domain: job.host,
    repository,
    reference,
  }));
  const started = performance.now();
  const verdicts = await check.check(targets);
  const ms = performance.now() - started;
  const stats = check.stats();
  await check.close();
  const tally = {};
  for (const v of verdicts.values()) {
    const key = `${v.status}/${v.credentials}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return { ms, tally, requests: stats.requests, retries: stats.retries };
}

const [mode, jobPath] = process.argv.slice(2);
const job = JSON.parse(readFileSync(jobPath, 'utf8'));
const result =
  mode === 'bare'
    ? await bare(job)
    : mode.startsWith('bare-h2')
      ? await bare(job, true, mode === 'bare-h2-one')
      : await checker(job);
process.stdout.write(`${JSON.stringify(result)}\n`);

// The one HTTP transport of the registry adapter, on undici: one keep-alive Agent with a per-origin
// connection limit and connect/headers/body timeouts; every request keeps its connection (HEAD too:
// undici closes after a HEAD unless told otherwise); requests admitted per host under a global cap
// (host-limiter.ts); redirects followed by hand so `Authorization` is dropped when the origin
// changes; 429 (honouring Retry-After, which pauses the whole host), 5xx and connection resets
// (a server closing an idle keep-alive socket included) retried with capped exponential backoff and
// jitter (backoff.ts), never past the caller's deadline.
import { Agent, type buildConnector, request } from 'undici';
import { backoffMs, retryAfterMs, sleep } from './backoff.js';
import { HostLimiter, type LimiterStats } from './host-limiter.js';
import { POLICY_REFUSED } from './net-policy.js';
import { readBounded } from './response-body.js';

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
  /** Upper bound for everything one image needs (ping, tokens, HEAD/GET, retries, both passes). */
  perImageMs: number;
}

export interface RetryPolicy {
  /** Attempts per request, first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the answer stays 429 (`rate-limited`). */
  maxRetryAfterMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = {
  connectMs: 10_000,
  headersMs: 20_000,
  bodyMs: 20_000,
  perImageMs: 90_000,
};
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

type RequestKind = 'ping' | 'token' | 'head' | 'get';

export interface HttpRequest {
  kind: RequestKind;
  method: 'GET' | 'HEAD' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** Form body of a POST (an OAuth2 token grant). It may hold a secret, so it never leaves the origin. */
  body?: string;
  /** Sent only to the origin of `url`; dropped as soon as a redirect leaves it. */
  authorization?: string;
  /** Epoch milliseconds after which the request fails as a timeout. */
  deadline: number;
  /** Bytes of body to keep (error documents, token responses); the rest is discarded. */
  keepBody: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The host[:port] that gave this answer (after redirects). */
  host: string;
}

/** A request that produced no HTTP answer. `message` names the host and never holds a credential. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Requests in flight at once: in total, and to any one host (also its connection limit). */
export interface ConcurrencyLimits {
  global: number;
  perHost: number;
}

export interface TransportStats extends LimiterStats {
  requests: number;
  byKind: Record<RequestKind, number>;
  retries: number;
  redirects: number;
  byHost: Record<string, number>;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export function describeNetworkError(e: unknown, host: string): NetworkError {
  const code = (e as { code?: unknown } | null)?.code;
  const name = e instanceof Error ? e.name : '';
  // The network policy's refusal already names only the host; it is final, not worth a retry.
  if (code === POLICY_REFUSED && e instanceof Error) return new NetworkError(e.message, false);
  if (code === 'ECONNREFUSED') return new NetworkError(`connection refused to ${host}`, false);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new NetworkError(`DNS lookup failed for ${host}`, false);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
    return new NetworkError(`connection reset by ${host}`, true);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new NetworkError(`connect timeout to ${host}`, true);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new NetworkError(`timed out waiting for ${host}`, true);
  }
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'UND_ERR_ABORTED') {
    return new NetworkError(`time limit reached talking to ${host}`, false);
  }
  if (typeof code === 'string' && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new NetworkError(`TLS error with ${host} (${code})`, false);
  }
  const detail =
    typeof code === 'string' ? code : e instanceof Error ? e.message.slice(0, 120) : 'unknown error';
  return new NetworkError(`network error with ${host} (${detail})`, true);
}

export class Transport {
  private readonly agent: Agent;
  private readonly limiter: HostLimiter;
  private readonly counters: Omit<TransportStats, keyof LimiterStats> = {
    requests: 0,
    byKind: { ping: 0, token: 0, head: 0, get: 0 },
    retries: 0,
    redirects: 0,
    byHost: {},
  };

  /** `limits` as one number: the same limit in total and per host. */
  constructor(
    limits: number | ConcurrencyLimits,
    timeouts: Timeouts,
    private readonly retry: RetryPolicy,
    /** Opens each connection; the network policy's connector (src/registry/net-policy.ts). */
    connector?: buildConnector.connector,
  ) {
    const global = Math.max(1, Math.floor(typeof limits === 'number' ? limits : limits.global));
    const perHost = Math.max(
      1,
      Math.min(global, Math.floor(typeof limits === 'number' ? limits : limits.perHost)),
    );
    this.limiter = new HostLimiter(global, perHost);
    // HTTP/1.1 keep-alive on purpose, HTTP/2 (undici `allowH2`) left off. Measured with
    // `node bench/latency.mjs --h2` (500 HEADs, token registry terminating TLS itself and offering h2,
    // 80 ms RTT, median of 3, shared 2-core machine): at 16 in flight 4.98 s on HTTP/1.1 and 5.08 s on
    // HTTP/2, at 64 1.99 s and 2.02 s, with the same connections and verdicts. Undici opens a
    // connection per waiting request either way, so HTTP/2 saves nothing; on one multiplexed
    // connection it took 8.8 s at both. Not faster, so not worth a second protocol path.
    this.agent = new Agent({
      connections: perHost,
      connect: connector ?? { timeout: timeouts.connectMs },
      headersTimeout: timeouts.headersMs,
      bodyTimeout: timeouts.bodyMs,
      keepAliveTimeout: 30_000,
    });
  }

  stats(): TransportStats {
    return { ...structuredClone(this.counters), ...this.limiter.stats() };
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /** Sends with retries. Returns the final answer (possibly still 429/5xx); throws NetworkError. */
  async send(req: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      let outcome: HttpResponse | NetworkError;
      try {
        outcome = await this.followRedirects(req);
      } catch (e: unknown) {
        if (!(e instanceof NetworkError)) throw e;
        outcome = e;
      }
      const last = attempt + 1 >= this.retry.attempts;
      let delay: number | undefined;
      if (outcome instanceof NetworkError) {
        if (!outcome.retryable || last) throw outcome;
        delay = backoffMs(attempt, this.retry);
      } else {
        if (!RETRY_STATUSES.has(outcome.status) || last) return outcome;
        const wanted = outcome.status === 429 ? retryAfterMs(outcome.headers['retry-after']) : undefined;
        if (wanted !== undefined && wanted > this.retry.maxRetryAfterMs) return outcome;
        // The host asked everyone to wait: hold its other requests too, not just this one.
        if (wanted !== undefined && wanted > 0) this.limiter.pause(outcome.host, Date.now() + wanted);
        delay = wanted ?? backoffMs(attempt, this.retry);
      }
      if (Date.now() + delay >= req.deadline) {
        if (outcome instanceof NetworkError) throw outcome;
        return outcome;
      }
      this.counters.retries++;
      await sleep(delay);
    }
  }

  private async followRedirects(req: HttpRequest): Promise<HttpResponse> {
    const origin = new URL(req.url);
    let url = origin;
    for (let hop = 0; ; hop++) {
      const sameOrigin = url.origin === origin.origin;
      const headers = {
        ...req.headers,
        ...(sameOrigin && req.authorization ? { authorization: req.authorization } : {}),
      };
      const response = await this.once(req, url, headers);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.status) || typeof location !== 'string') return response;
      if (hop >= MAX_REDIRECTS)
        throw new NetworkError(`more than ${MAX_REDIRECTS} redirects from ${origin.host}`, false);
      const next = new URL(location, url);
      // A body can carry a refresh token: it is resent only by a 307/308 to the same origin.
      if (
        req.body !== undefined &&
        (next.origin !== origin.origin || ![307, 308].includes(response.status))
      ) {
        throw new NetworkError(`refusing to follow a redirect of a token request from ${url.host}`, false);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new NetworkError(`redirect from ${url.host} to unsupported scheme ${next.protocol}`, false);
      }
      if (origin.protocol === 'https:' && next.protocol === 'http:') {
        throw new NetworkError(
          `refusing redirect from https://${url.host} to plain http://${next.host}`,
          false,
        );
      }
      this.counters.redirects++;
      url = next;
    }
  }

  private once(req: HttpRequest, url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    return this.limiter.run(url.host, req.deadline, () => this.exchange(req, url, headers));
  }

  private async exchange(req: HttpRequest, url: URL, headers: Record<string, string>): Promise<HttpResponse> {
    const remaining = req.deadline - Date.now();
    if (remaining <= 0) throw new NetworkError(`time limit reached talking to ${url.host}`, false);
    this.counters.requests++;
    this.counters.byKind[req.kind]++;
    this.counters.byHost[url.host] = (this.counters.byHost[url.host] ?? 0) + 1;
    try {
      const response = await request(url, {
        dispatcher: this.agent,
        method: req.method,
        // Keep the connection after a HEAD as after a GET (registries send no body with HEAD).
        reset: false,
        headers: { 'user-agent': 'kots-proxy', ...headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: AbortSignal.timeout(remaining),
      });
      const body = req.method === 'HEAD' ? '' : await readBounded(response.body, req.keepBody);
      if (req.method === 'HEAD') await response.body.dump();
      return { status: response.statusCode, headers: response.headers, body, host: url.host };
    } catch (e: unknown) {
      throw describeNetworkError(e, url.host);
    }
  }
}

export const id = 989;
export const ids = [989];
export const modules = {

/***/ 1989:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_PER_HOST_CONCURRENCY: () => (/* binding */ DEFAULT_PER_HOST_CONCURRENCY),
  createRegistryChecker: () => (/* binding */ createRegistryChecker)
});

// EXTERNAL MODULE: ./.build/options.js
var options = __webpack_require__(8248);
// EXTERNAL MODULE: ./.build/reference.js
var reference = __webpack_require__(9243);
// EXTERNAL MODULE: ./.build/util.js
var util = __webpack_require__(40);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
;// CONCATENATED MODULE: ./.build/registry/backoff.js
// How long the transport waits before retrying a request: the server's Retry-After when it gives one,
// else capped exponential backoff with jitter. Pure apart from `sleep` and the default clock and
// random source, which tests replace.
/** Retry-After as milliseconds (delta-seconds or HTTP date); undefined when absent or unreadable. */
function retryAfterMs(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    if (/^\s*\d+\s*$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** Capped exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
function backoffMs(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return ceiling / 2 + random() * (ceiling / 2);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

;// CONCATENATED MODULE: ./.build/registry/host-limiter.js
// Admission for registry requests: at most `perHost` in flight to any one host, at most `global` in
// flight in total, each host with its own FIFO queue, and a per-host pause that a 429's Retry-After
// sets. A request first waits for its host (its pause, then a host slot) and only then for a global
// slot, so a slow or rate-limited host queues its own requests and never holds slots another host
// could use.

class HostLimiter {
    global;
    perHost;
    active = 0;
    queue = [];
    hosts = new Map();
    counters = { peak: 0, peakByHost: {} };
    constructor(global, perHost) {
        this.global = global;
        this.perHost = perHost;
    }
    /** Runs `work` once admitted. A pause lasting past `deadline` is not waited for. */
    async run(host, deadline, work) {
        const state = this.state(host);
        await this.admitHost(state, deadline);
        if (this.active >= this.global)
            await new Promise((resolve) => this.queue.push(resolve));
        else
            this.active++;
        this.counters.peak = Math.max(this.counters.peak, this.active);
        this.counters.peakByHost[host] = Math.max(this.counters.peakByHost[host] ?? 0, state.active);
        try {
            return await work();
        }
        finally {
            // A freed slot passes straight to the next waiter (the count stays), else it is returned.
            const nextGlobal = this.queue.shift();
            if (nextGlobal)
                nextGlobal();
            else
                this.active--;
            const nextHost = state.queue.shift();
            if (nextHost)
                nextHost();
            else
                state.active--;
        }
    }
    /** No new request goes to `host` before `until` (epoch ms); requests already sent are unaffected. */
    pause(host, until) {
        const state = this.state(host);
        state.pausedUntil = Math.max(state.pausedUntil, until);
    }
    stats() {
        return structuredClone(this.counters);
    }
    async admitHost(state, deadline) {
        if (state.active >= this.perHost)
            await new Promise((resolve) => state.queue.push(resolve));
        else
            state.active++;
        // Holding the host slot while paused keeps the host's queue in order behind the pause.
        for (;;) {
            const wait = state.pausedUntil - Date.now();
            if (wait <= 0 || state.pausedUntil >= deadline)
                return;
            await sleep(wait);
        }
    }
    state(host) {
        let state = this.hosts.get(host);
        if (!state) {
            state = { active: 0, queue: [], pausedUntil: 0 };
            this.hosts.set(host, state);
        }
        return state;
    }
}

// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./.build/registry/net-policy.js
// Which addresses the registry client may connect to. Image hosts and token realms come from the
// pull request, and the runner often sits inside a company network: a host that resolves to a
// loopback, private, link-local, CGNAT, multicast, reserved or unspecified address (IPv4, IPv6 and
// IPv4-mapped/NAT64/6to4 forms) is not contacted unless the vendor allowed it (`--insecure-registry`,
// `--allow-registry`).
//
// The check runs on the connection itself: the connector's `lookup` filters the addresses the socket
// will use (no second lookup a DNS-rebinding answer could differ from), IP literals are checked before
// connecting, and the socket's remote address is checked again once connected. A refusal names only
// the host, never an address or a port state, so it reads the same whether anything listens there.



const V4 = [
    ['0.0.0.0', 8, 'unspecified'],
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'cgnat'],
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'],
    ['172.16.0.0', 12, 'private'],
    ['192.0.0.0', 24, 'reserved'],
    ['192.168.0.0', 16, 'private'],
    ['198.18.0.0', 15, 'reserved'],
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'],
];
const V6 = [
    ['::', 128, 'unspecified'],
    ['::1', 128, 'loopback'],
    ['fc00::', 7, 'private'],
    ['fe80::', 10, 'link-local'],
    ['fec0::', 10, 'private'],
    ['ff00::', 8, 'multicast'],
    ['100::', 64, 'reserved'],
];
const lists = new Map();
for (const [table, family] of [
    [V4, 'ipv4'],
    [V6, 'ipv6'],
]) {
    for (const [net, prefix, cls] of table) {
        const list = lists.get(cls) ?? new external_node_net_.BlockList();
        list.addSubnet(net, prefix, family);
        lists.set(cls, list);
    }
}
/** Expands an IPv6 address to its eight 16-bit groups; undefined when it is not one. */
function groups(ip) {
    let text = ip.toLowerCase();
    const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (dotted) {
        const [a, b, c, d] = dotted[1].split('.').map(Number);
        text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    }
    const [head = '', tail] = text.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
    const all = [...h, ...fill, ...t].map((g) => Number.parseInt(g, 16));
    return all.length === 8 && all.every((g) => g >= 0 && g <= 0xffff) ? all : undefined;
}
/** The IPv4 address an IPv6 address embeds (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16). */
function embeddedV4(ip) {
    const g = groups(ip);
    if (!g)
        return undefined;
    const v4 = (hi, lo) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
    const zero = (n) => g.slice(0, n).every((x) => x === 0);
    if (zero(5) && (g[5] === 0xffff || g[5] === 0) && !(g[5] === 0 && g[6] === 0))
        return v4(g[6], g[7]);
    if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
        return v4(g[6], g[7]);
    if (g[0] === 0x2002)
        return v4(g[1], g[2]);
    return undefined;
}
function classifyAddress(address) {
    const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const family = (0,external_node_net_.isIP)(ip);
    if (family === 0)
        return 'reserved';
    if (family === 6) {
        const v4 = embeddedV4(ip);
        if (v4 !== undefined)
            return classifyAddress(v4);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    for (const [cls, list] of lists)
        if (list.check(ip, type))
            return cls;
    return 'public';
}
/** The error a refused connection fails with; `code` lets the transport map it. */
class PolicyRefusal extends Error {
    name = 'PolicyRefusal';
    code = POLICY_REFUSED;
}
const POLICY_REFUSED = 'E_KOTS_PROXY_NOT_CONTACTED';
const NOT_CONTACTED = 'not contacted: ';
/** The reason text of a refusal: the same for open ports, closed ports and unknown hosts. */
function refusalReason(host) {
    return `${NOT_CONTACTED}${host} is not a public address; allow it with --allow-registry ${host}`;
}
/** Why a token realm from `registry`'s challenge may not be asked, or undefined. Realms are https
 *  unless the registry itself is insecure. A realm on the same host name as an allowed registry
 *  (a token server next to it) is allowed too; any other internal realm stays refused. */
function realmRefusal(realm, registry, insecureRegistry, policy) {
    const plainOk = insecureRegistry && realm.protocol === 'http:';
    if (realm.protocol !== 'https:' && !plainOk) {
        return `${NOT_CONTACTED}token realm ${realm.host} of ${registry} is not https`;
    }
    const registryName = registry.replace(/:\d+$/, '');
    const registryPort = /:(\d+)$/.exec(registry)?.[1] ?? (insecureRegistry ? '80' : '443');
    if (realm.hostname === registryName && policy.isAllowed(registryName, registryPort)) {
        policy.allow(realm.host || realm.hostname);
    }
    return undefined;
}
class NetPolicy {
    allowed = new Set();
    classify;
    resolve;
    ca;
    constructor(options) {
        for (const a of options.allowed)
            this.allow(a);
        this.classify = options.classify ?? classifyAddress;
        this.resolve = options.lookup ?? external_node_dns_.lookup;
        this.ca = options.ca;
    }
    allow(hostPort) {
        this.allowed.add(hostPort.toLowerCase().replace(/^\[|\](?=:|$)/g, ''));
    }
    /** Whether `host` (without brackets) on `port` may use internal addresses. */
    isAllowed(host, port) {
        const h = host.toLowerCase().replace(/^\[|\]$/g, '');
        return this.allowed.has(h) || this.allowed.has(`${h}:${port}`);
    }
    /** An undici connector that enforces the policy on each new connection. */
    connector(timeoutMs) {
        const tls = this.ca === undefined ? {} : { ca: this.ca };
        const plain = (0,undici/* buildConnector */.gU)({ timeout: timeoutMs, lookup: this.resolve, ...tls });
        const filtered = (0,undici/* buildConnector */.gU)({
            timeout: timeoutMs,
            lookup: (h, o, d) => this.filteredLookup(h, o, d),
            ...tls,
        });
        return (opts, callback) => {
            const host = opts.hostname.replace(/^\[|\]$/g, '');
            const port = opts.port || (opts.protocol === 'https:' ? '443' : '80');
            const shown = opts.host ?? (port ? `${opts.hostname}:${port}` : opts.hostname);
            const allowed = this.isAllowed(host, port);
            const refuse = () => callback(new PolicyRefusal(refusalReason(shown)), null);
            if (!allowed && (0,external_node_net_.isIP)(host) && this.classify(host) !== 'public')
                return refuse();
            const connect = allowed ? plain : filtered;
            connect(opts, (err, socket) => {
                if (err instanceof PolicyRefusal)
                    return refuse(); // one wording for every refusal
                if (err || !socket)
                    return callback(err ?? new Error('no socket'), null);
                // The address actually connected to, whatever resolved it.
                const remote = socket.remoteAddress;
                if (!allowed && (remote === undefined || this.classify(remote) !== 'public')) {
                    socket.destroy();
                    return refuse();
                }
                callback(null, socket);
            });
        };
    }
    /** Resolves, then refuses the whole answer if any address is not public: the socket connects only
     *  to addresses this function returned, so what was checked is what is used. */
    filteredLookup(hostname, options, done) {
        const all = options.all === true;
        this.resolve(hostname, { ...options, all: true }, (err, result) => {
            if (err)
                return done(err, '', 0);
            const list = (Array.isArray(result) ? result : [{ address: result, family: 4 }]);
            const first = list[0];
            if (!first || list.some((a) => this.classify(a.address) !== 'public')) {
                return done(new PolicyRefusal(refusalReason(hostname)), '', 0);
            }
            if (all)
                return done(null, list);
            done(null, first.address, first.family);
        });
    }
}

;// CONCATENATED MODULE: ./.build/registry/response-body.js
// Reading an answer's body without trusting its size: registries' manifests and error documents are
// small, so only a bounded prefix is kept and a body far past that is not read at all.
/**
 * Most body bytes read from one answer (kept or drained for connection reuse). Manifests and error
 * documents are small; past this the connection is destroyed rather than read to its end.
 */
const MAX_BODY_BYTES = 1024 * 1024;
/** The first `limit` bytes of `body` as UTF-8; reads on (so the connection can be reused) up to
 *  MAX_BODY_BYTES or `limit`, whichever is larger, and destroys the body past that. */
async function readBounded(body, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        if (size < limit)
            chunks.push(chunk.subarray(0, limit - size));
        size += chunk.length;
        if (size > Math.max(limit, MAX_BODY_BYTES)) {
            // A body this large (or endless) is not worth the bandwidth: drop the connection instead.
            body.destroy();
            break;
        }
    }
    return Buffer.concat(chunks).toString('utf8');
}

;// CONCATENATED MODULE: ./.build/registry/http.js
// The one HTTP transport of the registry adapter, on undici: one keep-alive Agent with a per-origin
// connection limit and connect/headers/body timeouts; every request keeps its connection (HEAD too:
// undici closes after a HEAD unless told otherwise); requests admitted per host under a global cap
// (host-limiter.ts); redirects followed by hand so `Authorization` is dropped when the origin
// changes; 429 (honouring Retry-After, which pauses the whole host), 5xx and connection resets
// (a server closing an idle keep-alive socket included) retried with capped exponential backoff and
// jitter (backoff.ts), never past the caller's deadline.





const DEFAULT_TIMEOUTS = {
    connectMs: 10_000,
    headersMs: 20_000,
    bodyMs: 20_000,
    perImageMs: 90_000,
};
const DEFAULT_RETRY = {
    attempts: 4,
    baseDelayMs: 500,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 30_000,
};
/** A request that produced no HTTP answer. `message` names the host and never holds a credential. */
class NetworkError extends Error {
    retryable;
    name = 'NetworkError';
    constructor(message, retryable) {
        super(message);
        this.retryable = retryable;
    }
}
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
function describeNetworkError(e, host) {
    const code = e?.code;
    const name = e instanceof Error ? e.name : '';
    // The network policy's refusal already names only the host; it is final, not worth a retry.
    if (code === POLICY_REFUSED && e instanceof Error)
        return new NetworkError(e.message, false);
    if (code === 'ECONNREFUSED')
        return new NetworkError(`connection refused to ${host}`, false);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return new NetworkError(`DNS lookup failed for ${host}`, false);
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') {
        return new NetworkError(`connection reset by ${host}`, true);
    }
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
        return new NetworkError(`connect timeout to ${host}`, true);
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
        return new NetworkError(`timed out waiting for ${host}`, true);
    }
    if (name === 'AbortError' || name === 'TimeoutError' || code === 'UND_ERR_ABORTED') {
        return new NetworkError(`time limit reached talking to ${host}`, false);
    }
    if (typeof code === 'string' && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
        return new NetworkError(`TLS error with ${host} (${code})`, false);
    }
    const detail = typeof code === 'string' ? code : e instanceof Error ? e.message.slice(0, 120) : 'unknown error';
    return new NetworkError(`network error with ${host} (${detail})`, true);
}
class Transport {
    retry;
    agent;
    limiter;
    counters = {
        requests: 0,
        byKind: { ping: 0, token: 0, head: 0, get: 0 },
        retries: 0,
        redirects: 0,
        byHost: {},
    };
    /** `limits` as one number: the same limit in total and per host. */
    constructor(limits, timeouts, retry, 
    /** Opens each connection; the network policy's connector (src/registry/net-policy.ts). */
    connector) {
        this.retry = retry;
        const global = Math.max(1, Math.floor(typeof limits === 'number' ? limits : limits.global));
        const perHost = Math.max(1, Math.min(global, Math.floor(typeof limits === 'number' ? limits : limits.perHost)));
        this.limiter = new HostLimiter(global, perHost);
        // HTTP/1.1 keep-alive on purpose, HTTP/2 (undici `allowH2`) left off. Measured with
        // `node bench/latency.mjs --h2` (500 HEADs, token registry terminating TLS itself and offering h2,
        // 80 ms RTT, median of 3, shared 2-core machine): at 16 in flight 4.98 s on HTTP/1.1 and 5.08 s on
        // HTTP/2, at 64 1.99 s and 2.02 s, with the same connections and verdicts. Undici opens a
        // connection per waiting request either way, so HTTP/2 saves nothing; on one multiplexed
        // connection it took 8.8 s at both. Not faster, so not worth a second protocol path.
        this.agent = new undici/* Agent */.g6({
            connections: perHost,
            connect: connector ?? { timeout: timeouts.connectMs },
            headersTimeout: timeouts.headersMs,
            bodyTimeout: timeouts.bodyMs,
            keepAliveTimeout: 30_000,
        });
    }
    stats() {
        return { ...structuredClone(this.counters), ...this.limiter.stats() };
    }
    close() {
        return this.agent.close();
    }
    /** Sends with retries. Returns the final answer (possibly still 429/5xx); throws NetworkError. */
    async send(req) {
        for (let attempt = 0;; attempt++) {
            let outcome;
            try {
                outcome = await this.followRedirects(req);
            }
            catch (e) {
                if (!(e instanceof NetworkError))
                    throw e;
                outcome = e;
            }
            const last = attempt + 1 >= this.retry.attempts;
            let delay;
            if (outcome instanceof NetworkError) {
                if (!outcome.retryable || last)
                    throw outcome;
                delay = backoffMs(attempt, this.retry);
            }
            else {
                if (!RETRY_STATUSES.has(outcome.status) || last)
                    return outcome;
                const wanted = outcome.status === 429 ? retryAfterMs(outcome.headers['retry-after']) : undefined;
                if (wanted !== undefined && wanted > this.retry.maxRetryAfterMs)
                    return outcome;
                // The host asked everyone to wait: hold its other requests too, not just this one.
                if (wanted !== undefined && wanted > 0)
                    this.limiter.pause(outcome.host, Date.now() + wanted);
                delay = wanted ?? backoffMs(attempt, this.retry);
            }
            if (Date.now() + delay >= req.deadline) {
                if (outcome instanceof NetworkError)
                    throw outcome;
                return outcome;
            }
            this.counters.retries++;
            await sleep(delay);
        }
    }
    async followRedirects(req) {
        const origin = new URL(req.url);
        let url = origin;
        for (let hop = 0;; hop++) {
            const sameOrigin = url.origin === origin.origin;
            const headers = {
                ...req.headers,
                ...(sameOrigin && req.authorization ? { authorization: req.authorization } : {}),
            };
            const response = await this.once(req, url, headers);
            const location = response.headers.location;
            if (!REDIRECT_STATUSES.has(response.status) || typeof location !== 'string')
                return response;
            if (hop >= MAX_REDIRECTS)
                throw new NetworkError(`more than ${MAX_REDIRECTS} redirects from ${origin.host}`, false);
            const next = new URL(location, url);
            // A body can carry a refresh token: it is resent only by a 307/308 to the same origin.
            if (req.body !== undefined &&
                (next.origin !== origin.origin || ![307, 308].includes(response.status))) {
                throw new NetworkError(`refusing to follow a redirect of a token request from ${url.host}`, false);
            }
            if (next.protocol !== 'http:' && next.protocol !== 'https:') {
                throw new NetworkError(`redirect from ${url.host} to unsupported scheme ${next.protocol}`, false);
            }
            if (origin.protocol === 'https:' && next.protocol === 'http:') {
                throw new NetworkError(`refusing redirect from https://${url.host} to plain http://${next.host}`, false);
            }
            this.counters.redirects++;
            url = next;
        }
    }
    once(req, url, headers) {
        return this.limiter.run(url.host, req.deadline, () => this.exchange(req, url, headers));
    }
    async exchange(req, url, headers) {
        const remaining = req.deadline - Date.now();
        if (remaining <= 0)
            throw new NetworkError(`time limit reached talking to ${url.host}`, false);
        this.counters.requests++;
        this.counters.byKind[req.kind]++;
        this.counters.byHost[url.host] = (this.counters.byHost[url.host] ?? 0) + 1;
        try {
            const response = await (0,undici/* request */.Em)(url, {
                dispatcher: this.agent,
                method: req.method,
                // Keep the connection after a HEAD as after a GET (registries send no body with HEAD).
                reset: false,
                headers: { 'user-agent': 'kots-proxy', ...headers },
                ...(req.body !== undefined ? { body: req.body } : {}),
                signal: AbortSignal.timeout(remaining),
            });
            const body = req.method === 'HEAD' ? '' : await readBounded(response.body, req.keepBody);
            if (req.method === 'HEAD')
                await response.body.dump();
            return { status: response.statusCode, headers: response.headers, body, host: url.host };
        }
        catch (e) {
            throw describeNetworkError(e, url.host);
        }
    }
}

;// CONCATENATED MODULE: ./.build/registry/tokens.js

const ANONYMOUS = { id: 'anonymous' };
/** Longest realm URL we build; proxies and token servers commonly cap request lines near 8 KiB. */
const MAX_URL_LENGTH = 6_000;
const DEFAULT_EXPIRES_S = 60;
/** Longest lifetime believed: a token claiming more (1e308 s) is still renewed after an hour. */
const MAX_EXPIRES_S = 3_600;
/** Token responses are a JWT or an opaque string in a small JSON object; more than this is not one. */
const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
/** Tokens are renewed this long before they expire, so a request never carries a dying token. */
const RENEW_MARGIN_MS = 5_000;
/** Answers of the GET form that refuse the credential (anonymous: the scope is not public). */
const REFUSED = new Set([401, 403]);
function scopeFor(repository) {
    return `repository:${repository}:pull`;
}
/** Parses a token response body. Exported for tests. */
function parseTokenResponse(body) {
    let value;
    try {
        value = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (typeof value !== 'object' || value === null)
        return undefined;
    const record = value;
    const token = typeof record.token === 'string' && record.token !== '' ? record.token : record.access_token;
    if (typeof token !== 'string' || token === '')
        return undefined;
    const expires = record.expires_in;
    const expiresInS = typeof expires === 'number' && Number.isFinite(expires) && expires > 0
        ? Math.min(expires, MAX_EXPIRES_S)
        : DEFAULT_EXPIRES_S;
    return { token, expiresInS };
}
/** Scopes a JWT says it grants (`access` claim), or undefined for opaque tokens. Not verified: a hint only. */
function grantedScopes(token) {
    const payload = token.split('.')[1];
    if (payload === undefined)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (!Array.isArray(claims.access))
            return undefined;
        const scopes = new Set();
        for (const entry of claims.access) {
            if (entry.type === 'repository' && typeof entry.name === 'string' && Array.isArray(entry.actions)) {
                if (entry.actions.includes('pull'))
                    scopes.add(scopeFor(entry.name));
            }
        }
        return scopes;
    }
    catch {
        return undefined;
    }
}
class TokenBroker {
    transport;
    onToken;
    cache = new Map();
    planned = new Map();
    /** Realms (realm|service) known to ignore or refuse batched scopes. */
    singleScopeRealms = new Set();
    /** Realms known to honour batched scopes. */
    batchingRealms = new Set();
    constructor(transport, onToken) {
        this.transport = transport;
        this.onToken = onToken;
    }
    /** Announces scopes that will be asked for, so they are fetched together. */
    plan(realm, identity, scopes) {
        const base = this.tokenUrl(realm, []).length;
        let batch = [];
        let length = base;
        const flush = () => {
            for (const scope of batch)
                this.planned.set(this.key(realm, identity, scope), batch);
            batch = [];
            length = base;
        };
        for (const scope of [...new Set(scopes)].sort()) {
            if (this.cache.has(this.key(realm, identity, scope)))
                continue;
            const added = scope.length + 8;
            if (batch.length > 0 && length + added > MAX_URL_LENGTH)
                flush();
            batch.push(scope);
            length += added;
        }
        flush();
    }
    /** A token for one scope, from the cache, its planned batch, or a request of its own (`single`). */
    token(realm, identity, scope, deadline, single = false) {
        const key = this.key(realm, identity, scope);
        const cached = this.cache.get(key);
        if (cached && cached.expiresAt > Date.now() && (cached.single || !single))
            return cached.outcome;
        const realmKey = `${realm.realm}|${realm.service ?? ''}`;
        const batch = single || this.singleScopeRealms.has(realmKey) ? undefined : this.planned.get(key);
        const scopes = batch ?? [scope];
        for (const s of scopes)
            this.planned.delete(this.key(realm, identity, s));
        // While the request is in flight the entry never expires, so concurrent callers share it.
        const entry = {
            outcome: this.fetch(realm, identity, scopes, deadline),
            expiresAt: Infinity,
            single: scopes.length === 1,
        };
        entry.outcome = entry.outcome.then((outcome) => {
            const refusedBatch = outcome.kind === 'refused' && scopes.length > 1;
            if (refusedBatch)
                this.singleScopeRealms.add(realmKey);
            // Refusals and failures are kept as long as a default token: asking again per tag would only
            // repeat the answer. A refused batch is not kept: its scopes are asked for one by one.
            const lifetime = outcome.kind === 'token' ? outcome.lifetimeMs : DEFAULT_EXPIRES_S * 1000 - RENEW_MARGIN_MS;
            entry.expiresAt = refusedBatch ? 0 : Date.now() + lifetime;
            return outcome;
        });
        for (const s of scopes)
            this.cache.set(this.key(realm, identity, s), entry);
        return entry.outcome.then((outcome) => outcome.kind === 'refused' && scopes.length > 1
            ? this.token(realm, identity, scope, deadline, true)
            : outcome);
    }
    /**
     * What to do about a denial under a batched token: `trust` it when the realm has shown it honours
     * batches (a JWT granting two or more scopes); `single` when the realm is known to ignore them
     * (fetch a single-scope token); `confirm` when nobody knows yet: the caller then asks alone and
     * reports with endConfirmation. Only a single-scope success teaches something about the realm; a
     * single-scope denial settles that one repository only (it may simply be private), so concurrent
     * denials each confirm for themselves rather than trust it.
     */
    async batchDenial(realm, outcome) {
        if (outcome.batchSize <= 1)
            return 'trust';
        const realmKey = `${realm.realm}|${realm.service ?? ''}`;
        if (this.batchingRealms.has(realmKey))
            return 'trust';
        if (this.singleScopeRealms.has(realmKey))
            return 'single';
        if ((grantedScopes(outcome.token)?.size ?? 0) >= 2) {
            this.batchingRealms.add(realmKey);
            return 'trust';
        }
        return 'confirm';
    }
    /** Ends a confirmation with the status the registry gave the single-scope token (undefined: no answer). */
    endConfirmation(realm, status) {
        // Granted alone but denied in a batch: the realm ignores batched scopes.
        if (status !== undefined && status >= 200 && status < 300) {
            this.singleScopeRealms.add(`${realm.realm}|${realm.service ?? ''}`);
        }
    }
    key(realm, identity, scope) {
        return `${realm.registry ?? ''}|${realm.realm}|${realm.service ?? ''}|${identity.id}|${scope}`;
    }
    tokenUrl(realm, scopes) {
        const url = new URL(realm.realm);
        if (realm.service !== undefined)
            url.searchParams.append('service', realm.service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        return url.toString();
    }
    async fetch(realm, identity, scopes, deadline) {
        const request = identity.grant
            ? identity.grant.request(realm, scopes)
            : {
                method: 'GET',
                url: this.tokenUrl(realm, scopes),
                headers: { accept: 'application/json' },
                authorization: identity.basicAuthorization,
            };
        const refused = identity.grant?.refusedStatuses ?? REFUSED;
        const host = new URL(request.url).host;
        try {
            const response = await this.transport.send({
                kind: 'token',
                ...request,
                deadline,
                keepBody: MAX_TOKEN_RESPONSE_BYTES,
            });
            if (refused.has(response.status)) {
                return { kind: 'refused', reason: `${response.status} from ${host} token endpoint` };
            }
            if (response.status === 429) {
                return {
                    kind: 'failed',
                    status: 'rate-limited',
                    reason: `429 from ${host} token endpoint after retries`,
                };
            }
            if (response.status < 200 || response.status > 299) {
                return {
                    kind: 'failed',
                    status: 'unreachable',
                    reason: `${response.status} from ${host} token endpoint`,
                };
            }
            const parsed = parseTokenResponse(response.body);
            if (!parsed)
                return { kind: 'failed', status: 'unreachable', reason: `invalid token response from ${host}` };
            this.onToken(parsed.token);
            const lifetimeMs = Math.max(0, parsed.expiresInS * 1000 - RENEW_MARGIN_MS);
            return { kind: 'token', token: parsed.token, batchSize: scopes.length, lifetimeMs };
        }
        catch (e) {
            if (e instanceof NetworkError)
                return { kind: 'failed', status: 'unreachable', reason: e.message };
            throw e;
        }
    }
}

;// CONCATENATED MODULE: ./.build/registry/auth/basic.js
const basicHeader = (username, password) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
function basicAuthenticator(credential, host) {
    const header = basicHeader(credential.username, credential.password);
    return {
        kind: 'basic',
        identity: { id: `credentials:${host}:${credential.username}`, basicAuthorization: header },
        registryAuthorization: header,
    };
}
/** A Basic challenge is answered with whatever the credential sends the registry itself; anonymous
 *  (and a credential with nothing for the registry) cannot answer it and goes out without. */
const BASIC = {
    answer: async (_challenge, who) => who.registryAuthorization !== undefined ? { header: who.registryAuthorization } : {},
};

// EXTERNAL MODULE: ./node_modules/tldts/dist/cjs/index.js
var cjs = __webpack_require__(935);
;// CONCATENATED MODULE: ./.build/registry/realm-policy.js
// Which token realms may receive a registry's Basic credential (credentials go only to the host they
// belong to; the token protocol sends them to the registry's realm). Sites come from the Public Suffix
// List (tldts, private section included), so tenants of a shared suffix (`github.io`, `co.uk`,
// `herokuapp.com`) are different sites.

/** Registry platforms whose customers are subdomains of one registrable domain, yet which are not on
 *  the Public Suffix List. Their realms live on the tenant's own host, so only the exact host counts. */
const REGISTRY_PLATFORMS = new Set(['jfrog.io', 'azurecr.io', 'pkg.dev', 'amazonaws.com']);
function site(host) {
    const domain = (0,cjs/* getDomain */.FB)(host, { allowPrivateDomains: true });
    return domain === null || REGISTRY_PLATFORMS.has(domain) ? undefined : domain;
}
/** Whether a token realm may receive a registry's credentials: the same host, or, for DNS names, the
 *  same site (Docker Hub: registry-1.docker.io → auth.docker.io; GitLab: registry.gitlab.com →
 *  gitlab.com). IP addresses and single-label hosts must match exactly. */
function sameSite(realmHostname, registryHost) {
    const strip = (h) => h
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/\.$/, '');
    const realm = strip(realmHostname);
    const registry = strip(registryHost.replace(/:\d+$/, ''));
    if (realm === registry)
        return true;
    const isIp = (h) => h.includes(':') || /^\d+(\.\d+){3}$/.test(h);
    if (isIp(realm) || isIp(registry))
        return false;
    const a = site(realm);
    return a !== undefined && a === site(registry);
}

;// CONCATENATED MODULE: ./.build/registry/auth/scheme.js
/** The token realm named by a Bearer challenge; a token answers only the registry that asked. */
function realmOf(challenge, registry) {
    return { realm: challenge.params.realm, service: challenge.params.service, registry };
}
/** A refused or failed token request as the probe's result. */
function tokenFailure(outcome, suffix) {
    if (outcome.kind === 'refused')
        return { kind: 'denied', reason: `${outcome.reason}${suffix}` };
    return { kind: 'failed', status: outcome.status, reason: `${outcome.reason}${suffix}` };
}

;// CONCATENATED MODULE: ./.build/registry/auth/bearer.js
// Bearer challenges (distribution token protocol): ask the challenge's realm for a token for the
// repository's pull scope, through the token broker (cache, batches). Credentials go to a realm only
// if it is https (or the registry is an insecure one), the network policy allows it, and it is the
// registry's own host or site (realm-policy.ts); otherwise the credentialed pass is withheld.



const BEARER = {
    plan(challenge, who, repositories, context) {
        if (who.bearerAuthorization !== undefined)
            return;
        context.broker.plan(realmOf(challenge, context.registry), who.identity, repositories.map(scopeFor));
    },
    async answer(challenge, who, context) {
        // A registry token is the bearer itself: it goes to the registry, never to a realm.
        if (who.bearerAuthorization !== undefined)
            return { header: who.bearerAuthorization };
        const { registry, repository, suffix } = context;
        const realm = realmOf(challenge, registry);
        const realmUrl = new URL(realm.realm);
        const refused = context.realmRefusal(realmUrl);
        if (refused !== undefined)
            return { kind: 'failed', status: 'unreachable', reason: refused };
        const credentialed = who.kind !== 'anonymous';
        if (credentialed && realmUrl.protocol === 'http:' && !context.origin.startsWith('http:')) {
            return {
                kind: 'failed',
                status: 'unreachable',
                reason: `token realm ${realmUrl.host} of ${registry} is plain http`,
            };
        }
        if (credentialed && !sameSite(realmUrl.hostname, registry)) {
            return {
                kind: 'withheld',
                reason: `token realm ${realmUrl.host} is outside the domain of ${registry}, so the credentials were not sent there`,
            };
        }
        const scope = challenge.params.scope?.includes(`:${repository}:`)
            ? challenge.params.scope
            : scopeFor(repository);
        const token = await context.broker.token(realm, who.identity, scope, context.deadline);
        if (token.kind !== 'token')
            return tokenFailure(token, suffix);
        return { header: `Bearer ${token.token}`, token, realm };
    },
};

// EXTERNAL MODULE: ./.build/registry/auth/credentials.js + 1 modules
var auth_credentials = __webpack_require__(9209);
;// CONCATENATED MODULE: ./.build/registry/auth/identity-token.js
/** OAuth2 names the client; registries log it. */
const CLIENT_ID = 'kots-proxy';
function refreshGrant(refreshToken) {
    return {
        request(realm, scopes) {
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
            if (realm.service !== undefined)
                form.set('service', realm.service);
            // OAuth2 scopes are one space-delimited parameter (RFC 6749 §3.3).
            if (scopes.length > 0)
                form.set('scope', scopes.join(' '));
            form.set('client_id', CLIENT_ID);
            return {
                method: 'POST',
                url: realm.realm,
                headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
            };
        },
        // RFC 6749 §5.2: an invalid or expired refresh token is `400 invalid_grant`.
        refusedStatuses: new Set([400, 401, 403]),
    };
}
function identityTokenAuthenticator(credential, host) {
    return {
        kind: 'identity-token',
        identity: {
            id: `identity-token:${host}:${credential.username}`,
            grant: refreshGrant(credential.identityToken),
        },
    };
}

;// CONCATENATED MODULE: ./.build/registry/auth/registry-token.js
function registryTokenAuthenticator(credential, host) {
    const header = `Bearer ${credential.registryToken}`;
    return {
        kind: 'registry-token',
        identity: { id: `registry-token:${host}` },
        registryAuthorization: header,
        bearerAuthorization: header,
    };
}

;// CONCATENATED MODULE: ./.build/registry/auth/index.js






const SCHEMES = { basic: BASIC, bearer: BEARER };
const AUTHENTICATORS = {
    basic: basicAuthenticator,
    'identity-token': identityTokenAuthenticator,
    'registry-token': registryTokenAuthenticator,
};
/** The first pass: no credential at all. */
const ANONYMOUS_AUTHENTICATOR = { kind: 'anonymous', identity: ANONYMOUS };
/** The credentialed pass's Authenticator for a registry host, or undefined when it has no credential. */
function authenticatorFor(credentials, host) {
    const credential = (0,auth_credentials/* credentialFor */.FX)(credentials, host);
    if (credential === undefined)
        return undefined;
    const make = AUTHENTICATORS[credential.kind];
    return make(credential, host);
}
/** The scheme that answers a challenge (pickChallenge only offers schemes listed here). */
function schemeFor(challenge) {
    return Object.hasOwn(SCHEMES, challenge.scheme) ? SCHEMES[challenge.scheme] : undefined;
}

// EXTERNAL MODULE: ./.build/registry/auth.js
var auth = __webpack_require__(7956);
;// CONCATENATED MODULE: ./.build/registry/budget.js
// Bounds on what one run may spend on registries, whatever the pull request names: distinct
// registries, requests, and an overall deadline for the registry phase. Images past a bound are not
// checked (`unknown`, credentials `not-checked`) with a reason, and the run goes on to its report.

const DEFAULT_BUDGET = { maxRegistries: 32, maxRequests: 2_000, timeoutMs: 120_000 };
/** Reasons of verdicts that were not checked; the checker maps them to `unknown` / `not-checked`. */
const NOT_CHECKED = 'not checked: ';
function registryCapReason(max) {
    return `${NOT_CHECKED}more than ${max} distinct registries in this run`;
}
function timeoutReason(timeoutMs) {
    return `${NOT_CHECKED}the registry phase reached its time limit (--timeout ${Math.round(timeoutMs / 1000)} s)`;
}
function requestCapReason(max) {
    return `${NOT_CHECKED}this run reached its limit of ${max} registry requests`;
}
/** A Transport that refuses to send past the request budget or the phase deadline. */
class BudgetedTransport extends Transport {
    budget;
    phaseDeadline;
    sent = 0;
    constructor(limits, timeouts, retry, connector, budget, 
    /** Epoch milliseconds when the registry phase ends. */
    phaseDeadline) {
        super(limits, timeouts, retry, connector);
        this.budget = budget;
        this.phaseDeadline = phaseDeadline;
    }
    send(req) {
        if (Date.now() >= this.phaseDeadline) {
            return Promise.reject(new NetworkError(timeoutReason(this.budget.timeoutMs), false));
        }
        if (this.sent >= this.budget.maxRequests) {
            return Promise.reject(new NetworkError(requestCapReason(this.budget.maxRequests), false));
        }
        this.sent++;
        return super.send({ ...req, deadline: Math.min(req.deadline, this.phaseDeadline) });
    }
}

;// CONCATENATED MODULE: ./.build/registry/challenge.js
// `WWW-Authenticate` parsing (RFC 9110 §11.6.1): one header may hold several challenges, parameter
// values may be quoted strings containing commas, and scheme and parameter names are case-insensitive.
// Pure. A malformed header raises ChallengeError (never quoting it: a registry may echo credentials
// there); callers classify that as `unreachable`.
class ChallengeError extends Error {
    name = 'ChallengeError';
}
const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
/** Parses every challenge in one or more header values, in order. */
function parseChallenges(headers) {
    const values = Array.isArray(headers) ? headers : [headers];
    return values.flatMap(parseOne);
}
function parseOne(header) {
    const fail = (why) => {
        // The header is never quoted: a hostile registry may echo the request's Authorization in it.
        throw new ChallengeError(`malformed WWW-Authenticate header: ${why}`);
    };
    let i = 0;
    const skipSpace = () => {
        while (header[i] === ' ' || header[i] === '\t')
            i++;
    };
    const token = () => {
        const start = i;
        while (i < header.length && TOKEN_CHAR.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    const quoted = () => {
        i++; // opening quote
        let out = '';
        while (i < header.length && header[i] !== '"') {
            if (header[i] === '\\')
                i++;
            if (i < header.length)
                out += header[i++];
        }
        if (header[i] !== '"')
            fail('unterminated quoted string');
        i++;
        return out;
    };
    /** True when the text at i is `name =` (a parameter), false when it is a new challenge's scheme. */
    const atParameter = () => {
        const save = i;
        const name = token();
        skipSpace();
        let result = name !== '' && header[i] === '=';
        if (result) {
            // `abc==` is token68 padding, not `abc=` followed by a value.
            i++;
            skipSpace();
            result = i < header.length && header[i] !== '=' && header[i] !== ',';
        }
        i = save;
        return result;
    };
    const challenges = [];
    for (;;) {
        while (header[i] === ',' || header[i] === ' ' || header[i] === '\t')
            i++;
        if (i >= header.length)
            break;
        const scheme = token();
        if (scheme === '')
            fail(`unexpected ${JSON.stringify(header[i])} at position ${i}`);
        // A null-prototype map: a parameter may be called `constructor` or `__proto__`.
        const challenge = {
            scheme: scheme.toLowerCase(),
            params: Object.create(null),
        };
        challenges.push(challenge);
        skipSpace();
        // token68 form (`Negotiate abc==`): no parameters follow.
        if (i < header.length && header[i] !== ',' && !atParameter()) {
            const start = i;
            while (i < header.length && TOKEN68_CHAR.test(header[i]))
                i++;
            while (header[i] === '=')
                i++;
            if (i === start)
                fail(`unexpected ${JSON.stringify(header[i])} at position ${i}`);
            challenge.params.token68 = header.slice(start, i);
            skipSpace();
            if (i < header.length && header[i] !== ',')
                fail(`unexpected text at position ${i}`);
            continue;
        }
        // auth-params: name=value pairs separated by commas, until a token that is not followed by "=".
        for (;;) {
            while (header[i] === ',' || header[i] === ' ' || header[i] === '\t')
                i++;
            if (i >= header.length || !atParameter())
                break;
            const name = token().toLowerCase();
            skipSpace();
            i++; // "="
            skipSpace();
            const value = header[i] === '"' ? quoted() : token();
            if (Object.hasOwn(challenge.params, name))
                fail(`parameter "${name}" given twice`);
            challenge.params[name] = value;
            skipSpace();
            if (i < header.length && header[i] !== ',')
                fail(`expected "," at position ${i}`);
        }
    }
    if (challenges.length === 0)
        fail('no challenge');
    return challenges;
}
/**
 * The challenge to answer: Bearer (needs a realm) before Basic. Returns undefined when neither is
 * offered; throws ChallengeError for a Bearer challenge without a usable realm.
 */
function pickChallenge(challenges, _header) {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer) {
        const realm = bearer.params.realm ?? '';
        if (!/^https?:\/\/[^/\s]+/i.test(realm)) {
            throw new ChallengeError('Bearer challenge without an http(s) realm');
        }
        return bearer;
    }
    return challenges.find((c) => c.scheme === 'basic');
}

;// CONCATENATED MODULE: ./.build/registry/client.js
// One registry origin speaking the distribution protocol (the OCI distribution spec): a single shared `/v2/` ping,
// then per image a manifest HEAD with all four Accept types, answering whatever challenge the registry
// poses through the auth seam (auth/: an AuthScheme per challenge scheme, an Authenticator per
// credential form), and a GET only when the HEAD answer cannot explain itself.
// Returns a ProbeResult; the checker turns results into verdicts.





const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const NAME_ERRORS = new Set([
    'NAME_UNKNOWN',
    'MANIFEST_UNKNOWN',
    'NAME_INVALID',
    'TAG_INVALID',
    'MANIFEST_INVALID',
]);
/** The first error code of a distribution error document, if the body is one. */
function errorCode(body) {
    try {
        const doc = JSON.parse(body);
        const code = doc.errors?.[0]?.code;
        return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined;
    }
    catch {
        return undefined;
    }
}
class RegistrySession {
    transport;
    broker;
    origin;
    host;
    realmRefusal;
    pinged;
    constructor(transport, broker, 
    /** `http://host:port` or `https://host`. */
    origin, 
    /** host[:port] as shown in reasons. */
    host, 
    /** Why a realm from this registry's challenge may not be asked (network policy), if so. */
    realmRefusal = () => undefined) {
        this.transport = transport;
        this.broker = broker;
        this.origin = origin;
        this.host = host;
        this.realmRefusal = realmRefusal;
    }
    /** `GET /v2/` once per session (anonymous; credentials are never needed to read a challenge). */
    ping(deadline) {
        this.pinged ??= this.doPing(deadline);
        return this.pinged;
    }
    /** Announces the repositories that `who` will ask about, so their tokens are batched. */
    async planTokens(repositories, who, deadline) {
        const ping = await this.ping(deadline);
        if (ping.kind !== 'challenge')
            return;
        schemeFor(ping.challenge)?.plan?.(ping.challenge, who, repositories, this.context('', deadline, ''));
    }
    async probe(repository, reference, who, deadline) {
        const ping = await this.ping(deadline);
        if (ping.kind === 'failed')
            return ping;
        const identity = who.identity;
        const credentialed = who.kind !== 'anonymous';
        const suffix = credentialed ? ' with credentials' : '';
        const context = this.context(repository, deadline, suffix);
        const url = `${this.origin}/v2/${repository}/manifests/${reference}`;
        let answer = {};
        if (ping.kind === 'challenge') {
            answer = await this.answer(ping.challenge, who, context);
        }
        else if (who.registryAuthorization !== undefined) {
            answer = { header: who.registryAuthorization };
        }
        if ('kind' in answer)
            return answer;
        try {
            let head = await this.manifest('HEAD', url, answer.header, deadline);
            // A challenge naming this repository (e.g. an open /v2/ but a protected repository): answer it once.
            if (head.status === 401 && head.headers['www-authenticate'] && !answer.header?.startsWith('Bearer ')) {
                const challenge = this.challengeIn(head);
                const sentBasic = answer.header !== undefined;
                if (challenge && !(challenge.scheme === 'basic' && (sentBasic || !credentialed))) {
                    const next = await this.answer(challenge, who, context);
                    if ('kind' in next)
                        return next;
                    answer = next;
                    head = await this.manifest('HEAD', url, answer.header, deadline);
                }
            }
            // A denial under a batched token may only mean the realm ignored the extra scopes: confirm alone.
            const decision = head.status === 401 && answer.token && answer.realm
                ? await this.broker.batchDenial(answer.realm, answer.token)
                : 'trust';
            if (decision !== 'trust' && answer.realm) {
                const realm = answer.realm;
                let status;
                try {
                    const single = await this.broker.token(realm, identity, scopeFor(repository), deadline, true);
                    if (single.kind !== 'token')
                        return tokenFailure(single, suffix);
                    answer = { header: `Bearer ${single.token}` };
                    head = await this.manifest('HEAD', url, answer.header, deadline);
                    status = head.status;
                }
                finally {
                    if (decision === 'confirm')
                        this.broker.endConfirmation(realm, status);
                }
            }
            return await this.classify(head, url, answer.header, deadline, suffix);
        }
        catch (e) {
            return this.unreachable(e);
        }
    }
    async classify(head, url, authorization, deadline, suffix) {
        const { status } = head;
        if (status >= 200 && status < 300 && head.headers['docker-content-digest'])
            return { kind: 'found' };
        if (status === 401 || status === 403 || status === 429 || status >= 500)
            return this.explain(head, suffix);
        // A 2xx without a digest proved little: ask for the manifest itself. On 404 and other answers the
        // error document (only a GET carries one) says what is missing.
        const get = await this.manifest('GET', url, authorization, deadline);
        return get.status >= 200 && get.status < 300 ? { kind: 'found' } : this.explain(get, suffix);
    }
    /** A network failure or a malformed challenge as an unreachable registry; anything else is rethrown. */
    unreachable(e) {
        if (e instanceof NetworkError)
            return { kind: 'failed', status: 'unreachable', reason: e.message };
        if (e instanceof ChallengeError)
            return { kind: 'failed', status: 'unreachable', reason: `${e.message} from ${this.host}` };
        throw e;
    }
    explain(response, suffix) {
        const { status } = response;
        const code = errorCode(response.body);
        const from = `from ${response.host}`;
        if (status === 401 || status === 403) {
            const challengeError = this.challengeErrorParam(response);
            const detail = challengeError ?? code ?? (status === 401 ? 'authentication required' : 'denied');
            return { kind: 'denied', reason: `${status} ${from}${suffix} (${detail})` };
        }
        if (status === 429)
            return { kind: 'failed', status: 'rate-limited', reason: `429 ${from}${suffix} after retries` };
        if (status >= 500)
            return { kind: 'failed', status: 'unreachable', reason: `${status} ${from}${suffix}` };
        if (status === 404 || (code !== undefined && NAME_ERRORS.has(code))) {
            return { kind: 'missing', reason: `${status}${code ? ` ${code}` : ''} ${from}${suffix}` };
        }
        return {
            kind: 'failed',
            status: 'unreachable',
            reason: `unexpected ${status}${code ? ` ${code}` : ''} ${from}${suffix}`,
        };
    }
    challengeErrorParam(response) {
        const header = response.headers['www-authenticate'];
        if (!header)
            return undefined;
        try {
            const error = parseChallenges(header).find((c) => c.params.error)?.params.error;
            return error && /^[\w.-]{1,60}$/.test(error) ? error : undefined;
        }
        catch {
            return undefined;
        }
    }
    /** The challenge a 401 asks us to answer (pickChallenge); throws ChallengeError when malformed. */
    challengeIn(response) {
        const header = response.headers['www-authenticate'] ?? '';
        return pickChallenge(parseChallenges(header), header);
    }
    context(repository, deadline, suffix) {
        return {
            registry: this.host,
            origin: this.origin,
            repository,
            deadline,
            suffix,
            broker: this.broker,
            realmRefusal: this.realmRefusal,
        };
    }
    answer(challenge, who, context) {
        // pickChallenge offers only schemes the seam answers; anything else goes out unauthorised.
        return schemeFor(challenge)?.answer(challenge, who, context) ?? Promise.resolve({});
    }
    manifest(method, url, authorization, deadline) {
        return this.transport.send({
            kind: method === 'HEAD' ? 'head' : 'get',
            method,
            url,
            headers: { accept: MANIFEST_ACCEPT },
            authorization,
            deadline,
            keepBody: method === 'GET' ? 64 * 1024 : 0,
        });
    }
    async doPing(deadline) {
        const url = `${this.origin}/v2/`;
        try {
            const response = await this.transport.send({
                kind: 'ping',
                method: 'GET',
                url,
                headers: {},
                deadline,
                keepBody: 0,
            });
            if (response.status >= 200 && response.status < 300)
                return { kind: 'open' };
            if (response.status === 401) {
                const challenge = this.challengeIn(response);
                if (challenge)
                    return { kind: 'challenge', challenge };
                return {
                    kind: 'failed',
                    status: 'unreachable',
                    reason: `401 from ${this.host} without a Basic or Bearer challenge`,
                };
            }
            if (response.status === 429)
                return { kind: 'failed', status: 'rate-limited', reason: `429 from ${this.host} after retries` };
            return {
                kind: 'failed',
                status: 'unreachable',
                reason: `${response.status} from ${this.host} at /v2/`,
            };
        }
        catch (e) {
            return this.unreachable(e);
        }
    }
}

;// CONCATENATED MODULE: ./.build/registry/verdict.js
/** Combines the two passes into the verdict of docs/interface.md. */
function verdictOf(anonymous, credentialed) {
    if (anonymous.kind === 'found')
        return { status: 'public', credentials: 'not-checked' };
    if (credentialed === undefined) {
        return { status: statusOf(anonymous), credentials: 'none', reason: anonymous.reason };
    }
    switch (credentialed.kind) {
        case 'found':
            // Anonymous failed to prove anything; the image is not public as far as anyone can tell.
            return {
                status: anonymous.kind === 'failed' ? anonymous.status : 'private',
                credentials: 'ok',
                reason: anonymous.reason,
            };
        case 'missing':
            return { status: 'not-found', credentials: 'ok', reason: credentialed.reason };
        case 'denied':
            return { status: 'private', credentials: 'rejected', reason: credentialed.reason };
        case 'failed':
            return { status: credentialed.status, credentials: 'not-checked', reason: credentialed.reason };
        case 'withheld':
            return { status: statusOf(anonymous), credentials: 'not-checked', reason: credentialed.reason };
    }
}
/** The status a failed anonymous probe stands for: registries answer "missing" like "private". */
function statusOf(probe) {
    if (probe.kind === 'failed')
        return probe.status;
    return probe.kind === 'missing' ? 'not-found' : 'private';
}

;// CONCATENATED MODULE: ./.build/registry/checker.js












/** Requests in flight to one registry unless the caller says otherwise. */
const DEFAULT_PER_HOST_CONCURRENCY = options/* DEFAULT_PER_REGISTRY_CONCURRENCY */.WW;
function createRegistryChecker(options) {
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const concurrency = Math.max(1, Math.floor(options.concurrency));
    const perHost = Math.max(1, Math.min(concurrency, Math.floor(options.perHostConcurrency ?? DEFAULT_PER_HOST_CONCURRENCY)));
    const insecure = new Set(options.insecureRegistries.map(reference/* canonicalRegistryHost */.M7));
    const policy = new NetPolicy({
        allowed: [...options.insecureRegistries, ...(options.allowRegistries ?? [])].flatMap((h) => [
            h,
            (0,reference/* registryApiHost */.Mb)((0,reference/* canonicalRegistryHost */.M7)(h)),
        ]),
        ...options.network,
    });
    const budget = { ...DEFAULT_BUDGET, ...options.budget };
    // The registry phase's deadline counts from the first check() call.
    let transport;
    const connector = policy.connector(timeouts.connectMs);
    const transportFor = () => {
        transport ??= new BudgetedTransport({ global: concurrency, perHost }, timeouts, retry, connector, budget, Date.now() + budget.timeoutMs);
        return transport;
    };
    const checkedHosts = new Set();
    // Probes under way at once, across registries: a probe sends one request at a time, so this keeps
    // requests within the global cap before a probe's deadline starts, rather than letting probes
    // spend their deadline queued for a global slot (which would make verdicts depend on load).
    const probeSlots = new HostLimiter(concurrency, concurrency);
    const secrets = new Set();
    const remember = (secret) => {
        if (secrets.has(secret))
            return;
        secrets.add(secret);
        options.onSecret?.(secret);
    };
    for (const secret of (0,auth/* registrySecrets */.ZN)(options.credentials))
        remember(secret);
    let brokerInstance;
    const brokerFor = () => {
        brokerInstance ??= new TokenBroker(transportFor(), remember);
        return brokerInstance;
    };
    const sessions = new Map();
    const probes = new Map();
    let credentialedProbes = 0;
    const sessionFor = (host) => {
        let session = sessions.get(host);
        if (!session) {
            const origin = `${insecure.has(host) ? 'http' : 'https'}://${(0,reference/* registryApiHost */.Mb)(host)}`;
            const apiHost = (0,reference/* registryApiHost */.Mb)(host);
            session = new RegistrySession(transportFor(), brokerFor(), origin, apiHost, (realm) => realmRefusal(realm, apiHost, insecure.has(host), policy));
            sessions.set(host, session);
        }
        return session;
    };
    const authenticators = new Map();
    const authenticatorOf = (host) => {
        if (!authenticators.has(host))
            authenticators.set(host, authenticatorFor(options.credentials, host));
        return authenticators.get(host);
    };
    /** Pass 1 then, for an image it could not prove public, pass 2 at once in the same slot: the
     *  registry's limit stays busy with one request after another instead of waiting for the slowest
     *  anonymous probe of the run before any credentialed one may start. */
    const probeHost = async (host, list) => {
        const session = sessionFor(host);
        const phaseEnd = transportFor().phaseDeadline;
        const who = authenticatorOf(host);
        const repositories = list.map((p) => p.repository);
        const planDeadline = Math.min(Date.now() + timeouts.perImageMs, phaseEnd);
        await session.planTokens(repositories, ANONYMOUS_AUTHENTICATOR, planDeadline);
        // Announced for every repository now: which ones need it is known only image by image, and the
        // first that does then fetches them all in one batched request while anonymous probes go on.
        if (who)
            await session.planTokens(repositories, who, planDeadline);
        // A probe's deadline starts once it holds a probe slot, and never runs past the phase's end.
        const within = (ask) => {
            if (Date.now() >= phaseEnd) {
                return Promise.resolve({
                    kind: 'failed',
                    status: 'unreachable',
                    reason: timeoutReason(budget.timeoutMs),
                });
            }
            return ask(Math.min(Date.now() + timeouts.perImageMs, phaseEnd));
        };
        await (0,util/* runPool */.kD)(list, perHost, (probe) => probeSlots.run('probes', Number.POSITIVE_INFINITY, async () => {
            const anonymous = await within((deadline) => session.probe(probe.repository, probe.reference, ANONYMOUS_AUTHENTICATOR, deadline));
            probe.anonymous = anonymous;
            if (anonymous.kind === 'found' || !who) {
                probe.verdict = verdictOf(anonymous, undefined);
                return;
            }
            credentialedProbes += 1;
            const credentialed = await within((deadline) => session.probe(probe.repository, probe.reference, who, deadline));
            probe.verdict = verdictOf(anonymous, credentialed);
        }));
    };
    return {
        async check(targets) {
            const keyToProbe = new Map();
            const fresh = [];
            let settle = () => { };
            const settled = new Promise((resolve) => {
                settle = resolve;
            });
            for (const target of targets) {
                const host = (0,reference/* canonicalRegistryHost */.M7)(target.domain);
                const repository = host === 'docker.io' && !target.repository.includes('/')
                    ? `library/${target.repository}`
                    : target.repository;
                const id = `${host}/${repository}@${target.reference}`;
                let probe = probes.get(id);
                if (!probe) {
                    probe = { host, repository, reference: target.reference, settled };
                    probes.set(id, probe);
                    if (!checkedHosts.has(host) && checkedHosts.size < budget.maxRegistries)
                        checkedHosts.add(host);
                    if (checkedHosts.has(host))
                        fresh.push(probe);
                    else
                        probe.verdict = {
                            status: 'unknown',
                            credentials: 'not-checked',
                            reason: registryCapReason(budget.maxRegistries),
                        };
                }
                keyToProbe.set(target.key, probe);
            }
            options.logger.debug(`registry check: ${fresh.length} new probes for ${targets.length} targets`);
            try {
                await runPasses(fresh);
            }
            finally {
                settle();
            }
            await Promise.all([...keyToProbe.values()].map((p) => p.settled));
            const verdicts = new Map();
            for (const [key, probe] of keyToProbe)
                verdicts.set(key, probe.verdict);
            return verdicts;
        },
        stats: () => ({ ...transportFor().stats(), probes: probes.size, credentialedProbes }),
        secrets: () => [...secrets],
        close: () => transport?.close() ?? Promise.resolve(),
    };
    async function runPasses(fresh) {
        const byHost = new Map();
        for (const probe of fresh) {
            const list = byHost.get(probe.host);
            if (list)
                list.push(probe);
            else
                byHost.set(probe.host, [probe]);
        }
        // Each registry on its own queue: a host's probes wait for that host only, and the transport
        // keeps the total within `concurrency`.
        await Promise.all([...byHost].map(([host, list]) => probeHost(host, list)));
        for (const probe of fresh) {
            // A host (or realm) the network policy or the run's budget kept us from: nothing was learnt.
            const reason = probe.verdict.reason;
            if (reason !== undefined &&
                probe.verdict.status === 'unreachable' &&
                Date.now() >= transportFor().phaseDeadline &&
                reason.startsWith('time limit reached')) {
                probe.verdict = {
                    status: 'unknown',
                    credentials: 'not-checked',
                    reason: timeoutReason(budget.timeoutMs),
                };
            }
            else if (reason?.startsWith(NOT_CONTACTED) || reason?.startsWith(NOT_CHECKED)) {
                probe.verdict = { status: 'unknown', credentials: 'not-checked', reason: probe.verdict.reason };
            }
            const v = probe.verdict;
            options.logger.debug(`${probe.host}/${probe.repository}@${probe.reference}: ${v.status}, credentials ${v.credentials}${v.reason ? ` (${v.reason})` : ''}`);
        }
    }
}


/***/ })

};

// One registry origin speaking the distribution protocol (the OCI distribution spec): a single shared `/v2/` ping,
// then per image a manifest HEAD with all four Accept types, answering whatever challenge the registry
// poses through the auth seam (auth/: an AuthScheme per challenge scheme, an Authenticator per
// credential form), and a GET only when the HEAD answer cannot explain itself.
// Returns a ProbeResult; the checker turns results into verdicts.

import { schemeFor } from './auth/index.js';
import type { AuthAnswer, AuthContext, Authenticator, AuthRefusal } from './auth/scheme.js';
import { tokenFailure } from './auth/scheme.js';
import type { Challenge } from './challenge.js';
import { ChallengeError, parseChallenges, pickChallenge } from './challenge.js';
import type { HttpResponse, Transport } from './http.js';
import { NetworkError } from './http.js';
import type { TokenBroker } from './tokens.js';
import { scopeFor } from './tokens.js';

const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export type ProbeResult =
  | { kind: 'found' }
  /** 404 (or a name/manifest error code): the registry says the reference does not exist. */
  | { kind: 'missing'; reason: string }
  /** 401/403 from the registry or a refusal from its token endpoint (`denied`), a failure, or a
   *  token realm outside the registry's domain (`withheld`): the results a challenge may end in too. */
  | AuthRefusal;

type PingResult =
  | { kind: 'open' }
  | { kind: 'challenge'; challenge: Challenge }
  | Extract<ProbeResult, { kind: 'failed' }>;

const NAME_ERRORS = new Set([
  'NAME_UNKNOWN',
  'MANIFEST_UNKNOWN',
  'NAME_INVALID',
  'TAG_INVALID',
  'MANIFEST_INVALID',
]);

/** The first error code of a distribution error document, if the body is one. */
export function errorCode(body: string): string | undefined {
  try {
    const doc = JSON.parse(body) as { errors?: { code?: unknown }[] };
    const code = doc.errors?.[0]?.code;
    return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

export class RegistrySession {
  private pinged?: Promise<PingResult>;

  constructor(
    private readonly transport: Transport,
    private readonly broker: TokenBroker,
    /** `http://host:port` or `https://host`. */
    private readonly origin: string,
    /** host[:port] as shown in reasons. */
    readonly host: string,
    /** Why a realm from this registry's challenge may not be asked (network policy), if so. */
    private readonly realmRefusal: (realm: URL) => string | undefined = () => undefined,
  ) {}

  /** `GET /v2/` once per session (anonymous; credentials are never needed to read a challenge). */
  ping(deadline: number): Promise<PingResult> {
    this.pinged ??= this.doPing(deadline);
    return this.pinged;
  }

  /** Announces the repositories that `who` will ask about, so their tokens are batched. */
  async planTokens(repositories: string[], who: Authenticator, deadline: number): Promise<void> {
    const ping = await this.ping(deadline);
    if (ping.kind !== 'challenge') return;
    schemeFor(ping.challenge)?.plan?.(ping.challenge, who, repositories, this.context('', deadline, ''));
  }

  async probe(
    repository: string,
    reference: string,
    who: Authenticator,
    deadline: number,
  ): Promise<ProbeResult> {
    const ping = await this.ping(deadline);
    if (ping.kind === 'failed') return ping;
    const identity = who.identity;
    const credentialed = who.kind !== 'anonymous';
    const suffix = credentialed ? ' with credentials' : '';
    const context = this.context(repository, deadline, suffix);
    const url = `${this.origin}/v2/${repository}/manifests/${reference}`;
    let answer: AuthAnswer | AuthRefusal = {};
    if (ping.kind === 'challenge') {
      answer = await this.answer(ping.challenge, who, context);
    } else if (who.registryAuthorization !== undefined) {
      answer = { header: who.registryAuthorization };
    }
    if ('kind' in answer) return answer;
    try {
      let head = await this.manifest('HEAD', url, answer.header, deadline);
      // A challenge naming this repository (e.g. an open /v2/ but a protected repository): answer it once.
      if (head.status === 401 && head.headers['www-authenticate'] && !answer.header?.startsWith('Bearer ')) {
        const challenge = this.challengeIn(head);
        const sentBasic = answer.header !== undefined;
        if (challenge && !(challenge.scheme === 'basic' && (sentBasic || !credentialed))) {
          const next = await this.answer(challenge, who, context);
          if ('kind' in next) return next;
          answer = next;
          head = await this.manifest('HEAD', url, answer.header, deadline);
        }
      }
      // A denial under a batched token may only mean the realm ignored the extra scopes: confirm alone.
      const decision =
        head.status === 401 && answer.token && answer.realm
          ? await this.broker.batchDenial(answer.realm, answer.token)
          : 'trust';
      if (decision !== 'trust' && answer.realm) {
        const realm = answer.realm;
        let status: number | undefined;
        try {
          const single = await this.broker.token(realm, identity, scopeFor(repository), deadline, true);
          if (single.kind !== 'token') return tokenFailure(single, suffix);
          answer = { header: `Bearer ${single.token}` };
          head = await this.manifest('HEAD', url, answer.header, deadline);
          status = head.status;
        } finally {
          if (decision === 'confirm') this.broker.endConfirmation(realm, status);
        }
      }
      return await this.classify(head, url, answer.header, deadline, suffix);
    } catch (e: unknown) {
      return this.unreachable(e);
    }
  }

  private async classify(
    head: HttpResponse,
    url: string,
    authorization: string | undefined,
    deadline: number,
    suffix: string,
  ): Promise<ProbeResult> {
    const { status } = head;
    if (status >= 200 && status < 300 && head.headers['docker-content-digest']) return { kind: 'found' };
    if (status === 401 || status === 403 || status === 429 || status >= 500)
      return this.explain(head, suffix);
    // A 2xx without a digest proved little: ask for the manifest itself. On 404 and other answers the
    // error document (only a GET carries one) says what is missing.
    const get = await this.manifest('GET', url, authorization, deadline);
    return get.status >= 200 && get.status < 300 ? { kind: 'found' } : this.explain(get, suffix);
  }

  /** A network failure or a malformed challenge as an unreachable registry; anything else is rethrown. */
  private unreachable(e: unknown): { kind: 'failed'; status: 'unreachable'; reason: string } {
    if (e instanceof NetworkError) return { kind: 'failed', status: 'unreachable', reason: e.message };
    if (e instanceof ChallengeError)
      return { kind: 'failed', status: 'unreachable', reason: `${e.message} from ${this.host}` };
    throw e;
  }

  private explain(response: HttpResponse, suffix: string): ProbeResult {
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
    if (status >= 500) return { kind: 'failed', status: 'unreachable', reason: `${status} ${from}${suffix}` };
    if (status === 404 || (code !== undefined && NAME_ERRORS.has(code))) {
      return { kind: 'missing', reason: `${status}${code ? ` ${code}` : ''} ${from}${suffix}` };
    }
    return {
      kind: 'failed',
      status: 'unreachable',
      reason: `unexpected ${status}${code ? ` ${code}` : ''} ${from}${suffix}`,
    };
  }

  private challengeErrorParam(response: HttpResponse): string | undefined {
    const header = response.headers['www-authenticate'];
    if (!header) return undefined;
    try {
      const error = parseChallenges(header).find((c) => c.params.error)?.params.error;
      return error && /^[\w.-]{1,60}$/.test(error) ? error : undefined;
    } catch {
      return undefined;
    }
  }

  /** The challenge a 401 asks us to answer (pickChallenge); throws ChallengeError when malformed. */
  private challengeIn(response: HttpResponse): Challenge | undefined {
    const header = response.headers['www-authenticate'] ?? '';
    return pickChallenge(parseChallenges(header), header);
  }

  private context(repository: string, deadline: number, suffix: string): AuthContext {
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

  private answer(
    challenge: Challenge,
    who: Authenticator,
    context: AuthContext,
  ): Promise<AuthAnswer | AuthRefusal> {
    // pickChallenge offers only schemes the seam answers; anything else goes out unauthorised.
    return schemeFor(challenge)?.answer(challenge, who, context) ?? Promise.resolve({});
  }

  private manifest(method: 'HEAD' | 'GET', url: string, authorization: string | undefined, deadline: number) {
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

  private async doPing(deadline: number): Promise<PingResult> {
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
      if (response.status >= 200 && response.status < 300) return { kind: 'open' };
      if (response.status === 401) {
        const challenge = this.challengeIn(response);
        if (challenge) return { kind: 'challenge', challenge };
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
    } catch (e: unknown) {
      return this.unreachable(e);
    }
  }
}

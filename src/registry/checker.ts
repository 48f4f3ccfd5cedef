// The RegistryChecker of src/model.ts: deduplicates targets, then runs two passes per image.
// Pass 1 is anonymous and never carries a credential: only a manifest returned to it makes an image
// `public`. Pass 2 runs right after it for every other image whose host has credentials and tells
// `ok` from `rejected`, and a missing reference (`not-found`) from a private one.
import type { AccessVerdict, CheckTarget, Logger, RegistryChecker } from '../model.js';
import { DEFAULT_PER_REGISTRY_CONCURRENCY } from '../options.js';
import { canonicalRegistryHost, registryApiHost } from '../reference.js';
import { runPool } from '../util.js';
import { ANONYMOUS_AUTHENTICATOR, authenticatorFor } from './auth/index.js';
import type { Authenticator } from './auth/scheme.js';
import type { RegistryCredentials } from './auth.js';
import { registrySecrets } from './auth.js';
import {
  BudgetedTransport,
  DEFAULT_BUDGET,
  NOT_CHECKED,
  type RegistryBudget,
  registryCapReason,
  timeoutReason,
} from './budget.js';
import type { ProbeResult } from './client.js';
import { RegistrySession } from './client.js';
import { HostLimiter } from './host-limiter.js';
import type { RetryPolicy, Timeouts, TransportStats } from './http.js';
import { DEFAULT_RETRY, DEFAULT_TIMEOUTS } from './http.js';
import { NetPolicy, type NetPolicyOptions, NOT_CONTACTED, realmRefusal } from './net-policy.js';
import { TokenBroker } from './tokens.js';
import { verdictOf } from './verdict.js';

export interface RegistryCheckerOptions {
  credentials: RegistryCredentials;
  /** Hosts (`host[:port]`, any spelling) spoken to over plain HTTP; all others use HTTPS. */
  insecureRegistries: string[];
  /** Requests in flight at once, across all registries (`--concurrency`). */
  concurrency: number;
  /** Requests in flight at once to one registry, also its connection limit
   *  (`--concurrency-per-registry`; default 16, at most `concurrency`). Each registry has its own queue, so a slow one never delays the others. */
  perHostConcurrency?: number;
  logger: Logger;
  timeouts?: Partial<Timeouts>;
  retry?: Partial<RetryPolicy>;
  /** Called with every secret as soon as it is known (credentials at creation, tokens on receipt). */
  onSecret?: (secret: string) => void;
  /** Hosts (`host[:port]`) that may resolve to internal addresses (insecure registries may too). */
  allowRegistries?: string[];
  /** Caps on registries, requests and time for the whole run (src/registry/budget.ts). */
  budget?: Partial<RegistryBudget>;
  /** Test seams of the network policy: a resolver, an address classifier, extra trusted CAs. */
  network?: Pick<NetPolicyOptions, 'lookup' | 'classify' | 'ca'>;
}

/** Requests in flight to one registry unless the caller says otherwise. */
export const DEFAULT_PER_HOST_CONCURRENCY = DEFAULT_PER_REGISTRY_CONCURRENCY;

export interface RegistryCheckerStats extends TransportStats {
  /** Distinct (registry, repository, reference) probes made across all check() calls. */
  probes: number;
  /** Probes that needed the credentialed pass. */
  credentialedProbes: number;
}

export interface ClosableRegistryChecker extends RegistryChecker {
  close(): Promise<void>;
  stats(): RegistryCheckerStats;
  /** Every secret seen so far: credential forms and tokens received (for redaction/masking). */
  secrets(): string[];
}

interface Probe {
  host: string;
  repository: string;
  reference: string;
  anonymous?: ProbeResult;
  verdict?: AccessVerdict;
  /** Resolves when `verdict` is set (a later check() call may share a probe still in flight). */
  settled: Promise<void>;
}

export function createRegistryChecker(options: RegistryCheckerOptions): ClosableRegistryChecker {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const perHost = Math.max(
    1,
    Math.min(concurrency, Math.floor(options.perHostConcurrency ?? DEFAULT_PER_HOST_CONCURRENCY)),
  );
  const insecure = new Set(options.insecureRegistries.map(canonicalRegistryHost));
  const policy = new NetPolicy({
    allowed: [...options.insecureRegistries, ...(options.allowRegistries ?? [])].flatMap((h) => [
      h,
      registryApiHost(canonicalRegistryHost(h)),
    ]),
    ...options.network,
  });
  const budget = { ...DEFAULT_BUDGET, ...options.budget };
  // The registry phase's deadline counts from the first check() call.
  let transport: BudgetedTransport | undefined;
  const connector = policy.connector(timeouts.connectMs);
  const transportFor = (): BudgetedTransport => {
    transport ??= new BudgetedTransport(
      { global: concurrency, perHost },
      timeouts,
      retry,
      connector,
      budget,
      Date.now() + budget.timeoutMs,
    );
    return transport;
  };
  const checkedHosts = new Set<string>();
  // Probes under way at once, across registries: a probe sends one request at a time, so this keeps
  // requests within the global cap before a probe's deadline starts, rather than letting probes
  // spend their deadline queued for a global slot (which would make verdicts depend on load).
  const probeSlots = new HostLimiter(concurrency, concurrency);
  const secrets = new Set<string>();
  const remember = (secret: string): void => {
    if (secrets.has(secret)) return;
    secrets.add(secret);
    options.onSecret?.(secret);
  };
  for (const secret of registrySecrets(options.credentials)) remember(secret);
  let brokerInstance: TokenBroker | undefined;
  const brokerFor = (): TokenBroker => {
    brokerInstance ??= new TokenBroker(transportFor(), remember);
    return brokerInstance;
  };
  const sessions = new Map<string, RegistrySession>();
  const probes = new Map<string, Probe>();
  let credentialedProbes = 0;

  const sessionFor = (host: string): RegistrySession => {
    let session = sessions.get(host);
    if (!session) {
      const origin = `${insecure.has(host) ? 'http' : 'https'}://${registryApiHost(host)}`;
      const apiHost = registryApiHost(host);
      session = new RegistrySession(transportFor(), brokerFor(), origin, apiHost, (realm) =>
        realmRefusal(realm, apiHost, insecure.has(host), policy),
      );
      sessions.set(host, session);
    }
    return session;
  };

  const authenticators = new Map<string, Authenticator | undefined>();
  const authenticatorOf = (host: string): Authenticator | undefined => {
    if (!authenticators.has(host)) authenticators.set(host, authenticatorFor(options.credentials, host));
    return authenticators.get(host);
  };

  /** Pass 1 then, for an image it could not prove public, pass 2 at once in the same slot: the
   *  registry's limit stays busy with one request after another instead of waiting for the slowest
   *  anonymous probe of the run before any credentialed one may start. */
  const probeHost = async (host: string, list: Probe[]): Promise<void> => {
    const session = sessionFor(host);
    const phaseEnd = transportFor().phaseDeadline;
    const who = authenticatorOf(host);
    const repositories = list.map((p) => p.repository);
    const planDeadline = Math.min(Date.now() + timeouts.perImageMs, phaseEnd);
    await session.planTokens(repositories, ANONYMOUS_AUTHENTICATOR, planDeadline);
    // Announced for every repository now: which ones need it is known only image by image, and the
    // first that does then fetches them all in one batched request while anonymous probes go on.
    if (who) await session.planTokens(repositories, who, planDeadline);
    // A probe's deadline starts once it holds a probe slot, and never runs past the phase's end.
    const within = (ask: (deadline: number) => Promise<ProbeResult>): Promise<ProbeResult> => {
      if (Date.now() >= phaseEnd) {
        return Promise.resolve({
          kind: 'failed',
          status: 'unreachable',
          reason: timeoutReason(budget.timeoutMs),
        });
      }
      return ask(Math.min(Date.now() + timeouts.perImageMs, phaseEnd));
    };
    await runPool(list, perHost, (probe) =>
      probeSlots.run('probes', Number.POSITIVE_INFINITY, async () => {
        const anonymous = await within((deadline) =>
          session.probe(probe.repository, probe.reference, ANONYMOUS_AUTHENTICATOR, deadline),
        );
        probe.anonymous = anonymous;
        if (anonymous.kind === 'found' || !who) {
          probe.verdict = verdictOf(anonymous, undefined);
          return;
        }
        credentialedProbes += 1;
        const credentialed = await within((deadline) =>
          session.probe(probe.repository, probe.reference, who, deadline),
        );
        probe.verdict = verdictOf(anonymous, credentialed);
      }),
    );
  };

  return {
    async check(targets: CheckTarget[]): Promise<Map<string, AccessVerdict>> {
      const keyToProbe = new Map<string, Probe>();
      const fresh: Probe[] = [];
      let settle = (): void => {};
      const settled = new Promise<void>((resolve) => {
        settle = resolve;
      });
      for (const target of targets) {
        const host = canonicalRegistryHost(target.domain);
        const repository =
          host === 'docker.io' && !target.repository.includes('/')
            ? `library/${target.repository}`
            : target.repository;
        const id = `${host}/${repository}@${target.reference}`;
        let probe = probes.get(id);
        if (!probe) {
          probe = { host, repository, reference: target.reference, settled };
          probes.set(id, probe);
          if (!checkedHosts.has(host) && checkedHosts.size < budget.maxRegistries) checkedHosts.add(host);
          if (checkedHosts.has(host)) fresh.push(probe);
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
      } finally {
        settle();
      }
      await Promise.all([...keyToProbe.values()].map((p) => p.settled));
      const verdicts = new Map<string, AccessVerdict>();
      for (const [key, probe] of keyToProbe) verdicts.set(key, probe.verdict!);
      return verdicts;
    },
    stats: () => ({ ...transportFor().stats(), probes: probes.size, credentialedProbes }),
    secrets: () => [...secrets],
    close: () => transport?.close() ?? Promise.resolve(),
  };

  async function runPasses(fresh: Probe[]): Promise<void> {
    const byHost = new Map<string, Probe[]>();
    for (const probe of fresh) {
      const list = byHost.get(probe.host);
      if (list) list.push(probe);
      else byHost.set(probe.host, [probe]);
    }
    // Each registry on its own queue: a host's probes wait for that host only, and the transport
    // keeps the total within `concurrency`.
    await Promise.all([...byHost].map(([host, list]) => probeHost(host, list)));
    for (const probe of fresh) {
      // A host (or realm) the network policy or the run's budget kept us from: nothing was learnt.
      const reason = probe.verdict!.reason;
      if (
        reason !== undefined &&
        probe.verdict!.status === 'unreachable' &&
        Date.now() >= transportFor().phaseDeadline &&
        reason.startsWith('time limit reached')
      ) {
        probe.verdict = {
          status: 'unknown',
          credentials: 'not-checked',
          reason: timeoutReason(budget.timeoutMs),
        };
      } else if (reason?.startsWith(NOT_CONTACTED) || reason?.startsWith(NOT_CHECKED)) {
        probe.verdict = { status: 'unknown', credentials: 'not-checked', reason: probe.verdict!.reason };
      }
      const v = probe.verdict!;
      options.logger.debug(
        `${probe.host}/${probe.repository}@${probe.reference}: ${v.status}, credentials ${v.credentials}${v.reason ? ` (${v.reason})` : ''}`,
      );
    }
  }
}

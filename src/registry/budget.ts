// Bounds on what one run may spend on registries, whatever the pull request names: distinct
// registries, requests, and an overall deadline for the registry phase. Images past a bound are not
// checked (`unknown`, credentials `not-checked`) with a reason, and the run goes on to its report.

import type { buildConnector } from 'undici';
import type { ConcurrencyLimits, HttpRequest, HttpResponse, RetryPolicy, Timeouts } from './http.js';
import { NetworkError, Transport } from './http.js';

export interface RegistryBudget {
  /** Distinct registry hosts checked in one run (default 32). */
  maxRegistries: number;
  /** Requests sent in one run, retries and redirects not counted separately (default 2,000). */
  maxRequests: number;
  /** Milliseconds the whole registry phase may take (default 120 s, `--timeout`). */
  timeoutMs: number;
}

export const DEFAULT_BUDGET: RegistryBudget = { maxRegistries: 32, maxRequests: 2_000, timeoutMs: 120_000 };

/** Reasons of verdicts that were not checked; the checker maps them to `unknown` / `not-checked`. */
export const NOT_CHECKED = 'not checked: ';

export function registryCapReason(max: number): string {
  return `${NOT_CHECKED}more than ${max} distinct registries in this run`;
}

export function timeoutReason(timeoutMs: number): string {
  return `${NOT_CHECKED}the registry phase reached its time limit (--timeout ${Math.round(timeoutMs / 1000)} s)`;
}

function requestCapReason(max: number): string {
  return `${NOT_CHECKED}this run reached its limit of ${max} registry requests`;
}

/** A Transport that refuses to send past the request budget or the phase deadline. */
export class BudgetedTransport extends Transport {
  private sent = 0;

  constructor(
    limits: number | ConcurrencyLimits,
    timeouts: Timeouts,
    retry: RetryPolicy,
    connector: buildConnector.connector,
    private readonly budget: RegistryBudget,
    /** Epoch milliseconds when the registry phase ends. */
    readonly phaseDeadline: number,
  ) {
    super(limits, timeouts, retry, connector);
  }

  override send(req: HttpRequest): Promise<HttpResponse> {
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

// Admission for registry requests: at most `perHost` in flight to any one host, at most `global` in
// flight in total, each host with its own FIFO queue, and a per-host pause that a 429's Retry-After
// sets. A request first waits for its host (its pause, then a host slot) and only then for a global
// slot, so a slow or rate-limited host queues its own requests and never holds slots another host
// could use.

import { sleep } from './backoff.js';

interface HostState {
  active: number;
  queue: (() => void)[];
  /** Epoch ms before which no new request goes to this host. */
  pausedUntil: number;
}

export interface LimiterStats {
  /** Most requests in flight at once, in total and per host. */
  peak: number;
  peakByHost: Record<string, number>;
}

export class HostLimiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  private readonly hosts = new Map<string, HostState>();
  private readonly counters: LimiterStats = { peak: 0, peakByHost: {} };

  constructor(
    readonly global: number,
    readonly perHost: number,
  ) {}

  /** Runs `work` once admitted. A pause lasting past `deadline` is not waited for. */
  async run<T>(host: string, deadline: number, work: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    await this.admitHost(state, deadline);
    if (this.active >= this.global) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    this.counters.peak = Math.max(this.counters.peak, this.active);
    this.counters.peakByHost[host] = Math.max(this.counters.peakByHost[host] ?? 0, state.active);
    try {
      return await work();
    } finally {
      // A freed slot passes straight to the next waiter (the count stays), else it is returned.
      const nextGlobal = this.queue.shift();
      if (nextGlobal) nextGlobal();
      else this.active--;
      const nextHost = state.queue.shift();
      if (nextHost) nextHost();
      else state.active--;
    }
  }

  /** No new request goes to `host` before `until` (epoch ms); requests already sent are unaffected. */
  pause(host: string, until: number): void {
    const state = this.state(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  stats(): LimiterStats {
    return structuredClone(this.counters);
  }

  private async admitHost(state: HostState, deadline: number): Promise<void> {
    if (state.active >= this.perHost) await new Promise<void>((resolve) => state.queue.push(resolve));
    else state.active++;
    // Holding the host slot while paused keeps the host's queue in order behind the pause.
    for (;;) {
      const wait = state.pausedUntil - Date.now();
      if (wait <= 0 || state.pausedUntil >= deadline) return;
      await sleep(wait);
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, queue: [], pausedUntil: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }
}

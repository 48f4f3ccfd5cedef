// How long the transport waits before retrying a request: the server's Retry-After when it gives one,
// else capped exponential backoff with jitter. Pure apart from `sleep` and the default clock and
// random source, which tests replace.

/** Retry-After as milliseconds (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Capped exponential backoff with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffMs(
  attempt: number,
  policy: { baseDelayMs: number; maxDelayMs: number },
  random = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Shared assertions of the fault campaign: every image ends in a defined status with defined
// credentials, and every run is timed.
import { expect } from 'vitest';
import type { AccessVerdict, CheckTarget } from '../../../src/model.js';
import type { ClosableRegistryChecker } from '../../../src/registry/checker.js';

/** @public */
export const STATUSES = ['public', 'private', 'not-found', 'unreachable', 'rate-limited'];
/** @public */
export const CREDENTIALS = ['ok', 'rejected', 'none', 'not-checked'];

/** Each target has a verdict whose status and credentials are among the defined values. */
/** @public */
export function expectDefined(verdicts: Map<string, AccessVerdict>, targets: CheckTarget[]): void {
  expect(verdicts.size).toBe(new Set(targets.map((t) => t.key)).size);
  for (const t of targets) {
    const v = verdicts.get(t.key);
    expect(STATUSES, `${t.key}: ${JSON.stringify(v)}`).toContain(v?.status);
    expect(CREDENTIALS, `${t.key}: ${JSON.stringify(v)}`).toContain(v?.credentials);
  }
}

export interface CampaignRun {
  verdicts: Map<string, AccessVerdict>;
  elapsed: number;
  stats: ReturnType<ClosableRegistryChecker['stats']>;
  secrets: string[];
}

/** Checks `targets`, closes the checker, asserts every verdict is defined, and times the run. */
export async function runChecked(
  checker: ClosableRegistryChecker,
  targets: CheckTarget[],
): Promise<CampaignRun> {
  const started = Date.now();
  try {
    const verdicts = await checker.check(targets);
    const elapsed = Date.now() - started;
    expectDefined(verdicts, targets);
    return { verdicts, elapsed, stats: checker.stats(), secrets: checker.secrets() };
  } finally {
    await checker.close();
  }
}

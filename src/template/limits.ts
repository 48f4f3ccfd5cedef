// Bounds on the work one template may make the evaluator do. Templates come from pull requests:
// without them `range 1000000000`, `repeat 1000000000 "x"`, a `template` calling itself twice or a
// string doubled in a loop would hang the run or exhaust its memory. Go's text/template has no such
// bound; KOTS's install would hang or fail on such a file as well, so stopping it loses nothing.
import { FuncError } from './errors.js';

/** Nodes walked, range iterations and function calls, at least, per render. */
const MIN_STEPS = 5_000_000;
/** Characters of output, at least, per render. */
const MIN_OUTPUT_CHARS = 64 * 1024 * 1024;
/** Characters (or list items) one function may build. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

/** Steps all renders of one app may take together (manifests and Config items alike): without it
 *  many files, each within its own budget, could still keep a run busy for hours. */
const RUN_STEPS = 50_000_000;

export interface StepPool {
  used: number;
  readonly max: number;
}

export function stepPool(): StepPool {
  return { used: 0, max: RUN_STEPS };
}

export interface Budget {
  steps: number;
  maxSteps: number;
  chars: number;
  maxChars: number;
  /** Shared by the renders of one run, when given. */
  pool?: StepPool;
}

/** A render's budget: generous for real files, and growing with the source so that a large file
 *  with many plain templates still renders. */
export function budgetFor(source: string, pool?: StepPool): Budget {
  return {
    ...(pool ? { pool } : {}),
    steps: 0,
    maxSteps: Math.max(MIN_STEPS, 2 * source.length),
    chars: 0,
    maxChars: Math.max(MIN_OUTPUT_CHARS, 2 * source.length),
  };
}

/** Refuses, before building it, a value of `size` characters or items past MAX_VALUE_CHARS. */
export function ensureValueSize(size: number | bigint, what: string): void {
  if (Number(size) > MAX_VALUE_CHARS)
    throw new FuncError(
      `${what} would be ${String(size)} long, more than this preview's limit of ${MAX_VALUE_CHARS}`,
    );
}

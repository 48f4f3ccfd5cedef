// Compares the TypeScript evaluator with the Go oracle on a batch of cases.
import { fromJSON, render } from '../../src/template/index.js';
import { type OracleCase, type OracleResult, runOracle } from './oracle-client.js';

export interface Mismatch {
  c: OracleCase;
  go: OracleResult;
  ts: OracleResult;
}

export function renderTs(c: OracleCase): OracleResult {
  try {
    return {
      output: render(c.template, c.data === undefined || c.data === null ? undefined : fromJSON(c.data), {
        name: c.name ?? 't',
        leftDelim: c.ldelim,
        rightDelim: c.rdelim,
      }),
    };
  } catch (e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Both error, or both print the same text. Error lines must match when both messages have one. */
function agree(go: OracleResult, ts: OracleResult): boolean {
  if (go.error !== undefined || ts.error !== undefined) {
    if (go.error === undefined || ts.error === undefined) return false;
    const line = (m: string) => /^template: [^:]+:(\d+)/.exec(m)?.[1];
    const gl = line(go.error);
    const tl = line(ts.error);
    return gl === undefined || tl === undefined || gl === tl;
  }
  return go.output === ts.output;
}

/** The evaluator's explicit refusal of a feature it does not implement (never a wrong value). */
function isRefusal(r: OracleResult): boolean {
  return r.error !== undefined && /not supported|meanings differ/.test(r.error);
}

/**
 * Runs every case through Go and TypeScript. With `allowRefusals`, a case the evaluator refuses
 * with a "not supported" error (Go rendering it, or failing later on) is counted apart instead of
 * as a mismatch.
 */
export function compare(
  cases: OracleCase[],
  allowRefusals = false,
): { mismatches: Mismatch[]; errors: number; refusals: number } {
  const goResults = runOracle(cases);
  const mismatches: Mismatch[] = [];
  let errors = 0;
  let refusals = 0;
  cases.forEach((c, i) => {
    const go = goResults[i] as OracleResult;
    const ts = renderTs(c);
    if (go.error !== undefined) errors++;
    if (agree(go, ts)) return;
    if (allowRefusals && isRefusal(ts)) refusals++;
    else mismatches.push({ c, go, ts });
  });
  return { mismatches, errors, refusals };
}

export function describeMismatches(ms: Mismatch[]): string {
  return ms
    .slice(0, 20)
    .map(
      (m) =>
        `${JSON.stringify(m.c.template)} data=${JSON.stringify(m.c.data)}\n  go: ${JSON.stringify(m.go)}\n  ts: ${JSON.stringify(m.ts)}`,
    )
    .join('\n');
}

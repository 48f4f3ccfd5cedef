// Runs the Go oracle (test/template/oracle, built by scripts/build-oracle.sh) on a batch of cases
// in one process call.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const binary = join(root, '.tools', 'bin', 'template-oracle');

export interface OracleCase {
  name?: string;
  template: string;
  data?: unknown;
  ldelim?: string;
  rdelim?: string;
}

export interface OracleResult {
  output?: string;
  error?: string;
}

/** Builds the oracle if missing; throws (failing the test) when Go is not available. */
export function ensureOracle(): string {
  if (!existsSync(binary)) {
    try {
      execFileSync('bash', [join(root, 'scripts', 'build-oracle.sh')], { stdio: 'pipe', timeout: 600_000 });
    } catch (e: unknown) {
      const err = e as { stderr?: Buffer };
      throw new Error(
        `cannot build the Go template oracle (scripts/build-oracle.sh): ${err.stderr?.toString() ?? String(e)}`,
      );
    }
  }
  return binary;
}

export function runOracle(cases: OracleCase[]): OracleResult[] {
  const bin = ensureOracle();
  const input = JSON.stringify(cases.map((c) => ({ ldelim: '', rdelim: '', ...c, data: c.data ?? null })));
  const out = execFileSync(bin, [], { input, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 });
  return JSON.parse(out.toString()) as OracleResult[];
}

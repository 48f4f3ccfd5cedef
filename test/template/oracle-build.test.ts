// The oracle build must fail loudly, never skip, when Go is missing (scripts/build-oracle.sh).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('build-oracle.sh fails with a clear message when go is not on PATH', () => {
  const script = join(import.meta.dirname, '..', '..', 'scripts', 'build-oracle.sh');
  const r = spawnSync('/bin/bash', [script], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("'go' is not on PATH");
});

// Each Helm render has its own time limit, but a pull request chooses how many HelmChart CRs there
// are: a hundred CRs naming one chart whose templates never finish (Helm's Go templates have no step
// bound) would cost a hundred render timeouts, 4 at a time, long after the run should have ended.
// All renders of a run share one phase deadline: a render never runs past it, and a chart not yet
// started when it passes fails at once as a timeout naming the phase limit. A stand-in `helm` that
// never answers plays the hostile chart, so the test needs no real Helm.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderChartsTraced } from '../../src/helm/charts.js';
import { isHelmError } from '../../src/helm/errors.js';
import { tempDir } from '../helpers/tmp.js';

describe('many Helm renders share one phase deadline', () => {
  it('twelve renders that never finish: every one ends as a timeout within the phase', async () => {
    const dir = tempDir('kots-proxy-sec-helmphase-');
    const helm = join(dir, 'helm');
    writeFileSync(helm, '#!/bin/sh\nexec sleep 600\n');
    chmodSync(helm, 0o755);
    const jobs = Array.from({ length: 12 }, (_v, i) => ({
      chart: join(dir, `c${i}.tgz`),
      display: `manifests/c${i}.tgz`,
      releaseName: `r${i}`,
      values: {},
      defaults: [],
    }));
    const results = await renderChartsTraced(
      jobs,
      { path: helm, version: 'v3.15.0', major: 3 },
      // Per render a minute, as by default; the phase a few seconds.
      { timeoutMs: 60_000, phaseTimeoutMs: 3_000 },
    );
    expect(results).toHaveLength(12);
    for (const r of results) expect(isHelmError(r, 'timeout'), String(r)).toBe(true);
    const unstarted = results.filter((r) => r instanceof Error && /phase/.test(r.message));
    expect(unstarted.length).toBeGreaterThan(0);
  }, 90_000);
});

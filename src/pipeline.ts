// The one pipeline both entries run: walk → scan → check → plan → render. Only `checker` (registry I/O)
// and the file reads of the scan touch the outside world; writing outputs is the caller's choice.
import type {
  AccessVerdict,
  GeneratedFile,
  Logger,
  RegistryChecker,
  Report,
  RunOptions,
  ScanResult,
} from './model.js';
import { checkTargets, effectiveSettings, groupUses } from './plan/images.js';
import { buildPlan } from './plan/index.js';
import { renderHelmValues } from './render/helm-values.js';
import { renderOverlay } from './render/kustomize.js';
import { renderPullSecret } from './render/secret.js';
import { scanRelease } from './scan/index.js';

export interface PipelineResult {
  report: Report;
  files: GeneratedFile[];
  scan: ScanResult;
}

export interface PipelineDeps {
  /** Absent when offline: unlisted images get status `unknown`. */
  checker?: RegistryChecker;
  logger: Logger;
  /** Working directory that report paths are relative to. */
  cwd: string;
  /** Whether --registry-auth holds credentials for a host (as normalized, e.g. `docker.io`). */
  hasCredentials?: (host: string) => boolean;
}

export async function runPipeline(
  paths: string[],
  options: RunOptions,
  deps: PipelineDeps,
): Promise<PipelineResult> {
  const hasCredentials = deps.hasCredentials ?? (() => false);
  const scan = await scanRelease(paths, deps.cwd, undefined, undefined, { appSlug: options.appSlug });
  deps.logger.debug(`scanned ${scan.files.length} file(s), ${scan.uses.length} image reference(s)`);

  let verdicts: ReadonlyMap<string, AccessVerdict> = new Map();
  if (!options.offline && deps.checker) {
    const eff = effectiveSettings(options, scan.application);
    const targets = checkTargets(groupUses(scan.uses), eff, options, hasCredentials);
    deps.logger.debug(`checking ${targets.length} image(s) against their registries`);
    verdicts = await deps.checker.check(targets);
  }

  const plan = buildPlan({ scan, verdicts, options, hasCredentials });
  const pullSecret = plan.needsPullSecret ? renderPullSecret(plan, options.outDir) : undefined;
  const files = [
    ...renderOverlay(plan, options.outDir, pullSecret?.path),
    ...(pullSecret ? [pullSecret] : []),
    ...renderHelmValues(plan, options.outDir),
  ];
  const report: Report = {
    version: 1,
    appSlug: options.appSlug,
    proxyDomain: plan.effective.proxyDomain,
    images: plan.images,
    findings: plan.findings,
    generated: files.map((f) => f.path),
  };
  return { report, files, scan };
}

// The one pipeline both entries run: walk → scan → check → plan → render. Only `checker` (registry I/O)
// and the file reads of the scan touch the outside world; writing outputs is the caller's choice.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { confinePaths } from './fs/inside.js';
import type { Render } from './kots/exclude.js';
import type {
  AccessVerdict,
  GeneratedFile,
  Logger,
  RegistryChecker,
  Report,
  RunOptions,
  ScanResult,
} from './model.js';
import { UsageError } from './model.js';
import { checkTargets, effectiveSettings, groupUses } from './plan/images.js';
import { buildPlan } from './plan/index.js';
import { renderFilteredCopy } from './render/filtered-copy.js';
import { renderHelmValues } from './render/helm-values.js';
import { renderOverlay } from './render/kustomize.js';
import { renderPullSecret } from './render/secret.js';
import { scanRelease } from './scan/index.js';
import { annotationRenderer } from './scan/rendered.js';

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
  /** KOTS template rendering with Config defaults, for kots.io/exclude and kots.io/when. */
  render?: Render;
}

export async function runPipeline(
  paths: string[],
  options: RunOptions,
  deps: PipelineDeps,
): Promise<PipelineResult> {
  const hasCredentials = deps.hasCredentials ?? (() => false);
  // Release paths come from the pull request: those resolving outside options.root are never read.
  const confined = await confinePaths(paths, deps.cwd, options.root);
  const scan = await scanRelease(confined.inside, deps.cwd, undefined, undefined, undefined, {
    appSlug: options.appSlug,
  });
  if (scan.files.length === 0 && confined.findings.length === 0) {
    // An empty or mistyped path must not pass as a release with nothing to fix. A path refused for
    // lying outside the root is not that case: its path-skipped finding goes into the report.
    throw new UsageError(
      `no manifest (.yaml, .yml or chart .tgz) found in ${paths.join(', ')}; pass the release directory (the default is manifests)`,
    );
  }
  scan.findings.unshift(...confined.findings);
  deps.logger.debug(`scanned ${scan.files.length} file(s), ${scan.uses.length} image reference(s)`);

  let verdicts: ReadonlyMap<string, AccessVerdict> = new Map();
  if (!options.offline && deps.checker) {
    const eff = effectiveSettings(options, scan.application);
    const targets = checkTargets(groupUses(scan.uses), eff, options, hasCredentials);
    deps.logger.debug(`checking ${targets.length} image(s) against their registries`);
    verdicts = await deps.checker.check(targets);
  }

  const plan = buildPlan({
    scan,
    verdicts,
    options,
    hasCredentials,
    render: deps.render ?? annotationRenderer(scan.config ?? [], options.appSlug),
  });
  const copies: GeneratedFile[] = [];
  const renderedText = new Map(scan.files.map((f) => [f.file, f.rendered]));
  for (const copy of plan.overlay.copies) {
    const text =
      (copy.rendered ? renderedText.get(copy.source) : undefined) ??
      (await readFile(path.resolve(deps.cwd, copy.source), 'utf8'));
    copies.push({ path: copy.path, content: renderFilteredCopy(copy, text) });
  }
  const pullSecret = plan.needsPullSecret ? renderPullSecret(plan, options.outDir) : undefined;
  const files = [
    ...renderOverlay(plan, options.outDir, pullSecret?.path),
    ...(pullSecret ? [pullSecret] : []),
    ...copies,
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

// The one pipeline both entries run: walk → scan → check → plan → render. Only `checker` (registry I/O)
// and the file reads of the scan touch the outside world; writing outputs is the caller's choice.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type PackagedChart, packageChartDirs, stageChartArchives } from './fs/chart-dirs.js';
import { confinePaths } from './fs/inside.js';
import type { ChartRenderJob } from './helm/charts.js';
import { type HelmBinary, isHelmError, renderChartsTraced } from './helm/index.js';
import type { Render } from './kots/exclude.js';
import {
  type AccessVerdict,
  type GeneratedFile,
  type Logger,
  type RegistryChecker,
  type Report,
  type RunOptions,
  UsageError,
} from './model.js';
import type { ScanResult } from './model-scan.js';
import { checkTargets, effectiveSettings, groupUses } from './plan/images.js';
import { buildPlan, sortFindings } from './plan/index.js';
import { renderFilteredCopy } from './render/filtered-copy.js';
import { renderHelmValues } from './render/helm-values.js';
import { renderOverlay } from './render/kustomize.js';
import { renderPullSecret } from './render/secret.js';
import { chartDirMapper, mapPositions } from './scan/helm/chart-paths.js';
import { type JoinedChart, scanReleaseCharts } from './scan/index.js';
import { annotationRenderer } from './scan/rendered.js';
import {
  applyChartRenders,
  type ChartRender,
  chartRenderJobs,
  helmNotFoundNotice,
} from './scan/rendered-charts.js';
import { verifyHelmValues } from './verify-helm-values.js';

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
  /** Finds the helm binary (`options.helmPath`, else PATH; null when there is none). Absent: charts
   *  are not rendered and keep the approximation without a notice (library use, tests). */
  findHelm?: (helmPath: string | undefined) => Promise<HelmBinary | null>;
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
  // `.replicated` charts: directories inside the root, packaged in memory; one outside is never read.
  const packaged = await packageChartDirs(options.charts ?? [], deps.cwd, options.root);
  const scanned = await scanReleaseCharts(confined.inside, deps.cwd, {
    appSlug: options.appSlug,
    packaged: packaged.charts,
  });
  confined.findings.push(...packaged.findings);
  if (scanned.scan.files.length === 0 && confined.findings.length === 0 && packaged.charts.length === 0) {
    // An empty or mistyped path must not pass as a release with nothing to fix. A path refused for
    // lying outside the root is not that case: its path-skipped finding goes into the report.
    throw new UsageError(
      `no manifest (.yaml, .yml or chart .tgz) found in ${paths.join(', ')}; pass the release directory (the default is manifests)`,
    );
  }
  scanned.scan.findings.unshift(...confined.findings);
  // The KOTS template evaluator with the release's Config defaults, for kots.io/exclude, kots.io/when
  // and the HelmChart CR values Helm receives.
  const render = deps.render ?? annotationRenderer(scanned.scan.config ?? [], options.appSlug);
  const helmRun = deps.findHelm
    ? await renderCharts(
        scanned.scan,
        scanned.charts,
        options,
        { ...deps, render },
        deps.findHelm,
        packaged.charts,
      )
    : undefined;
  const scan = helmRun?.scan ?? scanned.scan;
  deps.logger.debug(`scanned $scan.files.lengthfile(s), $scan.uses.lengthimage reference(s)`);

  let verdicts: ReadonlyMap<string, AccessVerdict> = new Map();
  if (!options.offline && deps.checker) {
    const eff = effectiveSettings(options, scan.application);
    const targets = checkTargets(groupUses(scan.uses), eff, options, hasCredentials);
    deps.logger.debug(`checking $targets.lengthimage(s) against their registries`);
    verdicts = await deps.checker.check(targets);
  }

  const plan = buildPlan({
    scan,
    verdicts,
    options,
    hasCredentials,
    render,
  });
  const copies: GeneratedFile[] = [];
  for (const copy of plan.overlay.copies) {
    const text = copy.rendered?.text ?? (await readFile(path.resolve(deps.cwd, copy.source), 'utf8'));
    copies.push({ path: copy.path, content: renderFilteredCopy(copy, text) });
  }
  const pullSecret = plan.needsPullSecret ? renderPullSecret(plan, options.outDir) : undefined;
  const files = [
    ...renderOverlay(plan, options.outDir, pullSecret?.path),
    ...(pullSecret ? [pullSecret] : []),
    ...copies,
    ...renderHelmValues(plan, options.outDir),
  ];
  if (helmRun?.helm && plan.helmValues.length > 0) {
    const verified = await verifyHelmValues(plan, files, scan, helmRun.jobs, helmRun.helm, options.appSlug);
    plan.findings = sortFindings([...plan.findings, ...verified]);
  }
  const report: Report = {
    version: 1,
    appSlug: options.appSlug,
    proxyDomain: plan.effective.proxyDomain,
    images: plan.images,
    findings: plan.findings,
    generated: files.map((f) => f.path),
  };
  // Positions inside a packaged chart directory name its real files, not the in-memory archive.
  const toDir = chartDirMapper(packaged.charts);
  return { report: packaged.charts.length ? mapPositions(report, toDir) : report, files, scan };
}

/** Renders each joined chart with Helm and takes its images from the render; with no usable helm,
 *  one notice and the approximation. An explicit `--helm` that does not run is a usage error. */
async function renderCharts(
  scan: ScanResult,
  charts: JoinedChart[],
  options: RunOptions,
  deps: PipelineDeps,
  findHelm: NonNullable<PipelineDeps['findHelm']>,
  packaged: readonly PackagedChart[],
): Promise<{ scan: ScanResult; helm?: HelmBinary; jobs: Map<number, ChartRenderJob> }> {
  const jobsByChart = new Map<number, ChartRenderJob>();
  if (charts.length === 0) return { scan, jobs: jobsByChart };
  let helm: HelmBinary | null;
  let why = 'no helm binary on PATH';
  try {
    helm = await findHelm(options.helmPath);
  } catch (e: unknown) {
    if (options.helmPath !== undefined && options.helmPath !== '') {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
    if (!isHelmError(e)) throw e;
    helm = null;
    why = e.message;
  }
  if (helm === null) {
    const notice = helmNotFoundNotice(scan, charts, why);
    return {
      scan: notice === null ? scan : { ...scan, findings: [...scan.findings, notice] },
      jobs: jobsByChart,
    };
  }
  // The KOTS template evaluator, when one is given; a template it cannot decide stays as written.
  const render = deps.render;
  const renderString = render
    ? (text: string) => {
        const r = render(text);
        return r.dynamic ? text : r.value;
      }
    : undefined;
  const planned = chartRenderJobs(scan, charts, deps.cwd, renderString);
  const jobs = planned.flatMap((p) => ('job' in p ? [p] : []));
  deps.logger.debug(`rendering ${jobs.length} chart(s) with Helm ${helm.version}`);
  // A packaged chart directory is rendered from its archive, so Helm sees the version overrides.
  const staged = await stageChartArchives(
    packaged.filter((c) => charts.some((j) => j.archive.displayPath === c.dir)),
  );
  let results: Awaited<ReturnType<typeof renderChartsTraced>>;
  try {
    results = await renderChartsTraced(
      jobs.map((p) => {
        const archive = staged.paths.get(p.chart.archive.displayPath);
        return archive === undefined ? p.job : { ...p.job, chart: archive };
      }),
      helm,
    );
  } finally {
    await staged.dispose();
  }
  const renders = jobs.map((p, i): { chart: JoinedChart; render: ChartRender } => {
    const r = results[i];
    if (r === undefined || r instanceof Error) {
      const error = r ?? new Error('not rendered');
      return {
        chart: p.chart,
        render: {
          status: 'failed',
          error,
          templated: p.templated,
        },
      };
    }
    // The verification render reuses the job; a packaged chart's staged archive is gone by then, so
    // only charts the release ships as archives are verified.
    if (!staged.paths.has(p.chart.archive.displayPath)) jobsByChart.set(p.chart.index, p.job);
    return {
      chart: p.chart,
      render: { status: 'rendered', manifests: r.manifests, trace: r.trace },
    };
  });
  const out = applyChartRenders(scan, renders, options.outDir);
  const failedBefore = planned.flatMap((p) => ('finding' in p ? [p.finding] : []));
  return { scan: { ...out, findings: [...out.findings, ...failedBefore] }, helm, jobs: jobsByChart };
}

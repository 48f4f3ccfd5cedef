// Renders one chart with the real `helm template`, the way KOTS renders it (pkg/base/helm_v4.go in
// replicatedhq/kots): an install (not an upgrade), client-only, with the release name, the namespace
// and the CR's values; hooks and test hooks kept (the install's hooks), CRDs included (KOTS appends
// CRDObjects()), Helm's default capabilities (no --kube-version: KOTS sets none).
// Helm runs with a fresh HOME and Helm directories, no repositories, no plugins, a proxy that
// refuses every connection and no --dependency-update, so that it cannot fetch anything: a
// dependency missing from charts/ is a 'missing-dependency' HelmError.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HelmError } from './errors.js';
import { type HelmBinary, helmVersion } from './locate.js';
import { parseRenderedManifests, type RenderedManifest } from './manifests.js';
import { runBounded } from './run.js';
import type { Values } from './values-merge.js';

/** pkg/base/helm_helpers.go: the namespace KOTS renders with when the CR names none. */
export const KOTS_NAMESPACE_TEMPLATE = 'repl{{ Namespace}}';
export const DEFAULT_RENDER_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

export interface RenderChartOptions {
  /** A chart archive (.tgz) or an unpacked chart directory. */
  chart: string;
  /** How messages name the chart (default `chart`): Helm is given an absolute or staged path, but a
   *  report names the archive as the release does, so it reads the same on every machine. */
  display?: string;
  releaseName: string;
  /** Defaults to KOTS_NAMESPACE_TEMPLATE, as KOTS does for a CR without `namespace`. */
  namespace?: string;
  /** Values files applied in order, before `values`. */
  valuesFiles?: readonly string[];
  /** The values KOTS passes (see kotsChartValues), written to a temp file, never `--set`. */
  values?: Values;
  /** A located binary, or a path to one. */
  helm: HelmBinary | string;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

export interface RenderChartResult {
  manifests: RenderedManifest[];
  /** Helm's stdout, as printed. */
  output: string;
  /** Helm's warnings (stderr), trimmed. */
  warnings: string;
  helm: HelmBinary;
  elapsedMs: number;
}

/** Renders `opts.chart`; throws HelmError (missing-dependency, timeout, output-too-large,
 *  render-failed, bad-values, helm-not-found) or ManifestParseError. */
export async function renderChart(opts: RenderChartOptions): Promise<RenderChartResult> {
  const helm = typeof opts.helm === 'string' ? await helmVersion(opts.helm) : opts.helm;
  const shown = opts.display ?? opts.chart;
  const home = await mkdtemp(join(tmpdir(), 'kots-proxy-helm-'));
  try {
    // The release name and namespace come from the pull request's HelmChart CR: every flag is written
    // `--flag=value` and the positional arguments follow `--`, so a name such as
    // `--post-renderer=/bin/sh` stays a name (Helm then refuses it) instead of becoming a flag.
    const args = ['template', `--namespace=${opts.namespace ?? KOTS_NAMESPACE_TEMPLATE}`, '--include-crds'];
    for (const f of opts.valuesFiles ?? []) args.push(`--values=${f}`);
    if (opts.values !== undefined) {
      const file = join(home, 'values.json');
      await writeFile(file, valuesJson(opts.values));
      args.push(`--values=${file}`);
    }
    args.push('--', opts.releaseName, opts.chart);
    const started = performance.now();
    const r = await runBounded(helm.path, args, {
      env: isolatedEnv(home),
      cwd: home,
      timeoutMs: opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS,
      maxOutputBytes: opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    });
    const elapsedMs = performance.now() - started;
    // Helm names the chart by the path it was given; messages name it as `shown`.
    const stderr = r.stderr.trim().split(opts.chart).join(shown);
    if (r.spawnError !== null) {
      throw new HelmError('helm-not-found', `${helm.path}: ${r.spawnError.message}`);
    }
    if (r.stopped === 'timeout') {
      throw new HelmError(
        'timeout',
        `helm template ${shown}: stopped after ${opts.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS} ms`,
        stderr,
      );
    }
    if (r.stopped === 'output-too-large') {
      const max = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
      throw new HelmError('output-too-large', `helm template ${shown}: output passed ${max} bytes`, stderr);
    }
    if (r.exitCode !== 0) throw renderFailure(shown, stderr, r.exitCode, r.signal);
    return {
      manifests: parseRenderedManifests(r.stdout),
      output: r.stdout,
      warnings: stderr,
      helm,
      elapsedMs,
    };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Helm's message for a dependency that charts/ lacks (Helm 3 and 4, action.CheckDependencies). */
const MISSING_DEPENDENCY = /found in Chart\.yaml, but missing in charts\/ directory: ([^\n]+)/;

function renderFailure(chart: string, stderr: string, code: number | null, signal: string | null): HelmError {
  const message = stderr.replace(/^Error: /, '') || `exit ${String(code ?? signal)}`;
  const missing = MISSING_DEPENDENCY.exec(stderr);
  if (missing?.[1] !== undefined) {
    return new HelmError(
      'missing-dependency',
      `${chart}: Chart.yaml needs ${missing[1].trim()}, which charts/ does not vendor (run helm dependency build before packaging)`,
      stderr,
    );
  }
  return new HelmError('render-failed', `helm template ${chart}: ${message}`, stderr);
}

function valuesJson(values: Values): string {
  try {
    return JSON.stringify(values);
  } catch (e: unknown) {
    throw new HelmError(
      'bad-values',
      `values cannot be written for Helm: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** A Helm that sees no user configuration and cannot reach the network. */
function isolatedEnv(home: string): NodeJS.ProcessEnv {
  // Port 9 (discard) on loopback refuses connections: anything Helm tried to fetch fails at once.
  const deadProxy = 'http://127.0.0.1:9';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    HELM_CACHE_HOME: join(home, 'cache', 'helm'),
    HELM_CONFIG_HOME: join(home, 'config', 'helm'),
    HELM_DATA_HOME: join(home, 'data', 'helm'),
    HELM_PLUGINS: join(home, 'plugins'),
    HELM_REGISTRY_CONFIG: join(home, 'registry.json'),
    HELM_REPOSITORY_CONFIG: join(home, 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: join(home, 'repository'),
    KUBECONFIG: join(home, 'kubeconfig'),
    HTTP_PROXY: deadProxy,
    HTTPS_PROXY: deadProxy,
    http_proxy: deadProxy,
    https_proxy: deadProxy,
    NO_PROXY: '',
    no_proxy: '',
  };
}

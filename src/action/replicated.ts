// Defaults from the Replicated CLI's project file (`.replicated` or `.replicated.yaml` at the workspace
// root): `appSlug`, `manifests` and `charts` (replicatedhq/replicated pkg/tools/types.go: each entry a
// `path`, possibly a glob, relative to the file's directory, with optional `chartVersion` / `appVersion`
// that replace the chart's own when it is packaged). The CLI's `manifests` are globs (`./manifests/*.yaml`); the scanner
// walks directories, so each glob is mapped to the directory before its first wildcard.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { parse } from 'yaml';
import { isInside } from '../fs/inside.js';
import { UsageError } from '../model.js';
import { errorCode, errorMessage, firstErrorLine } from '../util.js';

export const REPLICATED_FILES = ['.replicated', '.replicated.yaml'] as const;

export interface ReplicatedConfig {
  /** Which file was read, relative to the workspace. */
  file: string;
  appSlug?: string;
  manifests: string[];
  /** `manifests` as written (globs relative to the file's directory), for callers that match them. */
  globs: string[];
  /** `charts` as written: chart directories (globs relative to the file's directory). */
  charts: ChartEntry[];
}

export interface ChartEntry {
  path: string;
  chartVersion?: string;
  appVersion?: string;
}

/** `./manifests/**\/*.yaml` → `manifests`; `a/b.yaml` → `a/b.yaml`; `*.yaml` → `.`. */
export function globToPath(glob: string): string {
  const parts = glob.trim().replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (/[*?[{]/.test(part)) break;
    if (part !== '' && part !== '.') fixed.push(part);
  }
  return fixed.length ? fixed.join('/') : '.';
}

/** Reads the first project file that exists; undefined when there is none. The file is the pull
 *  request's: one that is a symlink resolving outside the workspace (a runner file, /dev/zero) or is
 *  not a regular file is refused before it is read. */
export function readReplicatedConfig(workspace: string): ReplicatedConfig | undefined {
  for (const file of REPLICATED_FILES) {
    let text: string;
    try {
      const real = realpathSync(join(workspace, file));
      if (!isInside(real, realpathSync(workspace)))
        throw new UsageError(`${file} resolves outside the workspace, so it was not read`);
      const st = statSync(real);
      if (st.isDirectory()) continue;
      if (!st.isFile()) throw new UsageError(`${file} is not a regular file, so it was not read`);
      text = readFileSync(real, 'utf8');
    } catch (e: unknown) {
      if (e instanceof UsageError) throw e;
      if (errorCode(e) === 'ENOENT' || errorCode(e) === 'EISDIR') continue;
      throw new UsageError(`cannot read ${file}: ${errorMessage(e)}`);
    }
    return parseReplicatedConfig(text, file);
  }
  return undefined;
}

export function parseReplicatedConfig(text: string, file: string): ReplicatedConfig {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e: unknown) {
    throw new UsageError(`${file} is not valid YAML: ${firstErrorLine(e)}`);
  }
  if (doc === null || doc === undefined) return { file, manifests: [], globs: [], charts: [] };
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${file} must be a YAML mapping`);
  const { appSlug, manifests, charts } = doc as Record<string, unknown>;
  const config: ReplicatedConfig = { file, manifests: [], globs: [], charts: parseCharts(charts, file) };
  if (appSlug !== undefined && appSlug !== null) {
    if (typeof appSlug !== 'string') throw new UsageError(`${file}: appSlug must be a string`);
    if (appSlug.trim() !== '') config.appSlug = appSlug.trim();
  }
  const globs =
    manifests === undefined || manifests === null ? [] : Array.isArray(manifests) ? manifests : [manifests];
  for (const g of globs) {
    if (typeof g !== 'string') throw new UsageError(`${file}: manifests must be a list of paths or globs`);
    config.globs.push(g.trim());
    const path = globToPath(g);
    if (!config.manifests.includes(path)) config.manifests.push(path);
  }
  return config;
}

function parseCharts(charts: unknown, file: string): ChartEntry[] {
  if (charts === undefined || charts === null) return [];
  if (!Array.isArray(charts))
    throw new UsageError(`${file}: charts must be a list of {path, chartVersion, appVersion}`);
  return charts.map((c: unknown, i): ChartEntry => {
    const where = `${file}: charts[${i}]`;
    if (typeof c !== 'object' || c === null || Array.isArray(c))
      throw new UsageError(`${where} must be a mapping with a path`);
    const { path, chartVersion, appVersion } = c as Record<string, unknown>;
    if (typeof path !== 'string' || path.trim() === '')
      throw new UsageError(`${where}.path must be a non-empty string`);
    const entry: ChartEntry = { path: path.trim() };
    for (const [key, value] of [
      ['chartVersion', chartVersion],
      ['appVersion', appVersion],
    ] as const) {
      if (value === undefined || value === null || value === '') continue;
      if (typeof value !== 'string' && typeof value !== 'number')
        throw new UsageError(`${where}.${key} must be a string`);
      entry[key] = String(value);
    }
    return entry;
  });
}

/** The entries with their paths relative to another directory: `dir` is the project file's directory
 *  as seen from there (`''` for the same directory). */
export function chartsRelativeTo(charts: readonly ChartEntry[], dir: string): ChartEntry[] {
  const base = dir.split(sep).join('/');
  return charts.map((c) => {
    const p = c.path.replace(/\\/g, '/');
    return { ...c, path: p.startsWith('/') ? p : posix.join(base || '.', p) };
  });
}

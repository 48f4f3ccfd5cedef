// The Replicated CLI's project files for the CLI, read as `replicated release create` reads them
// (replicatedhq/replicated pkg/tools/config.go, FindAndParseConfig): every `.replicated` /
// `.replicated.yaml` from the working directory up to `/` (the first of the two in each directory),
// merged: the nearest `appSlug` wins, `manifests` and `charts` are appended parent first and
// de-duplicated (the first entry for a chart path is kept). Each
// file's `manifests` globs are matched by tinyglobby relative to its own directory, and its `charts`
// paths are made relative to the working directory. The CLI uses them only for what the command
// line leaves out.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import {
  type ChartEntry,
  chartsRelativeTo,
  parseReplicatedConfig,
  REPLICATED_FILES,
  type ReplicatedConfig,
} from '../action/replicated.js';
import { UsageError } from '../model.js';

export interface Project {
  /** The nearest project file, relative to the working directory. */
  file: string;
  appSlug?: string;
  /** Files matched by `manifests`, relative to the working directory, sorted. */
  manifests: string[];
  /** `charts` entries with their paths (globs) relative to the working directory. */
  charts: ChartEntry[];
}

/** The project files at or above `cwd`, nearest first. */
function findProjectFiles(cwd: string): string[] {
  const found: string[] = [];
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of REPLICATED_FILES) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) {
        found.push(path);
        break;
      }
    }
    if (dirname(dir) === dir) return found;
  }
}

function readConfig(path: string, shown: string): ReplicatedConfig {
  try {
    return parseReplicatedConfig(readFileSync(path, 'utf8'), shown);
  } catch (e: unknown) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${shown}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function readProject(cwd: string): Promise<Project | undefined> {
  const paths = findProjectFiles(cwd);
  const nearest = paths[0];
  if (nearest === undefined) return undefined;
  const show = (path: string) => relative(cwd, path) || path;
  let appSlug: string | undefined;
  const manifests = new Set<string>();
  const charts: ChartEntry[] = [];
  const globbed: string[] = [];
  // Parent first, as mergeConfigs appends each child's lists; a later non-empty appSlug overrides.
  for (const path of [...paths].reverse()) {
    const config = readConfig(path, show(path));
    if (config.appSlug) appSlug = config.appSlug;
    const base = dirname(path);
    if (config.globs.length) {
      globbed.push(`${config.file}: manifests ${config.globs.join(', ')}`);
      const matched = await glob(
        config.globs.map((g) => g.replace(/^\.\//, '')),
        { cwd: base, absolute: true, onlyFiles: true, dot: false },
      );
      for (const abs of matched) manifests.add(relative(cwd, abs).split(sep).join('/'));
    }
    for (const c of chartsRelativeTo(config.charts, relative(cwd, base))) {
      if (!charts.some((o) => o.path === c.path)) charts.push(c);
    }
  }
  if (globbed.length && manifests.size === 0) throw new UsageError(`${globbed.join('; ')} match no file`);
  return {
    file: show(nearest),
    ...(appSlug ? { appSlug } : {}),
    manifests: [...manifests].sort(),
    charts,
  };
}

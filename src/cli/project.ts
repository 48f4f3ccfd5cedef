// The Replicated CLI's project file for the CLI: the nearest `.replicated` / `.replicated.yaml` walking up
// from the working directory (as `replicate release create` finds it), its `appSlug`, and its
// `manifests` globs matched by tinyglobby relative to the file's directory, and its `charts` entries. The CLI uses them only for
// what the command line leaves out.
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
  /** The project file, relative to the working directory. */
  file: string;
  appSlug?: string;
  /** Files matched by `manifests`, relative to the working directory, sorted. */
  manifests: string[];
  /** `charts` entries with their paths (globs) relative to the working directory. */
  charts: ChartEntry[];
}

/** The nearest project file at or above `cwd`, or undefined. */
function findProjectFile(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of REPLICATED_FILES) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export async function readProject(cwd: string): Promise<Project | undefined> {
  const path = findProjectFile(cwd);
  if (!path) return undefined;
  const shown = relative(cwd, path) || path;
  let config: ReplicatedConfig;
  try {
    config = parseReplicatedConfig(readFileSync(path, 'utf8'), shown);
  } catch (e: unknown) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${shown}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const base = dirname(path);
  const manifests: string[] = [];
  if (config.globs.length) {
    const matched = await glob(
      config.globs.map((g) => g.replace(/^\.\//, '')),
      { cwd: base, absolute: true, onlyFiles: true, dot: false },
    );
    for (const abs of matched) manifests.push(relative(cwd, abs).split(sep).join('/'));
    manifests.sort();
    if (manifests.length === 0) {
      throw new UsageError(`${shown}: manifests ${config.globs.join(', ')} match no file`);
    }
  }
  const charts = chartsRelativeTo(config.charts, relative(cwd, base));
  return { file: shown, ...(config.appSlug ? { appSlug: config.appSlug } : {}), manifests, charts };
}

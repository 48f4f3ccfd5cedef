// `.replicated` `charts:` entries → chart directories packaged as KOTS receives them. Each entry's
// path (relative to the working directory here, possibly a glob) is expanded by tinyglobby to the
// directories holding a Chart.yaml, as the Replicated CLI does before `helm package`
// (replicatedhq/replicated pkg/tools/config.go). Paths come from the pull request: a path whose fixed
// part, or a matched directory whose real path, lies outside the root is a `path-skipped` finding and
// is never read; a symlink inside a chart that leaves the chart directory, or loops back to a directory
// being walked, is skipped the same way.
import type { Dirent } from 'node:fs';
import { mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Finding } from '../model.js';
import { parseChartYaml } from '../scan/helm/chart-meta.js';
import { type ChartOverrides, overrideChartYaml, packChart } from '../scan/helm/pack.js';
import { pathSkipped } from '../scan/walk.js';
import { errorMessage } from '../util.js';
import { isInside } from './inside.js';

export interface ChartSource extends ChartOverrides {
  /** Relative to the working directory, `/`-separated; may be a glob. */
  path: string;
}

export interface PackagedChart {
  /** The chart directory relative to the working directory (`charts/web`): the archive's display name. */
  dir: string;
  /** The chart's name: the first path component of every entry in `bytes`. */
  name: string;
  bytes: Uint8Array;
}

/** Bytes a chart directory may hold in all, like the archive reader's uncompressed limit. */
const MAX_CHART_BYTES = 50 * 1024 * 1024;
/** Bytes all chart directories of a run may hold together: each is read into memory before the
 *  archive budget sees it, so many directories under the per-directory cap could still fill the heap. */
const MAX_ALL_CHARTS_BYTES = 128 * 1024 * 1024;
/** Entries (files and directories) one chart directory may hold, like the archive reader's entry limit:
 *  symlinks that fan out to the same directories multiply the paths walked without adding bytes. */
const MAX_CHART_ENTRIES = 10_000;

export async function packageChartDirs(
  charts: readonly ChartSource[],
  cwd: string,
  root: string,
): Promise<{ charts: PackagedChart[]; findings: Finding[] }> {
  const realRoot = await realpath(path.resolve(cwd, root)).catch(() => path.resolve(cwd, root));
  const rel = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const out: PackagedChart[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const all = { bytes: 0 };
  for (const entry of charts) {
    const pattern = entry.path.replace(/\\/g, '/');
    const dynamic = isDynamicPattern(pattern);
    const fixed = path.resolve(cwd, dynamic ? fixedPart(pattern) : pattern);
    const fixedReal = await realpath(fixed).catch(() => fixed);
    if (!isInside(fixedReal, realRoot)) {
      findings.push(
        pathSkipped(
          entry.path,
          `chart path ${entry.path} resolves outside the workspace root, so it was not read`,
        ),
      );
      continue;
    }
    const dirs = dynamic
      ? (
          await glob(pattern, {
            cwd,
            onlyDirectories: true,
            absolute: true,
            expandDirectories: false,
            // A symlink met while globbing could lead the listing outside the root; matches are checked too.
            followSymbolicLinks: false,
            dot: false,
          })
        )
          .map((d) => path.resolve(d))
          .sort()
      : [fixed];
    let found = 0;
    let refused = 0;
    for (const dir of dirs) {
      const real = await realpath(dir).catch(() => undefined);
      if (real === undefined) {
        findings.push(pathSkipped(entry.path, `chart path ${entry.path} not found`));
        continue;
      }
      if (!isInside(real, realRoot)) {
        refused++;
        findings.push(
          pathSkipped(
            rel(dir),
            `chart directory ${rel(dir)} resolves outside the workspace root, so it was not read`,
          ),
        );
        continue;
      }
      const isChart = await stat(path.join(real, 'Chart.yaml')).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!isChart) {
        // A glob such as `./charts/*` may match directories that are not charts; a path named exactly is meant to be one.
        if (!dynamic) findings.push(pathSkipped(rel(dir), `chart path ${rel(dir)} holds no Chart.yaml`));
        continue;
      }
      found++;
      if (seen.has(real)) continue;
      seen.add(real);
      const packaged = await packageDir(rel(dir), real, entry, findings, all);
      if (packaged) out.push(packaged);
    }
    if (dynamic && found === 0 && refused === 0)
      findings.push(
        pathSkipped(entry.path, `chart path ${entry.path} matches no directory with a Chart.yaml`),
      );
  }
  return { charts: out, findings };
}

async function packageDir(
  dir: string,
  real: string,
  overrides: ChartOverrides,
  findings: Finding[],
  all: { bytes: number },
): Promise<PackagedChart | undefined> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let count = 0;
  // Real directories on the way down: a link to one of them loops, even through a sibling.
  const walk = async (abs: string, relDir: string, ancestors: string[]): Promise<boolean> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (e: unknown) {
      findings.push(pathSkipped(`${dir}/${relDir}`, `cannot read directory: ${errorMessage(e)}`));
      return false;
    }
    for (const ent of entries) {
      const inner = relDir ? `${relDir}/${ent.name}` : ent.name;
      const full = path.join(abs, ent.name);
      if (ent.name === '.git') continue;
      if (++count > MAX_CHART_ENTRIES) {
        findings.push(pathSkipped(dir, `chart directory holds more than ${MAX_CHART_ENTRIES} entries`));
        return false;
      }
      let target = full;
      if (ent.isSymbolicLink()) {
        const resolved = await realpath(full).catch(() => undefined);
        if (resolved === undefined || !isInside(resolved, real)) {
          findings.push(pathSkipped(`${dir}/${inner}`, 'symlink points outside the chart directory'));
          continue;
        }
        target = resolved;
      }
      const st = await stat(target);
      if (st.isDirectory()) {
        if (ancestors.includes(target)) {
          findings.push(
            pathSkipped(`${dir}/${inner}`, 'symlink loop: points back to a directory being walked'),
          );
          continue;
        }
        if (!(await walk(target, inner, [...ancestors, target]))) return false;
      } else if (st.isFile()) {
        total += st.size;
        if (total > MAX_CHART_BYTES) {
          findings.push(pathSkipped(dir, `chart directory holds more than ${MAX_CHART_BYTES} bytes`));
          return false;
        }
        if (all.bytes + total > MAX_ALL_CHARTS_BYTES) {
          findings.push(
            pathSkipped(
              dir,
              `not read: the chart directories together hold more than ${MAX_ALL_CHARTS_BYTES} bytes`,
            ),
          );
          return false;
        }
        files.set(inner, await readFile(target));
      }
    }
    return true;
  };
  if (!(await walk(real, '', [real]))) return undefined;
  all.bytes += total;
  const chartYaml = files.get('Chart.yaml');
  const text = overrideChartYaml(Buffer.from(chartYaml ?? new Uint8Array()).toString('utf8'), overrides);
  const meta = parseChartYaml(text);
  if ('error' in meta) {
    findings.push(pathSkipped(`${dir}/Chart.yaml`, `not a readable Chart.yaml: ${meta.error}`));
    return undefined;
  }
  files.set('Chart.yaml', Buffer.from(text, 'utf8'));
  return { dir, name: meta.name, bytes: packChart(meta.name, files) };
}

/** The part of a glob before its first wildcard segment, absolute when the glob is: `./charts/*` →
 *  `./charts`, `/srv/*` → `/srv`, `*` → `.`. */
function fixedPart(pattern: string): string {
  const fixed: string[] = [];
  for (const part of pattern.split('/')) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  const joined = fixed.join('/');
  return joined === '' ? (pattern.startsWith('/') ? '/' : '.') : joined;
}

/** Writes each packaged chart as `<name>.tgz` into a fresh temp directory, for Helm to render exactly
 *  the chart KOTS receives (version overrides included). `dispose` removes the directory. */
export async function stageChartArchives(
  charts: readonly PackagedChart[],
): Promise<{ paths: Map<string, string>; dispose: () => Promise<void> }> {
  const paths = new Map<string, string>();
  if (charts.length === 0) return { paths, dispose: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'kots-proxy-charts-'));
  for (const [i, c] of charts.entries()) {
    const file = path.join(dir, `${i}-${c.name}.tgz`);
    await writeFile(file, c.bytes);
    paths.set(c.dir, file);
  }
  return { paths, dispose: () => rm(dir, { recursive: true, force: true }) };
}

// Helm chart archives (`<name>-<version>.tgz`) shipped in a KOTS release: bytes in, chart data out.
// Follows Helm's loader (pkg/chart/loader/archive.go): gzip is required, the first path component of
// every entry is the chart directory and is stripped, absolute paths and `..` are rejected (Helm
// refuses such a chart, so do we), `charts/<sub>/…` directories and `charts/*.tgz` archives are
// subcharts. Never throws on bad input: every failure is `{ error }`.

import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { compareText, errorMessage } from '../../util.js';
import { type ChartDependency, parseChartYaml, parseDeps } from './chart-meta.js';

/** One text file of a chart; `file` is the SourcePos file string `<archive>!<path in archive>`. */
interface ChartFile {
  file: string;
  text: string;
}

export interface ChartArchive {
  /** The archive as positions name it: `manifests/redis-1.2.3.tgz`, or for a nested archive
   *  `manifests/redis-1.2.3.tgz!redis/charts/common-2.0.0.tgz`. */
  displayPath: string;
  /** This chart's directory inside the archive: `redis`, or `redis/charts/common` for a subchart dir. */
  dir: string;
  name: string;
  version: string;
  /** Chart.yaml appVersion: the usual default image tag (`image.tag | default .Chart.AppVersion`). */
  appVersion?: string;
  dependencies: ChartDependency[];
  values?: ChartFile;
  /** Every file under `templates/` (any depth) except NOTES.txt, sorted by path. */
  templates: ChartFile[];
  /** Subcharts in path order; dir subcharts share this chart's displayPath. */
  subcharts: ChartArchive[];
  /** Problems that did not stop the read (an unreadable nested archive, a subchart without Chart.yaml). */
  warnings: string[];
}

export interface ArchiveLimits {
  /** Total uncompressed bytes, nested archives included. */
  maxBytes: number;
  /** Total tar entries, nested archives included. */
  maxEntries: number;
  /** How deep `charts/*.tgz` inside `charts/*.tgz` may go; the top archive is depth 0. */
  maxDepth: number;
}

const DEFAULT_LIMITS: ArchiveLimits = { maxBytes: 50 * 1024 * 1024, maxEntries: 10_000, maxDepth: 5 };

type Budget = { bytes: number; entries: number };
type ReadResult = ChartArchive | { error: string };

/** Reads a chart archive. `displayPath` is the release-relative path used in every SourcePos. */
export function readChartArchive(
  displayPath: string,
  bytes: Uint8Array,
  limits: ArchiveLimits = DEFAULT_LIMITS,
): ReadResult {
  const budget: Budget = { bytes: limits.maxBytes, entries: limits.maxEntries };
  return readAt(displayPath, bytes, limits, budget, 0);
}

/** The archive whose Chart.yaml has this name (and version, when given). First match in input order. */
export function matchChartArchive(
  archives: readonly ChartArchive[],
  chartName: string,
  chartVersion?: string,
): ChartArchive | undefined {
  return archives.find(
    (a) =>
      a.name === chartName &&
      (chartVersion === undefined || chartVersion === '' || a.version === chartVersion),
  );
}

function readAt(
  displayPath: string,
  bytes: Uint8Array,
  limits: ArchiveLimits,
  budget: Budget,
  depth: number,
) {
  const files = untar(bytes, budget);
  if ('error' in files) return { error: `${displayPath}: ${files.error}` };
  const root = files.root;
  return buildChart(displayPath, root, files.files, '', limits, budget, depth);
}

interface Untarred {
  /** The first path component (the chart directory as written). */
  root: string;
  /** Regular files by path relative to the root (Helm strips the first component). */
  files: Map<string, Buffer>;
}

function untar(bytes: Uint8Array, budget: Budget): Untarred | { error: string } {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { error: 'not a gzip archive' };
  let tarBytes: Buffer;
  try {
    // +1 so that a stream of exactly the remaining budget still fits and one byte more does not.
    tarBytes = gunzipSync(bytes, { maxOutputLength: Math.max(1, budget.bytes + 1) });
  } catch (e: unknown) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : '';
    if (e instanceof RangeError || code === 'ERR_BUFFER_TOO_LARGE')
      return { error: 'exceeds the size limit' };
    return { error: `bad gzip data (${errorMessage(e)})` };
  }
  if (tarBytes.length > budget.bytes) return { error: 'exceeds the size limit' };
  budget.bytes -= tarBytes.length;
  if (tarBytes.length % 512 !== 0) return { error: 'truncated tar data' };

  const files = new Map<string, Buffer>();
  let root: string | undefined;
  let error: string | undefined;
  const fail = (message: string) => {
    error ??= message;
  };
  const parser = new Parser({
    brotli: false,
    zstd: false,
    onwarn: (code: string, message: string | Error) => {
      if (code === 'TAR_ENTRY_INVALID' || code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT')
        fail(`not a valid tar archive (${message instanceof Error ? message.message : message})`);
    },
    onReadEntry: (entry: ReadEntry) => {
      if (error !== undefined || --budget.entries < 0) {
        fail('too many entries');
        entry.resume();
        return;
      }
      const rel = entryPath(entry.path);
      if ('error' in rel) {
        fail(rel.error);
        entry.resume();
        return;
      }
      root ??= rel.root;
      const isFile = entry.type === 'File' || entry.type === 'OldFile' || entry.type === 'ContiguousFile';
      if (!isFile || rel.path === '') {
        entry.resume();
        return;
      }
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => {
        const data = Buffer.concat(chunks);
        if (data.length !== entry.size) fail(`truncated entry ${entry.path}`);
        files.set(rel.path, data);
      });
    },
  });
  parser.on('error', (e: unknown) => fail(`not a valid tar archive (${errorMessage(e)})`));
  try {
    // Parsing an in-memory buffer is synchronous: every entry has ended when end() returns.
    parser.end(tarBytes);
  } catch (e: unknown) {
    fail(`not a valid tar archive (${errorMessage(e)})`);
  }
  if (error !== undefined) return { error };
  if (root === undefined) return { error: 'empty archive' };
  return { root, files };
}

/** Helm's path rules: no absolute paths, no `..`, no drive letters; strip the first component. */
function entryPath(raw: string): { root: string; path: string } | { error: string } {
  const p = raw.replaceAll('\\', '/');
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return { error: `absolute path in archive: ${raw}` };
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  if (parts.includes('..')) return { error: `path outside the chart directory: ${raw}` };
  const [root, ...rest] = parts;
  if (root === undefined) return { error: `empty path in archive: ${JSON.stringify(raw)}` };
  return { root, path: rest.join('/') };
}

const decoder = new TextDecoder('utf-8');

/** Builds the chart rooted at `prefix` (`''` or `charts/<sub>/`) of one archive's file map. */
function buildChart(
  displayPath: string,
  root: string,
  files: Map<string, Buffer>,
  prefix: string,
  limits: ArchiveLimits,
  budget: Budget,
  depth: number,
): ReadResult {
  const fileOf = (rel: string): ChartFile | undefined => {
    const data = files.get(prefix + rel);
    return data === undefined
      ? undefined
      : { file: `${displayPath}!${root}/${prefix}${rel}`, text: decoder.decode(data) };
  };
  const chartYaml = fileOf('Chart.yaml');
  if (chartYaml === undefined) return { error: `${displayPath}: no ${root}/${prefix}Chart.yaml` };
  const meta = parseChartYaml(chartYaml.text);
  if ('error' in meta) return { error: `${chartYaml.file}: ${meta.error}` };
  const requirements = fileOf('requirements.yaml');
  const dependencies =
    meta.dependencies.length > 0 || requirements === undefined
      ? meta.dependencies
      : parseDeps(requirements.text);

  const templates: ChartFile[] = [];
  const subDirs = new Set<string>();
  const subArchives: string[] = [];
  for (const key of [...files.keys()].sort()) {
    if (!key.startsWith(prefix)) continue;
    const rel = key.slice(prefix.length);
    if (rel.startsWith('templates/') && !rel.endsWith('/NOTES.txt')) {
      const f = fileOf(rel);
      if (f) templates.push(f);
    } else if (rel.startsWith('charts/')) {
      const [sub, ...rest] = rel.slice('charts/'.length).split('/');
      if (sub === undefined || sub === '') continue;
      if (rest.length > 0) subDirs.add(sub);
      else if (sub.endsWith('.tgz') || sub.endsWith('.tar.gz')) subArchives.push(sub);
    }
  }

  const chart: ChartArchive = {
    displayPath,
    dir: `${root}/${prefix}`.replace(/\/$/, ''),
    name: meta.name,
    version: meta.version,
    dependencies,
    templates,
    subcharts: [],
    warnings: [],
  };
  if (meta.appVersion) chart.appVersion = meta.appVersion;
  const values = fileOf('values.yaml');
  if (values) chart.values = values;

  const subs: Array<[string, () => ReadResult]> = [
    ...[...subDirs].map((s): [string, () => ReadResult] => [
      s,
      () => buildChart(displayPath, root, files, `${prefix}charts/${s}/`, limits, budget, depth),
    ]),
    ...subArchives.map((s): [string, () => ReadResult] => [
      s,
      () =>
        depth + 1 > limits.maxDepth
          ? { error: `${displayPath}!${root}/${prefix}charts/${s}: nested deeper than ${limits.maxDepth}` }
          : readAt(
              `${displayPath}!${root}/${prefix}charts/${s}`,
              files.get(`${prefix}charts/${s}`)!,
              limits,
              budget,
              depth + 1,
            ),
    ]),
  ];
  for (const [, load] of subs.sort((a, b) => compareText(a[0], b[0]))) {
    const sub = load();
    if ('error' in sub) {
      // A size-limit breach anywhere fails the whole read: the caps protect the process, not the chart.
      if (sub.error.endsWith('exceeds the size limit') || sub.error.endsWith('too many entries')) return sub;
      chart.warnings.push(sub.error);
    } else {
      chart.subcharts.push(sub);
    }
  }
  return chart;
}

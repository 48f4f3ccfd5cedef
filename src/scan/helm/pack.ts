// A chart directory packaged as `helm package` would ship it: a gzipped tar whose entries all sit under
// `<chart name>/`, here with sorted entries, fixed mtimes and no owner data so that the same directory
// always gives the same bytes. The version overrides of a `.replicated` `charts:` entry (the Replicated
// CLI's chartVersion / appVersion, replicatedhq/replicated pkg/tools/types.go) are written into
// Chart.yaml before packing, as the Replicated CLI does when it packages the chart. Pure: files in,
// bytes out.
import { gzipSync } from 'node:zlib';
import { Header, Pax } from 'tar';
import { parseDocument } from 'yaml';
import { compareText } from '../../util.js';

export interface ChartOverrides {
  chartVersion?: string;
  appVersion?: string;
}

const EPOCH = new Date(0);

/** Chart.yaml with `version` / `appVersion` replaced; comments and the rest kept as written. */
export function overrideChartYaml(text: string, overrides: ChartOverrides): string {
  if (!overrides.chartVersion && !overrides.appVersion) return text;
  const doc = parseDocument(text);
  if (overrides.chartVersion) doc.set('version', overrides.chartVersion);
  if (overrides.appVersion) doc.set('appVersion', overrides.appVersion);
  return doc.toString();
}

/** The `.tgz` bytes: each of `files` (paths relative to the chart directory, `/`-separated) under
 *  `<root>/`, in code-unit order. */
export function packChart(root: string, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const blocks: Buffer[] = [];
  for (const rel of [...files.keys()].sort(compareText)) {
    const data = Buffer.from(files.get(rel) ?? new Uint8Array());
    const path = `${root}/${rel}`;
    const fields = { path, mode: 0o644, size: data.length, mtime: EPOCH, type: 'File' as const };
    const header = new Header(fields);
    // A path longer than the ustar fields hold goes into a pax header before the entry, as tar does.
    if (header.encode()) blocks.push(new Pax(fields).encode());
    if (header.block) blocks.push(header.block);
    blocks.push(data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

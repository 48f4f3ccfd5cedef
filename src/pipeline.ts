// The one pipeline both entries run: walk → scan → check → plan → render. Only `checker` (registry I/O)
// and the file reads of the scan touch the outside world; writing outputs is the caller's choice.
import type { Finding, ImageStatus, CredentialsVerdict, Logger, RegistryChecker, RunOptions, SourcePos } from './model.js';

/** One image of the JSON report (interface.md). */
export interface ReportImage {
  image: string;
  normalized?: string;
  status: ImageStatus;
  credentials: CredentialsVerdict;
  proxy: string | null;
  /** Why the image got a non-public status, one line (not part of the report JSON). */
  reason?: string;
  locations: SourcePos[];
}

export interface Report {
  version: 1;
  appSlug: string;
  proxyDomain: string;
  images: ReportImage[];
  findings: Finding[];
  /** Paths of generated files, relative to the working directory, `/` separators. */
  generated: string[];
}

/** A file to write under the output directory; `path` is relative to the working directory. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface PipelineResult {
  report: Report;
  files: GeneratedFile[];
}

export interface PipelineDeps {
  /** Absent when offline: unlisted images get status `unknown`. */
  checker?: RegistryChecker;
  logger: Logger;
  /** Working directory that report paths are relative to. */
  cwd: string;
}

export async function runPipeline(
  _paths: string[],
  _options: RunOptions,
  _deps: PipelineDeps,
): Promise<PipelineResult> {
  throw new Error('not implemented');
}

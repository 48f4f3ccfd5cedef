// The CLI shell: argv → the shared pipeline → files, report, summary and an exit code. No GitHub parts.
// The pipeline and the registry client (undici, most of the bundle) are imported when a scan needs
// them, so `--help`, `--version` and usage errors start fast and `--offline` never loads undici; the
// bundler puts each in a chunk file next to dist/cli.js, read only when imported.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Logger, UsageError } from '../model.js';
import { buildRunOptions } from '../options.js';
import { checkOutDir, plannedFile, relativeOutDir, writeGeneratedFiles } from '../output.js';
import type { PipelineDeps } from '../pipeline.js';
import { Redactor } from '../redact.js';
import {
  credentialFor,
  parseRegistryAuth,
  type RegistryCredentials,
  registrySecrets,
} from '../registry/auth.js';
import { humanSummary, reachesFailLevel, reportJson, reportJsonChunks } from '../render/report.js';
import { renderSarif, sarifJson } from '../render/sarif.js';
import { errorWithCode } from '../util.js';
import { parseCliArgs, USAGE } from './args.js';
import { readProject } from './project.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  version: string;
  /** Finds helm for chart renders (default: locateHelm, `--helm` or PATH); null: charts are
   *  approximated without a notice. */
  findHelm?: PipelineDeps['findHelm'] | null;
  /** Width of the stderr table; absent: not fitted. */
  columns?: number;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

async function loadCredentials(file: string | undefined, cwd: string): Promise<RegistryCredentials> {
  if (file === undefined) return new Map();
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (e: unknown) {
    throw new UsageError(`--registry-auth ${file}: cannot read: ${errorWithCode(e)}`);
  }
  return parseRegistryAuth(text, file);
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let redact = (text: string) => text;
  const err = (text: string) => io.stderr(redact(text));
  try {
    // The nearest .replicated supplies the app slug and manifests the command line leaves out.
    const project = argv.includes('scan') ? await readProject(io.cwd) : undefined;
    const args = parseCliArgs(argv, {
      ...(project?.appSlug ? { appSlug: project.appSlug } : {}),
      ...(project?.manifests.length ? { paths: project.manifests } : {}),
    });
    if (args.command === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    if (args.command === 'version') {
      io.stdout(`${io.version}\n`);
      return EXIT_OK;
    }
    // Report paths are relative to the working directory, also for an absolute --out.
    args.outDir = relativeOutDir(io.cwd, args.outDir);
    const credentials = await loadCredentials(args.registryAuth, io.cwd);
    // One redactor for stdout, stderr, the report and generated files; tokens join it on receipt.
    const redactor = new Redactor(registrySecrets(credentials));
    redact = redactor.redact;
    await checkOutDir(io.cwd, args.outDir, args.paths);

    const logger: Logger = {
      info: (m) => {
        if (args.verbosity !== 'quiet') err(`${m}\n`);
      },
      debug: (m) => {
        if (args.verbosity === 'verbose') err(`${m}\n`);
      },
      warning: (m) => err(`warning: ${m}\n`),
    };
    const options = buildRunOptions(args);
    // The project's charts are part of the release it describes, whichever PATHs are scanned.
    if (project?.charts.length) options.charts = project.charts;
    const findHelm =
      io.findHelm === null
        ? undefined
        : (io.findHelm ??
          (async (helmPath: string | undefined) => {
            const { locateHelm } = await import('../helm/locate.js');
            return locateHelm(helmPath === undefined ? { cwd: io.cwd } : { helmPath, cwd: io.cwd });
          }));
    const { runPipeline } = await import('../pipeline.js');
    const checker = args.offline
      ? undefined
      : (await import('../registry/checker.js')).createRegistryChecker({
          credentials,
          insecureRegistries: options.insecureRegistries,
          allowRegistries: options.allowRegistries,
          concurrency: options.concurrency,
          perHostConcurrency: options.perRegistryConcurrency,
          logger,
          onSecret: (s) => redactor.add(s),
          budget: { timeoutMs: options.timeoutS * 1000 },
        });
    let result: Awaited<ReturnType<typeof runPipeline>>;
    try {
      result = await runPipeline(args.paths, options, {
        ...(checker ? { checker } : {}),
        logger,
        cwd: io.cwd,
        hasCredentials: (host) => credentialFor(credentials, host) !== undefined,
        ...(findHelm ? { findHelm } : {}),
      });
    } finally {
      await checker?.close();
    }
    // The report and the SARIF log are part of the same all-or-none write as the generated files.
    // The report is streamed into its staged file, redacted piece by piece, so a large report is
    // never one string in memory.
    const report = args.report !== undefined && args.report !== '-' ? args.report : undefined;
    const extra =
      report === undefined
        ? []
        : [
            plannedFile(
              resolve(io.cwd, report),
              redactor.redactChunks(reportJsonChunks(result.report)),
              report,
            ),
          ];
    if (args.sarif !== undefined) {
      const sarif = redact(sarifJson(renderSarif(result.report, { toolVersion: io.version })));
      extra.push(plannedFile(resolve(io.cwd, args.sarif), sarif, args.sarif));
    }
    await writeGeneratedFiles(
      io.cwd,
      args.outDir,
      result.files.map((f) => ({ ...f, content: redact(f.content) })),
      extra,
    );
    if (args.report === '-') io.stdout(redact(reportJson(result.report)));
    err(humanSummary(result.report, args.verbosity, io.columns));
    return reachesFailLevel(result.report.findings, args.failOn) ? EXIT_FINDINGS : EXIT_OK;
  } catch (e: unknown) {
    if (e instanceof UsageError) {
      err(`kots-proxy: ${e.message}\n`);
    } else {
      // A bug, not a usage error: one line, with the stack only when asked for.
      const verbose = argv.includes('--verbose');
      const detail = e instanceof Error ? (verbose ? (e.stack ?? e.message) : e.message) : String(e);
      err(`kots-proxy: internal error: ${detail}${verbose ? '' : ' (rerun with --verbose for the stack)'}\n`);
    }
    return EXIT_USAGE;
  }
}

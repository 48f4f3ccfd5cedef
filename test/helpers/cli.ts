// Runs the CLI's main() in process with captured stdout and stderr.
import { spawn } from 'node:child_process';
import { type CliIo, main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Charts keep the approximation (no helm lookup), as tests of that path need on any machine. */
export async function runCli(cwd: string, ...argv: string[]): Promise<CliRun> {
  return runCliWith({ findHelm: null }, cwd, ...argv);
}

/** runCli with the helm lookup given: `{}` looks helm up as the CLI does (`--helm`, PATH). */
export async function runCliWith(
  io: Pick<CliIo, 'findHelm'>,
  cwd: string,
  ...argv: string[]
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...io,
    cwd,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    version: 'test',
  });
  return { code, stdout, stderr };
}

/** @public */
export const BUNDLED_CLI = new URL('../../dist/cli.js', import.meta.url).pathname;

/** Runs the bundled `dist/cli.js` as a child process with a minimal environment plus `env`; the child
 *  is killed after `timeoutMs` (code -1 then). */
export function runBundledCli(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 45_000,
): Promise<CliRun> {
  const child = spawn(process.execPath, [BUNDLED_CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((done) =>
    child.on('close', (code) => {
      clearTimeout(killer);
      done({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    }),
  );
}

// Runs a program with an argument array (no shell), bounded in time and output size. On either
// bound the whole process group is killed, so that a plugin or child process Helm started dies too.

import { spawn } from 'node:child_process';

export interface BoundedRunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs: number;
  maxOutputBytes: number;
}

export interface BoundedRunResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Which bound stopped the program, if one did. */
  stopped: 'timeout' | 'output-too-large' | null;
  /** A failure to start the program at all (ENOENT, EACCES). */
  spawnError: NodeJS.ErrnoException | null;
}

/** stderr is kept to this size at most: enough for Helm's error, never a flood. */
const MAX_STDERR_BYTES = 64 * 1024;

export function runBounded(
  file: string,
  args: readonly string[],
  opts: BoundedRunOptions,
): Promise<BoundedRunResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let stopped: BoundedRunResult['stopped'] = null;
    let spawnError: NodeJS.ErrnoException | null = null;
    // detached: the child leads its own process group, which kill(-pid) ends as a whole.
    const child = spawn(file, [...args], {
      cwd: opts.cwd,
      env: opts.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
    });
    const stop = (why: 'timeout' | 'output-too-large'): void => {
      if (stopped !== null) return;
      stopped = why;
      killGroup(child.pid);
    };
    const timer = setTimeout(() => stop('timeout'), opts.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stopped !== null) return;
      const room = opts.maxOutputBytes - outBytes;
      if (chunk.length > room) {
        if (room > 0) out.push(chunk.subarray(0, room));
        outBytes = opts.maxOutputBytes;
        stop('output-too-large');
        return;
      }
      out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const room = MAX_STDERR_BYTES - errBytes;
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      err.push(part);
      errBytes += part.length;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        stopped,
        spawnError,
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

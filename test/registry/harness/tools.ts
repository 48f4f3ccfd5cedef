// Shared helpers of the registry lab: required tools and readiness polling.
import { execFileSync } from 'node:child_process';

/** Fails loudly (never skips) when a lab tool is missing. */
export function requireTool(name: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`required tool "${name}" is not installed: run scripts/setup-tools.sh`);
  }
}

/** Polls `url` until any HTTP answer arrives, or fails after `timeoutMs` with `describe()` for context. */
export async function waitForHttp(url: string, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${describe()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

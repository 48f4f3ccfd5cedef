// Test helpers: targets, a recording logger, and checkers with small timeouts.
import type { CheckTarget, Logger } from '../../src/model.js';
import type { RegistryCredentials } from '../../src/registry/auth.js';
import { parseRegistryAuth } from '../../src/registry/auth.js';
import type { ClosableRegistryChecker, RegistryCheckerOptions } from '../../src/registry/checker.js';
import { createRegistryChecker } from '../../src/registry/checker.js';

export function target(host: string, repository: string, reference: string): CheckTarget {
  const separator = reference.includes(':') ? '@' : ':';
  return { key: `${host}/${repository}${separator}${reference}`, domain: host, repository, reference };
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
  };
}

export function credentials(entries: Record<string, [string, string]>): RegistryCredentials {
  const auths: Record<string, { auth: string }> = {};
  for (const [host, [user, pass]] of Object.entries(entries)) {
    auths[host] = { auth: Buffer.from(`${user}:${pass}`).toString('base64') };
  }
  return parseRegistryAuth(JSON.stringify({ auths }), 'test');
}

/** A checker for loopback registries: every host is plain HTTP, timeouts and retry delays are small. */
export function labChecker(
  hosts: string[],
  creds: RegistryCredentials = new Map(),
  overrides: Partial<RegistryCheckerOptions> = {},
): ClosableRegistryChecker & { logger: RecordingLogger } {
  const logger = recordingLogger();
  const checker = createRegistryChecker({
    credentials: creds,
    insecureRegistries: hosts,
    concurrency: 8,
    logger,
    timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000, perImageMs: 10_000 },
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 2_000 },
    ...overrides,
  });
  return Object.assign(checker, { logger });
}

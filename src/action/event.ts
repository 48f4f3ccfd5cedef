// The workflow run as the action sees it, read from the runner's environment (not from
// @actions/github's import-time `context`, so tests can build one from plain values).
import { readFileSync } from 'node:fs';
import { UsageError } from '../model.js';

interface PullRequestInfo {
  number: number;
  /** `pull_request.head.sha`: what the author pushed; the only commit we build on. */
  headSha: string;
  headRef: string;
  /** owner/name of the head repository ('' when the fork was deleted). */
  headRepo: string;
  baseRepo: string;
  /** Head repository differs from the base repository: the token is read-only, never commit. */
  fork: boolean;
}

export interface RunContext {
  eventName: string;
  /** owner/name of the repository the workflow runs in (GITHUB_REPOSITORY). */
  repository: string;
  /** GITHUB_SHA: on pull_request this is the merge commit the default checkout gives. */
  sha: string;
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  runnerTemp: string;
  pullRequest?: PullRequestInfo;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function field(obj: unknown, ...keys: string[]): unknown {
  let cur = obj;
  for (const k of keys) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Pulls what the action needs out of a pull_request / pull_request_target payload. */
function pullRequestFrom(eventName: string, payload: unknown): PullRequestInfo | undefined {
  if (!PR_EVENTS.has(eventName)) return undefined;
  const pr = field(payload, 'pull_request');
  const headSha = str(field(pr, 'head', 'sha'));
  const number = field(pr, 'number') ?? field(payload, 'number');
  if (typeof number !== 'number' || headSha === '') return undefined;
  const headRepo = str(field(pr, 'head', 'repo', 'full_name'));
  const baseRepo = str(field(pr, 'base', 'repo', 'full_name'));
  return {
    number,
    headSha,
    headRef: str(field(pr, 'head', 'ref')),
    headRepo,
    baseRepo,
    fork: headRepo === '' || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
  };
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (e: unknown) {
      throw new UsageError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${String(e)}`);
    }
  }
  const repository = env.GITHUB_REPOSITORY || str(field(payload, 'repository', 'full_name'));
  const ctx: RunContext = {
    eventName,
    repository,
    sha: env.GITHUB_SHA ?? '',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    runnerTemp: env.RUNNER_TEMP || '',
  };
  const pr = pullRequestFrom(eventName, payload);
  if (pr) ctx.pullRequest = pr;
  return ctx;
}

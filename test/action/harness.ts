// End-to-end harness: a bare "GitHub" repository served by the API double, a workspace cloned from it,
// a pull_request event payload, and `node dist/index.js` run as a child process with the runner's
// environment (INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, RUNNER_TEMP).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { type DoubleOptions, type GitHubDouble, startGitHubDouble } from '../github/double.js';
import { git, makeRepo, tempDir } from '../github/git.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');
export const BRANCH = 'feature/new-images';
/** @public */
export const OWNER = 'acme';
/** @public */
export const REPO = 'app';

/** The example release as `manifests/`, plus a README; the PR branch edits one manifest. */
export function releaseFiles(): Record<string, string | Uint8Array> {
  const dir = join(ROOT, 'examples', 'release');
  const files: Record<string, string | Uint8Array> = { 'README.md': '# app\n' };
  // The chart archive is bytes; the manifests are text.
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    files[`manifests/${name}`] = name.endsWith('.tgz') ? readFileSync(p) : readFileSync(p, 'utf8');
  }
  return files;
}

export interface Scenario {
  bare: string;
  workspace: string;
  headSha: string;
  baseSha: string;
  double: GitHubDouble;
  eventPath: string;
  dir: string;
}

export interface ScenarioOptions {
  fork?: boolean;
  base?: Record<string, string | Uint8Array>;
  branchFiles?: Record<string, string | Uint8Array>;
  changedFiles?: string[];
  double?: Partial<DoubleOptions>;
}

export async function setupScenario(opts: ScenarioOptions = {}): Promise<Scenario> {
  const base = opts.base ?? releaseFiles();
  const branchFiles = opts.branchFiles ?? {
    'manifests/workers.yaml': `${base['manifests/workers.yaml'] ?? ''}# touched by the PR\n`,
  };
  const { bare, headSha, baseSha } = await makeRepo(base, BRANCH, branchFiles);
  const workspace = tempDir('workspace');
  await git(['clone', '-q', '-b', BRANCH, bare, workspace]);
  const double = await startGitHubDouble({
    bare,
    owner: OWNER,
    repo: REPO,
    writeTokens: ['write-token'],
    readTokens: ['read-token'],
    // A job whose permissions name contents and pull-requests but not checks.
    tokens: { 'nochecks-token': { contents: 'write', checks: 'none', pullRequests: 'read' } },
    pulls: { 7: opts.changedFiles ?? Object.keys(branchFiles) },
    maxPerPage: 2,
    ...opts.double,
  });
  const dir = tempDir('runner');
  const headRepo = opts.fork ? 'contributor/app' : `${OWNER}/${REPO}`;
  const event = {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: headSha, ref: BRANCH, repo: { full_name: headRepo } },
      base: { sha: baseSha, ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
    },
    repository: { full_name: `${OWNER}/${REPO}` },
  };
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  return { bare, workspace, headSha, baseSha, double, eventPath, dir };
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file (`name<<delimiter\nvalue\ndelimiter`). */
/** @public */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export async function runAction(
  s: Scenario,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const run = tempDir('run');
  const outputFile = join(run, 'output');
  const summaryFile = join(run, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ token: 'write-token', ...inputs })) {
    inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  }
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: s.eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: s.workspace,
    GITHUB_SHA: s.headSha,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_API_URL: s.double.url,
    GITHUB_GRAPHQL_URL: `${s.double.url}/graphql`,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: run,
    ...inputEnv,
    ...env,
  };
  const child = spawn(process.execPath, [BUNDLE], { cwd: s.workspace, env: childEnv });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** Registry lists that classify every host of the example release without a network request. */
export const OFFLINE_LISTS = {
  'private-registries': 'quay.io\nregistry.acme.example:5000',
  'public-registries': 'docker.io, registry-1.docker.io',
};

/** The inputs most tests run the action with: the example app, registries classified offline. */
export const INPUTS = { 'app-slug': 'acme', ...OFFLINE_LISTS };

/** The commit the pull request's branch points at in the bare "GitHub" repository. */
export const tip = (s: Scenario) => git(['--git-dir', s.bare, 'rev-parse', `refs/heads/${BRANCH}`]);

/** Sets up scenarios for the calling test file and closes each one's API double after its test.
 *  Call once at the top of a test file (it registers an afterEach hook there). */
export function scenarioFactory(): (opts?: ScenarioOptions) => Promise<Scenario> {
  const open: Scenario[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.double.close();
  });
  return async (opts = {}) => {
    const s = await setupScenario(opts);
    open.push(s);
    return s;
  };
}

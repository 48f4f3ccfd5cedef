// Every action input, read once into one typed object. Each mistake is a UsageError naming the input
// and the expected form. registry-auth is masked before anything else is read or logged.

import { isAbsolute, normalize } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../model.js';
import {
  DEFAULT_OUT_DIR,
  FAIL_ON,
  type FailOn,
  parseAppSlug,
  parseConcurrencies,
  parseHost,
  parseTimeoutSeconds,
} from '../options.js';
import { MIN_SECRET_LENGTH } from '../redact.js';
import type { RegistryCredentials } from '../registry/auth.js';
import { parseRegistryAuth, registrySecrets } from '../registry/auth.js';
import { type CommitPolicy, parseCommitPolicy } from './mode.js';
import { type ChartEntry, type ReplicatedConfig, readReplicatedConfig } from './replicated.js';

type Annotate = 'changed' | 'changed-lines' | 'all' | 'none';

export interface ActionInputs {
  appSlug: string;
  /** Release paths relative to the workspace. */
  manifests: string[];
  /** Relative to the workspace, `/` separators, no trailing slash. */
  outputDir: string;
  proxyDomain?: string;
  registryDomain?: string;
  credentials: RegistryCredentials;
  privateRegistries: string[];
  publicRegistries: string[];
  insecureRegistries: string[];
  /** The helm binary to render charts with; absent: `helm` on PATH (hosted runners ship it). */
  helmPath?: string;
  /** Hosts that may resolve to internal addresses (input allow-registries). */
  allowRegistries: string[];
  /** Registry requests in flight in total (input concurrency). */
  concurrency: number;
  /** Registry requests in flight to one registry (input concurrency-per-registry), at most `concurrency`. */
  perRegistryConcurrency: number;
  /** Seconds the registry phase may take in all (input timeout; unset: the default). */
  timeoutS?: number;
  annotate: Annotate;
  commit: CommitPolicy;
  /** Where to write a SARIF log (workspace-relative or absolute); undefined: none. */
  sarif?: string;
  commitMessage: string;
  failOn: FailOn;
  token: string;
  /** The project file that supplied defaults, if any (for the log). */
  configFile?: string;
  /** The project file's `charts` entries (paths relative to the workspace). */
  charts?: ChartEntry[];
}

export const DEFAULT_COMMIT_MESSAGE = 'kots-proxy: update generated overlay';

/** Reads an input by its action.yml name; '' when unset. */
export type InputReader = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input ${name} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);
}

function host(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  return parseHost(`input ${name}`, value, ' (no scheme or path)');
}

/** Newline- or comma-separated HOST[:PORT] list. */
function hostList(name: string, value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((h) => host(name, h)!);
}

/** Masks the credentials input and every secret derived from it, then parses it. Runs first. */
function maskAndParseRegistryAuth(raw: string, mask: (secret: string) => void): RegistryCredentials {
  if (raw.trim() === '') return new Map();
  mask(raw);
  // The runner matches masks line by line, so a multi-line JSON value is masked by its parts.
  for (const line of raw.split('\n')) if (line.trim().length >= 8) mask(line.trim());
  const credentials = parseRegistryAuth(raw, 'input registry-auth');
  for (const secret of registrySecrets(credentials)) mask(secret);
  return credentials;
}

function outputDir(value: string): string {
  const raw = value === '' ? DEFAULT_OUT_DIR : value;
  const norm = normalize(raw.replace(/\\/g, '/')).replace(/\\/g, '/').replace(/\/+$/, '');
  if (isAbsolute(raw) || norm === '.' || norm === '' || norm === '..' || norm.startsWith('../')) {
    throw new UsageError(
      `input output-dir ${JSON.stringify(value)} must be a directory inside the workspace, like kots-proxy`,
    );
  }
  return norm;
}

/** Pure core of getInputs: `read` returns trimmed input values, `config` the project file if any. */
export function parseInputs(
  read: InputReader,
  mask: (secret: string) => void,
  loadConfig: () => ReplicatedConfig | undefined,
): ActionInputs {
  // `::add-mask::e` would hide every "e" of the log: values too short to mask are not masked.
  const maskSome = (secret: string): void => {
    if (secret.length >= MIN_SECRET_LENGTH) mask(secret);
  };
  const credentials = maskAndParseRegistryAuth(read('registry-auth'), maskSome);
  const config = loadConfig();

  const appSlug = read('app-slug') || config?.appSlug || '';
  if (appSlug === '') {
    throw new UsageError(
      'input app-slug is required (or set appSlug in a .replicated file in the workspace)',
    );
  }
  parseAppSlug(read('app-slug') ? 'input app-slug' : `appSlug in ${config?.file}`, appSlug);
  const listed = read('manifests')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  // The input's default is `manifests` (docs/interface.md); a .replicated file's manifests take its place
  // only while the input keeps that default.
  const isDefault = listed.length === 0 || (listed.length === 1 && listed[0] === 'manifests');
  const manifests = !isDefault ? listed : config?.manifests.length ? config.manifests : ['manifests'];

  const token = read('token');
  // An empty input is an unset one: the defaults of src/options.ts apply.
  const { concurrency, perRegistryConcurrency } = parseConcurrencies(
    { global: 'input concurrency', perRegistry: 'input concurrency-per-registry' },
    read('concurrency') || undefined,
    read('concurrency-per-registry') || undefined,
  );
  const inputs: ActionInputs = {
    appSlug,
    manifests,
    outputDir: outputDir(read('output-dir')),
    credentials,
    privateRegistries: hostList('private-registries', read('private-registries')),
    publicRegistries: hostList('public-registries', read('public-registries')),
    insecureRegistries: hostList('insecure-registries', read('insecure-registries')),
    allowRegistries: hostList('allow-registries', read('allow-registries')),
    concurrency,
    perRegistryConcurrency,
    annotate: oneOf('annotate', read('annotate'), ['changed', 'changed-lines', 'all', 'none'], 'changed'),
    commit: parseCommitPolicy(read('commit')),
    commitMessage: read('commit-message') || DEFAULT_COMMIT_MESSAGE,
    failOn: oneOf('fail-on', read('fail-on'), FAIL_ON, 'error'),
    token,
  };
  if (token) maskSome(token);
  const proxyDomain = host('proxy-domain', read('proxy-domain'));
  if (proxyDomain) inputs.proxyDomain = proxyDomain;
  const registryDomain = host('registry-domain', read('registry-domain'));
  if (registryDomain) inputs.registryDomain = registryDomain;
  const timeout = read('timeout');
  if (timeout !== '') inputs.timeoutS = parseTimeoutSeconds('input timeout', timeout);
  const sarif = read('sarif');
  if (sarif) inputs.sarif = sarif;
  if (config) inputs.configFile = config.file;
  if (config?.charts.length) inputs.charts = config.charts;
  const helm = read('helm').trim();
  if (helm) inputs.helmPath = helm;
  return inputs;
}

/** Reads the inputs of this step (INPUT_* variables) with `.replicated` defaults from `workspace`. */
export function getInputs(workspace: string): ActionInputs {
  return parseInputs(
    (name) => core.getInput(name),
    (secret) => core.setSecret(secret),
    () => readReplicatedConfig(workspace),
  );
}

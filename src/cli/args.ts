// argv → one typed CliArgs object. Every mistake is a UsageError that names the option.
import { parseArgs } from 'node:util';
import { UsageError } from '../model.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_OUT_DIR,
  defaultPerRegistryConcurrency,
  type FailOn,
  isFailOn,
  parseAppSlug,
  parseConcurrencies,
  parseHost,
  parseTimeoutSeconds,
} from '../options.js';

export interface CliArgs {
  command: 'scan' | 'help' | 'version';
  paths: string[];
  appSlug: string;
  outDir: string;
  report?: string;
  /** Write a SARIF 2.1.0 log here. */
  sarif?: string;
  proxyDomain?: string;
  registryDomain?: string;
  privateRegistries: string[];
  publicRegistries: string[];
  insecureRegistries: string[];
  /** Hosts that may resolve to internal addresses (loopback, private…); insecure ones may too. */
  allowRegistries: string[];
  registryAuth?: string;
  /** Release paths must resolve inside this directory (default: the working directory). */
  root?: string;
  offline: boolean;
  /** Registry requests in flight in total. */
  concurrency: number;
  /** Registry requests in flight to one registry, at most `concurrency`. */
  perRegistryConcurrency: number;
  helmPath?: string;
  /** Seconds the registry phase may take in all (unset: the default). */
  timeoutS?: number;
  failOn: FailOn;
  verbosity: 'quiet' | 'normal' | 'verbose';
}

export const USAGE = `Usage: kots-proxy scan [PATH ...] --app-slug SLUG [options]

Scans a KOTS release (directories or .yaml/.yml files; default: manifests), checks every image's
registry the way KOTS will, and writes the kustomize overlay and pull-secret template KOTS would apply.

Options:
  --app-slug SLUG             the KOTS application slug (required)
  --out DIR                   where generated files are written (default: kots-proxy)
  --report FILE               write the JSON report; - means stdout
  --sarif FILE                write a SARIF 2.1.0 log (for GitHub code scanning)
  --proxy-domain HOST         proxy service host (default: proxy.replicated.com)
  --registry-domain HOST      custom domain for registry.replicated.com images
  --private-registry HOST     images on HOST are private; no request is made (repeatable)
  --public-registry HOST      images on HOST are public; no request is made (repeatable)
  --insecure-registry HOST    talk plain HTTP to HOST (repeatable; also allows internal addresses)
  --allow-registry HOST       HOST may resolve to a loopback/private/link-local address (repeatable)
  --registry-auth FILE        Docker config.json-style read-only credentials for the proxy service
  --root DIR                  release paths must resolve inside DIR (default: the working directory)
  --offline                   make no network request; unlisted images get status unknown
  --concurrency N             registry requests in flight in total, 1-256 (default: 64)
  --concurrency-per-registry N
                              requests in flight to one registry, with its own queue; at most
                              --concurrency (default: 16, or --concurrency when lower)
  --helm PATH                 the helm binary (3.x or 4.x) that renders chart archives (default: helm on PATH)
  --timeout SECONDS           time limit for all registry checks; later images are not checked (default: 120)
  --fail-on LEVEL             error, warning or never (default: error)
  --quiet / --verbose         less / more output on stderr
  --help, --version

Exit codes: 0 done, 1 findings at or above --fail-on, 2 bad usage or unreadable input.
`;

function hostList(option: string, values: string[] | undefined): string[] {
  return (values ?? []).map((v) => parseHost(option, v));
}

function host(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return hostList(option, [value])[0];
}

/** What a project file (`.replicated`) supplies when the command line leaves it out. */
export interface ArgDefaults {
  appSlug?: string;
  paths?: string[];
}

export function parseCliArgs(argv: string[], defaults: ArgDefaults = {}): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e: unknown) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify .*$/s, '') : String(e));
  }
  const { values: v, positionals } = parsed;
  const base = {
    paths: [],
    appSlug: '',
    outDir: DEFAULT_OUT_DIR,
    privateRegistries: [],
    publicRegistries: [],
    insecureRegistries: [],
    allowRegistries: [],
    offline: false,
    concurrency: DEFAULT_CONCURRENCY,
    perRegistryConcurrency: defaultPerRegistryConcurrency(DEFAULT_CONCURRENCY),
    failOn: 'error' as const,
    verbosity: 'normal' as const,
  };
  if (v.help) return { ...base, command: 'help' };
  if (v.version) return { ...base, command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: expected "scan" (see --help)');
  if (command !== 'scan') throw new UsageError(`unknown command ${JSON.stringify(command)}: expected "scan"`);
  const appSlug = v['app-slug'] || defaults.appSlug;
  if (!appSlug) throw new UsageError('--app-slug is required (or appSlug in a .replicated file)');
  parseAppSlug('--app-slug', appSlug);
  const { concurrency, perRegistryConcurrency } = parseConcurrencies(
    { global: '--concurrency', perRegistry: '--concurrency-per-registry' },
    v.concurrency,
    v['concurrency-per-registry'],
  );
  const failOn = v['fail-on'] ?? 'error';
  if (!isFailOn(failOn)) {
    throw new UsageError(`--fail-on must be one of error, warning, never, got ${JSON.stringify(failOn)}`);
  }
  if (v.quiet && v.verbose) throw new UsageError('--quiet and --verbose exclude each other');
  if (v.out === '') throw new UsageError('--out must not be empty');
  const args: CliArgs = {
    ...base,
    command: 'scan',
    paths: paths.length ? paths : defaults.paths?.length ? defaults.paths : ['manifests'],
    appSlug,
    outDir: v.out ?? DEFAULT_OUT_DIR,
    privateRegistries: hostList('--private-registry', v['private-registry']),
    publicRegistries: hostList('--public-registry', v['public-registry']),
    insecureRegistries: hostList('--insecure-registry', v['insecure-registry']),
    allowRegistries: hostList('--allow-registry', v['allow-registry']),
    offline: v.offline ?? false,
    concurrency,
    perRegistryConcurrency,
    failOn,
    verbosity: v.quiet ? 'quiet' : v.verbose ? 'verbose' : 'normal',
  };
  if (v.report !== undefined) args.report = v.report;
  if (v.sarif === '') throw new UsageError('--sarif must name a file');
  if (v.sarif !== undefined) args.sarif = v.sarif;
  const proxyDomain = host('--proxy-domain', v['proxy-domain']);
  if (proxyDomain) args.proxyDomain = proxyDomain;
  const registryDomain = host('--registry-domain', v['registry-domain']);
  if (registryDomain) args.registryDomain = registryDomain;
  if (v['registry-auth'] !== undefined) args.registryAuth = v['registry-auth'];
  if (v.helm !== undefined) {
    if (v.helm === '') throw new UsageError('--helm must not be empty');
    args.helmPath = v.helm;
  }
  if (v.timeout !== undefined) args.timeoutS = parseTimeoutSeconds('--timeout', v.timeout);
  if (v.root === '') throw new UsageError('--root must not be empty');
  if (v.root !== undefined) args.root = v.root;
  return args;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      'app-slug': { type: 'string' },
      out: { type: 'string' },
      report: { type: 'string' },
      sarif: { type: 'string' },
      'proxy-domain': { type: 'string' },
      'registry-domain': { type: 'string' },
      'private-registry': { type: 'string', multiple: true },
      'public-registry': { type: 'string', multiple: true },
      'insecure-registry': { type: 'string', multiple: true },
      'allow-registry': { type: 'string', multiple: true },
      'registry-auth': { type: 'string' },
      root: { type: 'string' },
      offline: { type: 'boolean' },
      concurrency: { type: 'string' },
      'concurrency-per-registry': { type: 'string' },
      helm: { type: 'string' },
      timeout: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

// The KOTS template function map (replicatedhq/kots pkg/template: builder.go, static_context.go,
// config_context.go, license_context.go, version_context.go, kurl_context.go, identity_context.go)
// as a pure module, and the renderers that run KOTS's two passes (kots-passes.ts) with it. Values
// that depend on the customer, the cluster or the clock are placeholders; calling one records its
// name so callers keep the result `dynamic`. config_context.go reads neither `when` nor `hidden`:
// ConfigOption gives such items' values as for any other item.
import { type FuncMap, f } from './funcs.js';
import { sprigFuncMap } from './index.js';
import { type ConfigGroup, ConfigValues } from './kots-config.js';
import { renderPasses, renderPassesMapped } from './kots-passes.js';
import { staticFuncs } from './kots-static.js';
import { type StepPool, stepPool } from './limits.js';
import type { MapRecorder, SourceMap } from './source-map.js';
import { int64, type Value } from './value.js';

export type { ConfigGroup, ConfigItem } from './kots-config.js';
export { overlapping, type Segment, type SourceMap, sourceOffset } from './source-map.js';

export interface KotsContext {
  /** The app namespace (Namespace). */
  namespace: string;
  /** App slug: ImagePullSecretName is `<slug>-registry` (pkg/docker/registry SecretNameFromPrefix). */
  appSlug: string;
  configGroups?: ConfigGroup[];
  /** Values the user set; none on a first install. */
  configValues?: Record<string, string>;
  /** LocalImageName without a local registry: the image's proxy name when private, else the image. */
  localImageName?: (image: string) => string;
  /** Known license fields (LicenseFieldValue); any other field is a placeholder. */
  license?: Record<string, string>;
  replicatedProxyDomain?: string;
  replicatedRegistryDomain?: string;
  version?: {
    sequence?: number;
    cursor?: string;
    channelName?: string;
    versionLabel?: string;
    releaseNotes?: string;
    isRequired?: boolean;
  };
  kotsVersion?: string;
}

export interface KotsResult {
  output: string;
  /** Names of placeholder functions the template called; non-empty means the output is not known. */
  placeholders: string[];
}

export interface MappedKotsResult extends KotsResult {
  /** Where each part of `output` comes from in `text`, through both passes. */
  map: SourceMap;
}

/** Documented placeholder results, used when the context does not know the real value. */
export const PLACEHOLDERS = {
  replicatedProxyDomain: 'proxy.replicated.com',
  replicatedRegistryDomain: 'registry.replicated.com',
  licenseEndpoint: 'https://replicated.app',
  kotsVersion: '0.0.0',
  distribution: '',
} as const;

/** KOTS's funcs for `ctx`; `taint(name)` is called whenever a placeholder value is returned. */
function kotsFuncMap(
  ctx: KotsContext,
  taint: (fn: string) => void,
  config?: ConfigValues,
  wrap?: (image: string) => void,
): FuncMap {
  const m = sprigFuncMap();
  for (const [k, v] of staticFuncs(taint)) m.set(k, v);
  const placeholder = <T extends Value>(name: string, v: T) => {
    taint(name);
    return v;
  };
  const cfg = config ?? configValues(ctx);
  const s0 = (name: string, fn: () => Value) => m.set(name, f([], fn));
  // config_context.go
  m.set(
    'ConfigOption',
    f(['string'], (n) => cfg.option(n as string, taint) ?? ''),
  );
  m.set(
    'ConfigOptionName',
    f(['string'], (n) => n),
  );
  m.set(
    'ConfigOptionIndex',
    f(['string'], () => ''),
  );
  m.set(
    'ConfigOptionData',
    f(['string'], (n) => decodeStd(cfg.option(n as string, taint) ?? '')),
  );
  m.set(
    'ConfigOptionFilename',
    f(['string'], (n) => cfg.get(n as string, taint)?.filename ?? ''),
  );
  m.set(
    'ConfigOptionEquals',
    f(['string', 'string'], (n, v) => {
      const o = cfg.option(n as string, taint);
      return o !== undefined && o === v;
    }),
  );
  m.set(
    'ConfigOptionNotEquals',
    f(['string', 'string'], (n, v) => {
      const o = cfg.option(n as string, taint);
      return o !== undefined && o !== v;
    }),
  );
  // First online install: no local registry (HasLocalRegistry false, registry fields empty).
  s0('LocalRegistryAddress', () => '');
  s0('LocalRegistryHost', () => '');
  s0('LocalRegistryNamespace', () => '');
  s0('HasLocalRegistry', () => false);
  m.set(
    'LocalImageName',
    f(['string'], (img) => {
      wrap?.(img as string);
      return ctx.localImageName
        ? ctx.localImageName(img as string)
        : placeholder('LocalImageName', img as string);
    }),
  );
  s0('LocalRegistryImagePullSecret', () => placeholder('LocalRegistryImagePullSecret', ''));
  s0('ImagePullSecretName', () => (ctx.appSlug === '' ? '' : `${ctx.appSlug}-registry`));
  // static_context.go: Namespace is the app namespace.
  s0('Namespace', () => ctx.namespace);
  s0('KotsVersion', () =>
    ctx.kotsVersion !== undefined ? ctx.kotsVersion : placeholder('KotsVersion', PLACEHOLDERS.kotsVersion),
  );
  // license_context.go
  m.set(
    'LicenseFieldValue',
    f(['string'], (n) => licenseField(ctx, n as string, taint)),
  );
  s0('LicenseDockerCfg', () => placeholder('LicenseDockerCfg', ''));
  // version_context.go
  const ver = ctx.version;
  s0('Sequence', () =>
    ver?.sequence !== undefined ? int64(BigInt(ver.sequence)) : placeholder('Sequence', int64(0n)),
  );
  s0('Cursor', () => ver?.cursor ?? placeholder('Cursor', ''));
  s0('ChannelName', () => ver?.channelName ?? placeholder('ChannelName', ''));
  s0('VersionLabel', () => ver?.versionLabel ?? placeholder('VersionLabel', ''));
  s0('ReleaseNotes', () => ver?.releaseNotes ?? placeholder('ReleaseNotes', ''));
  s0('IsRequired', () => ver?.isRequired ?? placeholder('IsRequired', false));
  s0('IsAirgap', () => false);
  s0(
    'ReplicatedProxyDomain',
    () =>
      ctx.replicatedProxyDomain ?? placeholder('ReplicatedProxyDomain', PLACEHOLDERS.replicatedProxyDomain),
  );
  s0(
    'ReplicatedRegistryDomain',
    () =>
      ctx.replicatedRegistryDomain ??
      placeholder('ReplicatedRegistryDomain', PLACEHOLDERS.replicatedRegistryDomain),
  );
  // kurl_context.go and identity_context.go read the cluster: placeholders.
  for (const [n, v] of [
    ['KurlString', ''],
    ['KurlInt', 0n],
    ['KurlBool', false],
    ['KurlOption', ''],
  ] as const)
    m.set(
      n,
      f(['string'], () => placeholder(n, v)),
    );
  s0('KurlAll', () => placeholder('KurlAll', ''));
  s0('IdentityServiceEnabled', () => placeholder('IdentityServiceEnabled', false));
  for (const n of [
    'IdentityServiceClientID',
    'IdentityServiceClientSecret',
    'IdentityServiceName',
    'IdentityServicePort',
  ])
    s0(n, () => placeholder(n, ''));
  s0('IdentityServiceRoles', () => placeholder('IdentityServiceRoles', new Map()));
  return m;
}

function licenseField(ctx: KotsContext, name: string, taint: (fn: string) => void): string {
  const known = ctx.license?.[name] ?? (name === 'appSlug' && ctx.appSlug !== '' ? ctx.appSlug : undefined);
  if (known !== undefined) return known;
  taint('LicenseFieldValue');
  if (name === 'endpoint') return PLACEHOLDERS.licenseEndpoint;
  if (name.startsWith('is') || name.startsWith('Is')) return 'false';
  return '';
}

function decodeStd(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return '';
  return Buffer.from(s, 'base64').toString('utf8');
}

/** Config values with item templates rendered by KOTS's config builder. */
function configValues(ctx: KotsContext, pool?: StepPool): ConfigValues {
  const values: ConfigValues = new ConfigValues(
    ctx.configGroups ?? [],
    ctx.configValues ?? {},
    (text, v, taint) => renderPasses(text, kotsFuncMap(ctx, taint, v), 'config', pool),
  );
  return values;
}

/**
 * A renderer for one app: Config items are resolved once and shared by every render. Each call
 * returns its output and the placeholder functions it depended on (directly or through Config).
 * Throws TemplateError (with `line`) on a template error.
 */
export function kotsRenderer(ctx: KotsContext): (text: string, name?: string) => KotsResult {
  const mapped = mappedKotsRenderer(ctx);
  return (text, name) => {
    const { output, placeholders } = mapped(text, name);
    return { output, placeholders };
  };
}

/** kotsRenderer whose results also carry the source map of the output. */
export function mappedKotsRenderer(ctx: KotsContext): (text: string, name?: string) => MappedKotsResult {
  // One step budget for every render of this app: its files and its Config items.
  const pool = stepPool();
  const values = configValues(ctx, pool);
  let current = new Set<string>();
  let recorder: MapRecorder | undefined;
  const funcs = kotsFuncMap(
    ctx,
    (fn) => {
      current.add(fn);
      recorder?.taint(fn);
    },
    values,
    (image) => recorder?.wrap(image),
  );
  return (text, name = 'template') => {
    current = new Set<string>();
    const { output, map } = renderPassesMapped(
      text,
      funcs,
      name,
      (r) => {
        recorder = r;
      },
      pool,
    );
    return { output, placeholders: [...current].sort(), map };
  };
}

/** Renders `text` as KOTS does (see kotsRenderer; this one resolves Config afresh). */
export function renderKots(text: string, ctx: KotsContext, name = 'template'): KotsResult {
  return kotsRenderer(ctx)(text, name);
}

// Which objects KOTS patches with `imagePullSecrets`, and the secret's name. Mirrors replicatedhq/kots:
// - pkg/base/base.go `FindImages` keeps every object whose `k8sdoc.ListImages` is non-empty;
//   pkg/k8sdoc/types.go `ListImages` lists the containers and initContainers of
//   `spec.template.spec` and `spec.jobTemplate.spec.template.spec` for any kind (a Pod: `spec`),
//   one entry per container, whether or not the image is private (or even set);
// - pkg/midstream/write.go `writeObjectsWithPullSecret` writes a strategic-merge patch per object
//   (`PatchWithPullSecret`: `spec.jobTemplate…` for a CronJob, `spec` for a Pod, else
//   `spec.template.spec`), so existing secrets of built-in kinds are kept (merge key `name`);
// - the secret is always written (`WriteMidstream` → `PullSecretForRegistries`); the license decides
//   what it holds. Its name is `<prefix>-registry` (`SecretNameFromPrefix`), the prefix being the app
//   slug, or `<slug>-<chart dir>` in the own midstream of a v1 chart with `useHelmInstall: true`,
//   written in that chart's namespace (pkg/pull/pull.go: one midstream per helm base).

import type { HelmChartInfo } from '../model-scan.js';
import { hasTemplate } from '../templates.js';
import { literalExclude } from './chart-archive.js';

/** The path KOTS's patch writes `imagePullSecrets` under, by kind. */
export function pullSecretPodSpecPath(kind: string): string[] {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

/** `FindImages`: the object gets the patch when its pod spec lists at least one container or
 *  initContainer (ListImages has one entry per container, image or not). */
export function getsPullSecret(containerCount: number): boolean {
  return containerCount > 0;
}

/** `SecretNameFromPrefix(prefix)`. */
function secretNameFromPrefix(prefix: string): string {
  return `${prefix}-registry`;
}

/** The directory a v1 chart's base is written to: `charts/<GetDirName()>`, the CR's
 *  `spec.chart.releaseName` when set, else the HelmChart CR's own `metadata.name` (kotskinds v1beta1
 *  HelmChart GetDirName), not the chart's name. */
function helmChartDirName(chart: { name: string; releaseName?: string }): string {
  return chart.releaseName || chart.name;
}

/** The pull secret of the app's common midstream, or of a v1 `useHelmInstall` chart's own midstream
 *  (`namePrefix = <slug>-<filepath.Base(base path)>`). */
export function pullSecretName(
  appSlug: string,
  useHelmInstallChart?: { name: string; releaseName?: string },
  subBase?: string,
): string {
  if (!useHelmInstallChart) return secretNameFromPrefix(appSlug);
  return secretNameFromPrefix(`${appSlug}-${subBase ?? helmChartDirName(useHelmInstallChart)}`);
}

/** The sub-base a useHelmInstall chart's rendered template lands in, by its Helm source path
 *  (`<chart>/charts/<sub>/…/templates/x.yaml`): pkg/base/helm.go writeHelmBase splits `charts/<sub>/…`
 *  into a base per subchart, recursively, and `crds/…` into a `crds` base; pkg/base/replicated.go
 *  extractHelmBases gives each its own midstream, named after the last path element. Undefined: the
 *  chart's own base. */
export function helmSubBase(source: string): string | undefined {
  const parts = source.split('/').slice(1);
  let base: string | undefined;
  let i = 0;
  while (parts[i] === 'charts' && parts.length - i >= 3) {
    base = parts[i + 1];
    i += 2;
  }
  return parts[i] === 'crds' && parts.length - i >= 2 ? 'crds' : base;
}

/** pkg/pull/pull.go writes one midstream per v1 `useHelmInstall` chart, with the chart's namespace
 *  and a secret named after the chart directory (pkg/midstream/write.go namePrefix). */
export function useHelmInstallSecrets(
  charts: readonly HelmChartInfo[],
  appSlug: string,
): Array<{ name: string; namespace?: string }> {
  const out = new Map<string, { name: string; namespace?: string }>();
  for (const c of charts) {
    if (c.apiVersion !== 'kots.io/v1beta1' || !c.useHelmInstall || literalExclude(c.exclude) === true)
      continue;
    const namespace = c.namespace && !hasTemplate(c.namespace) ? c.namespace : undefined;
    // The crds base has no namespace of its own (pkg/base/helm.go writeHelmBase): the app's.
    for (const sub of [undefined, ...(c.subBases ?? [])]) {
      const name = pullSecretName(appSlug, c, sub);
      const ns = sub === 'crds' ? undefined : namespace;
      out.set(`${name}\0${ns ?? ''}`, { name, ...(ns ? { namespace: ns } : {}) });
    }
  }
  return [...out.values()].sort((a, b) => cmp(a.name, b.name) || cmp(a.namespace ?? '', b.namespace ?? ''));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

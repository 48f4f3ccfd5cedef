// Which documents KOTS reads itself and never deploys. Mirrors replicatedhq/kots
// pkg/kotsutil/kots.go `IsKotsKind`: exact apiVersion matches (not API groups), plus velero's
// Backup and Restore. pkg/base/replicated.go `renderReplicated` drops these documents before
// rendering, so they never reach the base kustomization.

const KOTS_API_VERSIONS: ReadonlySet<string> = new Set([
  'kots.io/v1beta1',
  'kots.io/v1beta2',
  'troubleshoot.sh/v1beta2',
  'troubleshoot.replicated.com/v1beta1',
  'cluster.kurl.sh/v1beta1',
  'kurl.sh/v1beta1',
  // Embedded Cluster's Config and the app.k8s.io Application are excluded alongside the KOTS kinds.
  'embeddedcluster.replicated.com/v1beta1',
  'app.k8s.io/v1beta1',
]);

export function isKotsKind(apiVersion: string | undefined, kind: string | undefined): boolean {
  if (apiVersion === undefined) return false;
  if (apiVersion === 'velero.io/v1' && (kind === 'Backup' || kind === 'Restore')) return true;
  return KOTS_API_VERSIONS.has(apiVersion);
}

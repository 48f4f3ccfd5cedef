// Which rendered objects a chart's namespace never reaches. KOTS sets a HelmChart's `spec.namespace`
// with kustomize's namespace transformer (replicatedhq/kots pkg/base/helm.go kustomizeHelmNamespace:
// a kustomization with `namespace:`), which leaves cluster-scoped kinds alone. Kustomize knows them
// from its built-in Kubernetes schema (sigs.k8s.io/kustomize/kyaml/openapi, the
// precomputedIsNamespaceScoped table) and treats every kind it does not know, custom resources
// included, as namespaced. These are the built-in cluster-scoped kinds by apiVersion. Pure data.

const CLUSTER_SCOPED: Record<string, readonly string[]> = {
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'admissionregistration.k8s.io/v1beta1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apiextensions.k8s.io/v1beta1': ['CustomResourceDefinition'],
  'apiregistration.k8s.io/v1': ['APIService'],
  'apiregistration.k8s.io/v1beta1': ['APIService'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'certificates.k8s.io/v1beta1': ['CertificateSigningRequest'],
  'flowcontrol.apiserver.k8s.io/v1beta1': ['FlowSchema', 'PriorityLevelConfiguration'],
  'networking.k8s.io/v1': ['IngressClass'],
  'networking.k8s.io/v1beta1': ['IngressClass'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'node.k8s.io/v1beta1': ['RuntimeClass'],
  'policy/v1beta1': ['PodSecurityPolicy'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding'],
  'rbac.authorization.k8s.io/v1beta1': ['ClusterRole', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'scheduling.k8s.io/v1beta1': ['PriorityClass'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
  'storage.k8s.io/v1beta1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
  v1: ['ComponentStatus', 'Namespace', 'Node', 'PersistentVolume'],
};

/** True when kustomize's namespace transformer leaves an object of this apiVersion and kind alone. */
export function isClusterScoped(apiVersion: unknown, kind: unknown): boolean {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return false;
  return CLUSTER_SCOPED[apiVersion]?.includes(kind) ?? false;
}

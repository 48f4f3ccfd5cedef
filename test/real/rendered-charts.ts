// What Helm renders for the v1 charts of the pending corpus cases, with KOTS's own steps applied: the
// lists were made with the Helm v4.1.4 client (`helm template <release> <archive> -n <namespace>
// --include-crds -f <the HelmChart CR's values with Config defaults>`), which is what
// pkg/base/helm_v4.go renderHelmV4 runs (client-only install dry run; hooks and tests kept, crds/
// kept), then, as KOTS does:
// - namespace: the CR's `spec.namespace` on every namespaced object that has none
//   (pkg/base/helm.go kustomizeHelmNamespace); without `spec.namespace` Helm renders in the app
//   namespace (`repl{{ Namespace}}`), shown here as no namespace;
// - imagePullSecrets `<slug>-registry` on every pod spec FindImages finds (pkg/base/base.go, the
//   chart is a sub-base of the common base when useHelmInstall is false);
// - images proxied only where the case marks the registry private (pkg/base/rewrite.go);
// - the Helm release Secret `sh.helm.release.v1.<release>.v1` (pkg/base/helm_v4.go renderHelmV4,
//   chartHelmSecret.yaml; not for useHelmInstall charts): see helmReleaseSecret.
// Data only.
import type { ObjectView } from './harness.js';

/** The Secret pkg/base/helm_v4.go renderHelmV4 adds for a v1 chart KOTS renders itself (named by
 *  pkg/base/helm_functions.go newSecretsObject: `sh.helm.release.v1.<release>.v<version>`, version 1
 *  on a first install), in the CR's namespace (kustomizeHelmNamespace) or the app namespace. */
export const helmReleaseSecret = (release: string, namespace?: string): ObjectView => ({
  apiVersion: 'v1',
  kind: 'Secret',
  name: `sh.helm.release.v1.${release}.v1`,
  ...(namespace ? { namespace } : {}),
});

/** The preview has no Helm release Secret: its `release` data is Helm's encoded release record, which
 *  `helm template` does not print and which no one should apply with made-up content. */
export function releaseSecretGap(secrets: ObjectView[]): { what: string; objects: ObjectView[] } {
  return {
    what: `the Helm release Secret KOTS adds for a chart it renders (pkg/base/helm_v4.go chartHelmSecret.yaml) is not in the preview: ${secrets.map((x) => x.name).join(', ')}`,
    objects: secrets,
  };
}

export const GRAFANA_CHART: ObjectView[] = [
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'grafana' },
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'grafana' },
  { apiVersion: 'v1', kind: 'Secret', name: 'grafana' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'grafana' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'grafana-clusterrole' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'grafana-clusterrolebinding',
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'Role', name: 'grafana' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'RoleBinding', name: 'grafana' },
  { apiVersion: 'v1', kind: 'Service', name: 'grafana' },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'grafana',
    containers: [{ name: 'grafana', image: 'grafana/grafana:6.7.1' }],
    imagePullSecrets: ['my-app-registry'],
  },
];

export const NGINXINGRESS_CHART: ObjectView[] = [
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'nginx-ingress' },
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'nginx-ingress-backend' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'nginx-ingress' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'nginx-ingress' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', name: 'nginx-ingress' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', name: 'nginx-ingress' },
  { apiVersion: 'v1', kind: 'Service', name: 'nginx-ingress-controller' },
  { apiVersion: 'v1', kind: 'Service', name: 'nginx-ingress-default-backend' },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'nginx-ingress-controller',
    containers: [
      {
        name: 'nginx-ingress-controller',
        image:
          'proxy.replicated.com/proxy/my-app/quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.28.0',
      },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'nginx-ingress-default-backend',
    containers: [
      {
        name: 'nginx-ingress-default-backend',
        image: 'proxy.replicated.com/proxy/my-app/k8s.gcr.io/defaultbackend-amd64:1.5',
      },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
];

export const ISTIOINIT_CHART: ObjectView[] = [
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'istio-init-service-account', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio-crd-all', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio-crd-mixer', namespace: 'istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-init-istio-system' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-init-admin-role-binding-istio-system',
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: 'istio-init-crd-all-1.5.4',
    namespace: 'istio-system',
    containers: [{ name: 'istio-init-crd-all', image: 'docker.io/istio/kubectl:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: 'istio-init-crd-mixer-1.5.4',
    namespace: 'istio-system',
    containers: [{ name: 'istio-init-crd-mixer', image: 'docker.io/istio/kubectl:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
];

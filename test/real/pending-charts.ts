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
// - the Helm release Secret `sh.helm.release.v1.<release>.v1` (pkg/base/replicated.go, chartHelmSecret.yaml).
// Data only.
import type { ObjectView } from './harness.js';

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
  { apiVersion: 'v1', kind: 'Secret', name: 'sh.helm.release.v1.grafana.v1' },
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
  { apiVersion: 'v1', kind: 'Secret', name: 'sh.helm.release.v1.nginx-ingress.v1' },
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
  { apiVersion: 'v1', kind: 'Secret', name: 'sh.helm.release.v1.istio-init.v1', namespace: 'istio-system' },
];

export const ISTIO_CHART: ObjectView[] = [
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-galley',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-policy',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-telemetry',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-pilot',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-citadel',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    name: 'istio-sidecar-injector',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-galley-service-account',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-ingressgateway-service-account',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-mixer-service-account',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-pilot-service-account',
    namespace: 'istio-system',
  },
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'prometheus', namespace: 'istio-system' },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-security-post-install-account',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-citadel-service-account',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-sidecar-injector-service-account',
    namespace: 'istio-system',
  },
  { apiVersion: 'v1', kind: 'ServiceAccount', name: 'istio-multi', namespace: 'istio-system' },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    name: 'istio-reader-service-account',
    namespace: 'istio-system',
  },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio-galley-configuration', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'prometheus', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio-security-custom-resources', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'ConfigMap', name: 'istio-sidecar-injector', namespace: 'istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-galley-istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-mixer-istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-pilot-istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'prometheus-istio-system' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-citadel-istio-system' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: 'istio-security-post-install-istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    name: 'istio-sidecar-injector-istio-system',
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'istio-reader' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-galley-admin-role-binding-istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-mixer-admin-role-binding-istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-pilot-istio-system',
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'prometheus-istio-system' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-citadel-istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-security-post-install-role-binding-istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    name: 'istio-sidecar-injector-admin-role-binding-istio-system',
  },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'istio-multi' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'istio-reader' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    name: 'istio-ingressgateway-sds',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    name: 'istio-ingressgateway-sds',
    namespace: 'istio-system',
  },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-galley', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-ingressgateway', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-policy', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-telemetry', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-pilot', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'prometheus', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-citadel', namespace: 'istio-system' },
  { apiVersion: 'v1', kind: 'Service', name: 'istio-sidecar-injector', namespace: 'istio-system' },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-galley',
    namespace: 'istio-system',
    containers: [{ name: 'galley', image: 'docker.io/istio/galley:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
    containers: [
      { name: 'ingress-sds', image: 'docker.io/istio/node-agent-k8s:1.5.4' },
      { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.5.4' },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-policy',
    namespace: 'istio-system',
    containers: [
      { name: 'mixer', image: 'docker.io/istio/mixer:1.5.4' },
      { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.5.4' },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-telemetry',
    namespace: 'istio-system',
    containers: [
      { name: 'mixer', image: 'docker.io/istio/mixer:1.5.4' },
      { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.5.4' },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-pilot',
    namespace: 'istio-system',
    containers: [
      { name: 'discovery', image: 'docker.io/istio/pilot:1.5.4' },
      { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.5.4' },
    ],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'prometheus',
    namespace: 'istio-system',
    containers: [{ name: 'prometheus', image: 'docker.io/prom/prometheus:v2.12.0' }],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-citadel',
    namespace: 'istio-system',
    containers: [{ name: 'citadel', image: 'docker.io/istio/citadel:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'istio-sidecar-injector',
    namespace: 'istio-system',
    containers: [{ name: 'sidecar-injector-webhook', image: 'docker.io/istio/sidecar_injector:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    name: 'istio-ingressgateway',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    name: 'istio-policy',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    name: 'istio-telemetry',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    name: 'istio-pilot',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kind: 'MutatingWebhookConfiguration',
    name: 'istio-sidecar-injector',
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kind: 'ValidatingWebhookConfiguration',
    name: 'istio-galley',
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    name: 'istio-policy',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    name: 'istio-telemetry',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'attributemanifest',
    name: 'istioproxy',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'attributemanifest',
    name: 'kubernetes',
    namespace: 'istio-system',
  },
  { apiVersion: 'config.istio.io/v1alpha2', kind: 'handler', name: 'prometheus', namespace: 'istio-system' },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'handler',
    name: 'kubernetesenv',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'requestcount',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'requestduration',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'requestsize',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'responsesize',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'tcpbytesent',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'tcpbytereceived',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'tcpconnectionsopened',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'instance',
    name: 'tcpconnectionsclosed',
    namespace: 'istio-system',
  },
  { apiVersion: 'config.istio.io/v1alpha2', kind: 'instance', name: 'attributes', namespace: 'istio-system' },
  { apiVersion: 'config.istio.io/v1alpha2', kind: 'rule', name: 'promhttp', namespace: 'istio-system' },
  { apiVersion: 'config.istio.io/v1alpha2', kind: 'rule', name: 'promtcp', namespace: 'istio-system' },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'rule',
    name: 'promtcpconnectionopen',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'rule',
    name: 'promtcpconnectionclosed',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'rule',
    name: 'kubeattrgenrulerule',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'config.istio.io/v1alpha2',
    kind: 'rule',
    name: 'tcpkubeattrgenrulerule',
    namespace: 'istio-system',
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: 'istio-security-post-install-1.5.4',
    namespace: 'istio-system',
    containers: [{ name: 'kubectl', image: 'docker.io/istio/kubectl:1.5.4' }],
    imagePullSecrets: ['my-app-registry'],
  },
  { apiVersion: 'v1', kind: 'Secret', name: 'sh.helm.release.v1.istio.v1', namespace: 'istio-system' },
];

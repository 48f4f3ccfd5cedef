// The corpus of real KOTS releases, part 2: releases whose preview is right only with KOTS templates
// evaluated on Config defaults and v1 charts rendered by the real Helm. Written the same way as
// test/real/plain.test.ts (same harness, same KOTS citations) from KOTS's code and `helm template`,
// not from kots-proxy's output; ./rendered.test.ts runs them.
//
// What each case exercises:
// - templates = KOTS templates rendered with Config defaults before scanning, rendered copies in OUT
//   (pkg/template/builder.go RenderTemplate over each whole file, pkg/base/replicated.go
//   upstreamFileToBaseFile);
// - helm = v1 charts rendered by Helm into the overlay (pkg/base/replicated.go
//   renderReplicatedHelmChart, pkg/base/helm_v4.go renderHelmV4), useHelmInstall sub-bases with their
//   own midstreams and secrets (pkg/pull/pull.go, pkg/midstream/write.go).
//   kots-pull-simple            templates (LicenseFieldValue / LicenseDockerCfg in an unquoted value)
//   kots-pull-multidoc          templates (the same ConfigMap)
//   kots-pull-replicatedhelm    templates + helm (unquoted `{{repl ConfigOption }}` value; v1 chart in helmns)
//   kots-pull-samechartvariations helm (three useHelmInstall charts of one archive)
//   kots-pull-subchart-crds     helm (useHelmInstall chart with nested subcharts and crds sub-bases)
//   kotsapps-helm-grafana       templates + helm (`kots.io/when` false on defaults; v1 chart)
//   kotsapps-helm-starter       helm (KOTS fails: a Chart.yaml dependency missing from charts/)
//   kotsapps-istio              helm (two v1 charts with spec.namespace istio-system)
//   kotsapps-nginx-ingress      templates + helm (`kots.io/exclude` pipelines; v1 chart)
// Namespace absent = the app namespace: Helm renders with KOTS's placeholder `repl{{ Namespace}}`
// (pkg/base/helm_v4.go NamespaceTemplateConst), which renders to the app namespace.
import { type CorpusCase, c, kotsSecrets, plain, workload } from './harness.js';
import {
  GRAFANA_CHART,
  helmReleaseSecret,
  ISTIOINIT_CHART,
  NGINXINGRESS_CHART,
  releaseSecretGap,
} from './rendered-charts.js';
import { ISTIO_CHART } from './rendered-charts-istio.js';

const DOCKER_HUB_PUBLIC = ['--public-registry', 'docker.io'];
const PROXY = 'proxy.replicated.com/proxy/my-app';

export const RENDERED: CorpusCase[] = [
  {
    fixture: 'kots-pull-simple',
    args: DOCKER_HUB_PUBLIC,
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/, testcase.yaml RewriteImages false): ConfigMap test-licenseinfo, whose unquoted `{{repl LicenseFieldValue … }}` values are valid YAML only once rendered, plus the secrets. Today it is left out (overlay-excluded-document).",
    objects: [plain('v1', 'ConfigMap', 'test-licenseinfo'), ...kotsSecrets()],
  },
  {
    fixture: 'kots-pull-multidoc',
    args: DOCKER_HUB_PUBLIC,
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/): multi-document files split (CRLF too), the three operator-image-pull-secret Secrets in their namespaces, Redactor / Identity / LintConfig not deployed (IsKotsKind), the nginx Deployment patched, and ConfigMap test-licenseinfo (needs rendering).",
    objects: [
      plain('v1', 'ServiceAccount', 'nginx'),
      plain('v1', 'Service', 'nginx'),
      workload('apps/v1', 'Deployment', 'nginx', { containers: [c('nginx', 'nginx:latest')] }),
      plain('v1', 'Secret', 'operator-image-pull-secret'),
      plain('v1', 'Secret', 'operator-image-pull-secret', 'other-namespace'),
      plain('v1', 'Secret', 'operator-image-pull-secret', 'another-namespace'),
      plain('v1', 'ConfigMap', 'test-licenseinfo'),
      ...kotsSecrets(),
    ],
  },
  {
    fixture: 'kots-pull-replicatedhelm',
    args: ['--public-registry', 'docker.io', '--private-registry', 'quay.io'],
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/, RewriteImages false): the v1 chart (release test-chart, spec.namespace helmns) with its pre/post-install hook Jobs, test Pod and Helm release Secret, all in helmns and patched with my-app-registry; the private quay.io init image proxied (wantResults/overlays/midstream/kustomization.yaml); ConfigMap test-config rendered. The secrets stay in the app namespace, so the namespace error stands.",
    objects: [
      plain('v1', 'ConfigMap', 'test-config'),
      workload('batch/v1', 'Job', 'pre-install-job', {
        namespace: 'helmns',
        containers: [c('hook-test', 'alpine')],
      }),
      workload('batch/v1', 'Job', 'post-install-job', {
        namespace: 'helmns',
        containers: [c('hook-test', 'alpine')],
      }),
      plain('v1', 'Secret', 'security-scanner', 'helmns'),
      // The chart's two initContainers have no name (wantResults/base/charts/test-chart/test-3.yaml);
      // kustomize's strategic merge of KOTS's pullsecrets.yaml keys them by name, so only the last
      // survives (wantResults/rendered/this-cluster/security-test-example-chart-deployment.yaml).
      workload('apps/v1', 'Deployment', 'security-test-example-chart', {
        namespace: 'helmns',
        initContainers: [c('undefined', `${PROXY}/quay.io/replicatedcom/qa-kots-3:alpine-3.6`)],
        containers: [c('my-security-container', 'nginx:latest'), c('waiter', 'alpine:3.4')],
      }),
      workload('v1', 'Pod', 'security-test-example-chart-test-connection', {
        namespace: 'helmns',
        containers: [c('wget', 'busybox')],
      }),
      ...kotsSecrets(),
    ],
    mustReport: [{ level: 'warning', contains: 'initContainers has no name' }],
    gaps: [releaseSecretGap([helmReleaseSecret('test-chart', 'helmns')])],
    errors: ['namespace-not-in-additional-namespaces'],
  },
  {
    fixture: 'kots-pull-samechartvariations',
    args: DOCKER_HUB_PUBLIC,
    why: "KOTS's own oracle for the parts that apply online: testcase.yaml has RewriteImages true (a local registry, fake-docker-proxy), which kots-proxy does not model, so the images of wantResults/ are not the online ones; what applies is the set of useHelmInstall secrets (one midstream per HelmChart, named from releaseName or the CR's metadata.name: wantResults/overlays/midstream/charts/<dir>/secret.yaml) next to the common ones, and ConfigMap test-config. Each variation renders the same chart objects (Deployment security-test-example-chart, hook Jobs, test Pod, Secret security-scanner) in the same namespace, each copy patched by its own midstream with its own secret (pkg/midstream/write.go namePrefix). One overlay holds one object per identity: the preview shows the copy of the first HelmChart in file order (test-chart-1.yaml, release test-chart-release-1) with that chart's secret; on a cluster the second `helm install` of a same-named object fails on Helm's ownership check anyway.",
    objects: [
      plain('v1', 'ConfigMap', 'test-config'),
      ...kotsSecrets(),
      plain('v1', 'Secret', 'my-app-test-chart-variation-0-registry'),
      plain('v1', 'Secret', 'my-app-test-chart-release-1-registry'),
      plain('v1', 'Secret', 'my-app-test-chart-release-2-registry'),
      ...(() => {
        const pullSecrets = ['my-app-test-chart-release-1-registry'];
        return [
          workload('apps/v1', 'Deployment', 'security-test-example-chart', {
            containers: [c('my-security-container', 'nginx:latest'), c('waiter', 'alpine:3.4')],
            pullSecrets,
          }),
          workload('batch/v1', 'Job', 'pre-install-job', {
            containers: [c('hook-test', 'alpine')],
            pullSecrets,
          }),
          workload('batch/v1', 'Job', 'post-install-job', {
            containers: [c('hook-test', 'alpine')],
            pullSecrets,
          }),
          workload('v1', 'Pod', 'security-test-example-chart-test-connection', {
            containers: [c('wget', 'busybox')],
            pullSecrets,
          }),
          plain('v1', 'Secret', 'security-scanner'),
        ];
      })(),
    ],
  },
  {
    fixture: 'kots-pull-subchart-crds',
    args: DOCKER_HUB_PUBLIC,
    why: 'KOTS\'s own oracle (wantResults/rendered/this-cluster/charts/my-chart-release/…, RewriteImages false): a useHelmInstall chart (its `kots.io/exclude: "true"` annotation is ignored: HelmChart CRs use spec.exclude) whose every sub-base (subcharts, crds) gets its own midstream and secret `my-app-<base dir>-registry` (pkg/pull/pull.go extractHelmBases, pkg/midstream/write.go); each Pod is patched with its own base\'s secret; identical secrets of the two crds bases are one object.',
    objects: [
      plain('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'mychartcrds.example.com'),
      plain('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'mysubchartcrds.example.com'),
      plain('v1', 'ConfigMap', 'my-chart-configmap'),
      plain('v1', 'ConfigMap', 'my-subchart-configmap'),
      workload('v1', 'Pod', 'my-chart-pod', {
        containers: [c('my-chart-container', 'nginx')],
        pullSecrets: ['my-app-my-chart-release-registry'],
      }),
      workload('v1', 'Pod', 'my-sub-sub-chart-pod', {
        containers: [c('my-sub-sub-chart-container', 'nginx')],
        pullSecrets: ['my-app-my-sub-sub-chart-registry'],
      }),
      workload('v1', 'Pod', 'my-sub-sub-sub-chart-pod', {
        containers: [c('my-sub-sub-sub-chart-container', 'nginx')],
        pullSecrets: ['my-app-my-sub-sub-sub-chart-registry'],
      }),
      ...kotsSecrets(),
      ...['my-chart-release', 'crds', 'my-sub-chart', 'my-sub-sub-chart', 'my-sub-sub-sub-chart'].map((d) =>
        plain('v1', 'Secret', `my-app-${d}-registry`),
      ),
    ],
  },
  {
    fixture: 'kotsapps-helm-grafana',
    args: DOCKER_HUB_PUBLIC,
    why: 'The redis Deployments and Services carry `kots.io/when: repl{{ ConfigOptionEquals "embedded_redis" "1" }}`, default "0": not deployed. The v1 chart (release grafana = CR metadata.name, app namespace) with CR values rendered on Config defaults and both optionalValues off (rendered-charts.ts), patched in the common midstream.',
    objects: [...GRAFANA_CHART, ...kotsSecrets()],
    gaps: [releaseSecretGap([helmReleaseSecret('grafana')])],
  },
  {
    fixture: 'kotsapps-helm-starter',
    args: DOCKER_HUB_PUBLIC,
    why: 'renderHelmV4 runs action.CheckDependencies, which ignores conditions: Chart.yaml lists admin-console, charts/ does not hold it, so KOTS fails the install ("found in Chart.yaml, but missing in charts/ directory: admin-console") and deploys nothing. (Were it present: Deployment mychart and the test Pod, patched with my-app-mychart-registry.)',
    objects: [],
    installFails: true,
    mustReport: [{ level: 'error', contains: 'admin-console' }],
  },
  {
    fixture: 'kotsapps-istio',
    args: DOCKER_HUB_PUBLIC,
    why: 'Plain httpbin objects, the Namespace and the Istio CRs as written; two v1 charts (releases istio-init and istio, spec.namespace istio-system) rendered with the CR values, hooks included, every pod spec patched in the common midstream (rendered-charts.ts). The secrets stay in the app namespace (no additionalNamespaces); all images are public here, so no namespace error.',
    objects: [
      plain('v1', 'Namespace', 'istio-system'),
      plain('v1', 'ServiceAccount', 'httpbin'),
      plain('v1', 'Service', 'httpbin'),
      workload('apps/v1', 'Deployment', 'httpbin', {
        containers: [c('httpbin', 'docker.io/kennethreitz/httpbin')],
      }),
      plain('networking.istio.io/v1alpha3', 'Gateway', 'httpbin-gateway'),
      plain('networking.istio.io/v1alpha3', 'VirtualService', 'httpbin'),
      ...ISTIOINIT_CHART,
      ...ISTIO_CHART,
      ...kotsSecrets(),
    ],
    gaps: [
      releaseSecretGap([
        helmReleaseSecret('istio-init', 'istio-system'),
        helmReleaseSecret('istio', 'istio-system'),
      ]),
    ],
  },
  {
    fixture: 'kotsapps-nginx-ingress',
    args: [
      '--public-registry',
      'docker.io',
      '--private-registry',
      'quay.io',
      '--private-registry',
      'k8s.gcr.io',
    ],
    why: 'Two files define Ingress nginx-ingress-http behind `kots.io/exclude` pipelines: with builtin_ingress "1" and require_ssl "0" the http one (backend kotsadm) is kept and the https one excluded. The v1 chart (release nginx-ingress, app namespace, empty values) with its private quay.io and k8s.gcr.io images proxied (rendered-charts.ts).',
    objects: [
      workload('apps/v1', 'Deployment', 'nginx-app', { containers: [c('nginx', 'nginx')] }),
      plain('v1', 'Service', 'nginx-app'),
      plain('v1', 'Service', 'ingress-nginx'),
      plain('extensions/v1beta1', 'Ingress', 'nginx-ingress-http', undefined, {
        'spec.backend.serviceName': 'kotsadm',
      }),
      ...NGINXINGRESS_CHART,
      ...kotsSecrets(),
    ],
    gaps: [releaseSecretGap([helmReleaseSecret('nginx-ingress')])],
  },
];

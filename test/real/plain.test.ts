// The corpus of real KOTS releases (test/fixtures/real/, provenance in its SOURCES.md), part 1: the
// releases whose deployed objects need neither KOTS template evaluation nor Helm rendering to be
// previewed right. For each, the CLI runs offline (registry statuses fixed by the flags of the case),
// the real `kubectl kustomize` builds the overlay, and the rendered objects are compared one by one
// with what replicatedhq/kots (commit 370ae903) does on a first online install:
// - which objects: pkg/base/replicated.go renderReplicated splits each file (pkg/util/util.go
//   ConvertToSingleDocs), drops KOTS kinds (pkg/kotsutil/kots.go IsKotsKind: kots.io, troubleshoot.sh,
//   troubleshoot.replicated.com, velero Backup/Restore, app.k8s.io, embeddedcluster, kurl) and
//   kots.io/exclude / kots.io/when (pkg/base/base.go isExcludedByAnnotation); v1beta2 HelmCharts are
//   deployed by Helm, never by the kustomize overlay (pkg/apparchive/helm-v1beta2.go);
// - each container's image: pkg/base/rewrite.go RewritePrivateImages writes an `images:` entry for a
//   private image only, named by pkg/docker/registry/images.go MakeProxiedImageURL from the image as
//   written; registry.replicated.com images are never proxied (renamed to a custom registry domain);
// - imagePullSecrets: pkg/base/base.go FindImages (shape-based: a Pod's spec, spec.template.spec,
//   spec.jobTemplate.spec.template.spec) and pkg/midstream/write.go writeObjectsWithPullSecret patch
//   `<slug>-registry` into every such object, whatever its images;
// - the secrets: see kotsSecrets in ./harness.ts.
// Namespace absent = the app namespace (the overlay is applied there; KOTS writes `<ns>`).
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { requireHelm } from '../helm-render/helm-bins.js';
import {
  type CorpusCase,
  c,
  fixtureNames,
  kotsSecrets,
  type Preview,
  plain,
  pool,
  preview,
  workload,
} from './harness.js';
import { RENDERED } from './rendered.cases.js';
import { describeCases } from './run-cases.js';

const DOCKER_HUB_PUBLIC = ['--public-registry', 'docker.io'];
const PROXY = 'proxy.replicated.com/proxy/my-app';

const PLAIN: CorpusCase[] = [
  {
    fixture: 'starter-kots',
    args: DOCKER_HUB_PUBLIC,
    why: 'Two Services `nginx` behind `kots.io/when` `{{repl not IsKurl }}` / `{{repl IsKurl }}`: IsKurl is false off kURL (pkg/template/static_context.go), so only the first (ClusterIP) is deployed and there is no duplicate; app.k8s.io Application, kots.io and troubleshoot.sh kinds are not deployed; a public `nginx` is not rewritten.',
    objects: [
      plain('v1', 'ConfigMap', 'nginx-content'),
      workload('apps/v1', 'Deployment', 'nginx', { containers: [c('nginx', 'nginx')] }),
      plain('v1', 'Service', 'nginx', undefined, { 'spec.type': 'ClusterIP' }),
      ...kotsSecrets(),
    ],
  },
  {
    fixture: 'starter-kots',
    args: ['--private-registry', 'docker.io'],
    why: 'The same with a private Docker Hub: `nginx` → MakeProxiedImageURL of the image as written, tag-less (pkg/k8sutil/kustomization.go strips newTag), so kustomize keeps the missing tag missing.',
    objects: [
      plain('v1', 'ConfigMap', 'nginx-content'),
      workload('apps/v1', 'Deployment', 'nginx', { containers: [c('nginx', `${PROXY}/nginx`)] }),
      plain('v1', 'Service', 'nginx', undefined, { 'spec.type': 'ClusterIP' }),
      ...kotsSecrets(),
    ],
  },
  {
    fixture: 'kotsapps-app-direct',
    args: ['--private-registry', 'docker.io'],
    why: 'A Docker Hub organisation image and an official image, both private: entries for every Docker Hub spelling (pkg/imageutil/image.go BuildImageAltNames) with newName from the spelling as written; the StatefulSet is patched like the Deployment; troubleshoot.replicated.com/v1beta1 Preflight and Collector are KOTS kinds.',
    objects: [
      plain('v1', 'ConfigMap', 'appdirect-config-map'),
      workload('apps/v1', 'Deployment', 'app-direct-deployment', {
        containers: [c('appdirect', `${PROXY}/cremerfc/appdirect:latest`)],
      }),
      workload('apps/v1', 'StatefulSet', 'app-direct-postgresql', {
        containers: [c('app-direct-postgresql', `${PROXY}/postgres:9.6`)],
      }),
      plain('v1', 'Secret', 'postgresql-secret'),
      plain('v1', 'Service', 'postgresql-service'),
      plain('v1', 'Service', 'app-direct-service'),
      plain('extensions/v1beta1', 'Ingress', 'ingress'),
      ...kotsSecrets(),
    ],
  },
  {
    fixture: 'kotsapps-app-direct',
    args: DOCKER_HUB_PUBLIC,
    why: 'The same with public images: nothing rewritten, every pod spec still patched (writeObjectsWithPullSecret does not look at privacy).',
    objects: [
      plain('v1', 'ConfigMap', 'appdirect-config-map'),
      workload('apps/v1', 'Deployment', 'app-direct-deployment', {
        containers: [c('appdirect', 'cremerfc/appdirect:latest')],
      }),
      workload('apps/v1', 'StatefulSet', 'app-direct-postgresql', {
        containers: [c('app-direct-postgresql', 'postgres:9.6')],
      }),
      plain('v1', 'Secret', 'postgresql-secret'),
      plain('v1', 'Service', 'postgresql-service'),
      plain('v1', 'Service', 'app-direct-service'),
      plain('extensions/v1beta1', 'Ingress', 'ingress'),
      ...kotsSecrets(),
    ],
  },
  {
    fixture: 'kotsapps-postgres-snapshots',
    args: ['--private-registry', 'docker.io'],
    why: 'velero Backup is a KOTS kind; `kots.io/when: ConfigOptionEquals "postgres_type" "embedded_postgres"` is true on the Config default, so the StatefulSet and Service stay (the templated value is decided the same way once templates are evaluated); a `kots.io/when` on a pod template annotation is ignored (only metadata.annotations count); the Job running only registry.replicated.com images is patched but never proxied (RewritePrivateImages skips the registry host).',
    objects: [
      workload('batch/v1', 'Job', 'migrations', {
        initContainers: [c('migrations-plan', 'registry.replicated.com/postgres-snapshots/migrations:1.0.0')],
        containers: [c('migrations-apply', 'registry.replicated.com/postgres-snapshots/migrations:1.0.0')],
      }),
      workload('apps/v1', 'Deployment', 'pg-consumer', {
        containers: [c('pg-consumer', `${PROXY}/postgres:10`)],
      }),
      workload('apps/v1', 'Deployment', 'pg-snapshot', {
        initContainers: [c('pg-snapshot-init', `${PROXY}/postgres:10`)],
        containers: [c('pg-snapshot-keepalive', `${PROXY}/postgres:10`)],
      }),
      workload('apps/v1', 'StatefulSet', 'postgres', { containers: [c('postgres', `${PROXY}/postgres:10`)] }),
      plain('v1', 'Secret', 'postgres'),
      plain('v1', 'Service', 'postgres'),
      ...kotsSecrets(),
    ],
    errors: [],
  },
  {
    fixture: 'kotsapps-kudo-operator',
    args: ['--private-registry', 'docker.io'],
    why: "An operator: CRDs and KUDO custom resources are deployed as they are (no pod spec where FindImages looks, so not patched; the OperatorVersion's embedded Deployment is a string); the controller StatefulSet in kudo-system is patched; the secrets are copied into both listed additionalNamespaces (kudo, kudo-system); app.k8s.io Application and the troubleshoot.replicated.com Collector are KOTS kinds; additionalImages are never rewritten.",
    objects: [
      plain('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'operators.kudo.dev'),
      plain('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'operatorversions.kudo.dev'),
      plain('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'instances.kudo.dev'),
      plain('v1', 'Namespace', 'kudo-system'),
      plain('v1', 'ServiceAccount', 'kudo-manager', 'kudo-system'),
      plain('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'kudo-manager-rolebinding'),
      plain('v1', 'Service', 'kudo-controller-manager-service', 'kudo-system'),
      workload('apps/v1', 'StatefulSet', 'kudo-controller-manager', {
        namespace: 'kudo-system',
        containers: [c('manager', `${PROXY}/kudobuilder/controller:v0.11.1`)],
      }),
      plain('kudo.dev/v1beta1', 'Operator', 'first-operator'),
      plain('kudo.dev/v1beta1', 'OperatorVersion', 'first-operator-0.1.0'),
      plain('kudo.dev/v1beta1', 'Instance', 'first-operator-instance'),
      plain('v1', 'ConfigMap', 'example-config'),
      workload('apps/v1', 'Deployment', 'example-nginx', { containers: [c('nginx', `${PROXY}/nginx`)] }),
      plain('v1', 'Service', 'example-nginx'),
      ...kotsSecrets([undefined, 'kudo', 'kudo-system']),
    ],
    errors: [],
  },
  {
    fixture: 'kots-pull-customhostnames',
    args: ['--public-registry', 'docker.io', '--private-registry', 'quay.io'],
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/replcated-registry-test-pod-pod.yaml): with the Application's replicatedRegistryDomain, registry.replicated.com/appslug/image is renamed to somebigbank.registry.org (RewritePrivateImages, upstream endpoint branch), an image already on the custom domain is left alone, the private quay.io image is proxied, the public nginx is not; the Pod in its own namespace is patched while the secrets stay in the app namespace (wantResults/overlays/midstream/secret.yaml), hence the namespace error. Its testcase.yaml is an online pull (RewriteImages false).",
    objects: [
      workload('v1', 'Pod', 'replcated-registry-test-pod', {
        namespace: 'replicated-registry-test',
        containers: [
          c('replicated-registry-image', 'somebigbank.registry.org/appslug/image:version'),
          c('custom-registry-hostname-image', 'somebigbank.registry.org/appslug/some-other-image:version'),
          c('private-image', `${PROXY}/quay.io/replicatedcom/someimage:1`),
          c('public-image', 'nginx:latest'),
        ],
      }),
      ...kotsSecrets(),
    ],
    errors: ['namespace-not-in-additional-namespaces'],
  },
  {
    fixture: 'kots-pull-taganddigest-norewrite',
    args: DOCKER_HUB_PUBLIC,
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/*-deployment.yaml, testcase.yaml RewriteImages false): tags, digests and tag+digest are kept as written when nothing is private; every Deployment is patched (wantResults/overlays/midstream/pullsecrets.yaml).",
    objects: [
      workload('apps/v1', 'Deployment', 'example-nginx-tag-1', { containers: [c('nginx', 'nginx:1')] }),
      workload('apps/v1', 'Deployment', 'example-nginx-tag-1-23', { containers: [c('nginx', 'nginx:1.23')] }),
      workload('apps/v1', 'Deployment', 'example-nginx-digest-multi-arch', {
        containers: [
          c('nginx', 'nginx@sha256:790711e34858c9b0741edffef6ed3d8199d8faa33f2870dea5db70f16384df79'),
        ],
      }),
      workload('apps/v1', 'Deployment', 'example-nginx-digest-single-arch', {
        containers: [
          c('nginx', 'nginx@sha256:f26fbadb0acab4a21ecb4e337a326907e61fbec36c9a9b52e725669d99ed1261'),
        ],
      }),
      workload('apps/v1', 'Deployment', 'example-nginx-tag-digest', {
        containers: [
          c('nginx', 'nginx:1@sha256:f26fbadb0acab4a21ecb4e337a326907e61fbec36c9a9b52e725669d99ed1261'),
        ],
      }),
      ...kotsSecrets(),
    ],
    errors: [],
  },
  {
    fixture: 'kots-pull-kotskinds',
    args: DOCKER_HUB_PUBLIC,
    why: "KOTS's own oracle (wantResults/rendered/this-cluster/): of the kustomize-deployed objects only ConfigMap test-config and the secrets; the v1beta1 chart is excluded, the v1beta2 charts are Helm's (wantResults/rendered/this-cluster/helm/), every other document is a KOTS kind. The ConfigMap's data needs template evaluation, its presence does not.",
    // kots-app.yaml lists `repl{{ ConfigOption "kots_app_additional_namespacse_1" }}`, whose Config
    // default is "my-app-namespace" (kots-config.yaml:114; config_context.go takes the default when the
    // value is empty), and pkg/operator/client/namespaces.go copies the pull secrets into every listed
    // namespace.
    objects: [plain('v1', 'ConfigMap', 'test-config'), ...kotsSecrets([undefined, 'my-app-namespace'])],
  },
  {
    fixture: 'pe-flipt',
    args: DOCKER_HUB_PUBLIC,
    why: 'The cert-manager ClusterIssuer behind `kots.io/when: and (ConfigOptionEquals "ingress_enabled" "1") (ConfigOptionEquals "tls_enabled" "1")` is deployed (both default to "1"); the flipt chart is v1beta2 (Helm\'s, not the overlay\'s); EC Config, LintConfig, app.k8s.io Application are KOTS kinds; the SDK image in additionalImages is on the proxy host, which MakeProxiedImageURL leaves alone, so it is no proxy mismatch.',
    objects: [plain('cert-manager.io/v1', 'ClusterIssuer', 'letsencrypt-prod'), ...kotsSecrets()],
    notRaised: ['proxy-reference-mismatch'],
  },
  {
    fixture: 'pe-gitea',
    args: DOCKER_HUB_PUBLIC,
    why: 'Only a v1beta2 chart and KOTS kinds (EC Config with Helm extensions, app.k8s.io Application): the overlay deploys nothing but the secrets.',
    objects: kotsSecrets(),
  },
  {
    fixture: 'pe-onlineboutique',
    args: DOCKER_HUB_PUBLIC,
    why: 'Only a v1beta2 chart (with the Replicated SDK subchart, whose image is on the proxy host) and KOTS kinds (EC Config, ConfigValues): only the secrets.',
    objects: kotsSecrets(),
    notRaised: ['proxy-reference-mismatch'],
  },
  {
    fixture: 'pe-storagebox',
    args: DOCKER_HUB_PUBLIC,
    why: 'A v1beta2 chart, a velero Backup, EC Config and LintConfig: only the secrets, in the app namespace and the four listed additionalNamespaces.',
    objects: kotsSecrets([undefined, 'cert-manager', 'envoy-gateway-system', 'cnpg', 'k8ssandra-operator']),
  },
  {
    fixture: 'starter-helm-vaultwarden',
    args: DOCKER_HUB_PUBLIC,
    why: 'A v1beta2 chart on a library chart, Preflight and SupportBundle: only the secrets (nothing rewritten, nothing patched by KOTS in a v2 chart).',
    objects: kotsSecrets(),
  },
];

describeCases('real releases: the rendered preview, object by object, as KOTS deploys it', PLAIN);
// The same with the real Helm rendering the v1beta2 charts (pe-*, starter-helm-vaultwarden,
// kots-pull-kotskinds): Helm deploys those (pkg/apparchive/helm-v1beta2.go), so rendering them must not
// change the overlay's objects.
describeCases('real releases, v2 charts rendered by Helm: the same preview', PLAIN, {
  helm: requireHelm(4).path,
});

describe('the corpus tables', () => {
  it('cover every fixture under test/fixtures/real/, each in one table', () => {
    const plainSet = new Set(PLAIN.map((k) => k.fixture));
    const renderedSet = new Set(RENDERED.map((k) => k.fixture));
    expect([...plainSet].filter((f) => renderedSet.has(f))).toEqual([]);
    expect([...new Set([...plainSet, ...renderedSet])].sort()).toEqual(fixtureNames());
  });
});

describe('kubectl kustomize builds the overlay of every fixture, also without Helm', () => {
  // ./rendered.test.ts builds these with Helm; here the approximation (no helm lookup) must give an
  // overlay that builds too, including kots-pull-replicatedhelm's unquoted `{{repl ConfigOption }}`
  // value, which only its rendered copy in OUT makes valid YAML.
  const previews: Preview[] = [];
  afterAll(() => {
    for (const p of previews) rmSync(p.root, { recursive: true, force: true });
  });
  it.each(RENDERED.map((k, i) => [k.fixture, i] as const))('%s', async (_fixture, i) => {
    if (previews.length === 0) previews.push(...(await pool(RENDERED, 2, (k) => preview(k.fixture, k.args))));
    const p = previews[i]!;
    expect(p.code, p.stderr).toBe(0);
    expect(p.kustomizeError).toBeUndefined();
    expect(p.rendered?.length).toBeGreaterThan(0);
  });
});

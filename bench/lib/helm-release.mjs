// The Helm benchmark's release: 10 real chart archives and one HelmChart CR each, v1beta2 and
// v1beta1 mixed, every CR overriding the chart's image values (some through the proxy, some to a
// private registry). Five archives are packed from test/fixtures/charts/ by its pack.sh, five are
// the archives test/fixtures/real/ ships; all ten render with `helm template` and no network.
// CR names and release names differ from chart names, so that a scanner keying on the wrong one shows.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

const repo = resolve(import.meta.dirname, '../..');
const PROXY = 'proxy.replicated.com/proxy/bench';
const PRIVATE = 'registry.bench.example';
/** The namespace every CR names, so that the CLI and the bare `helm template` runs render the same. */
export const BENCH_NAMESPACE = 'bench-apps';

/** Each chart: where its archive comes from, the CR that installs it, and one image that its
 *  render must show when the CR's values apply (the generator's test checks it with real Helm). */
export const HELM_BENCH_CHARTS = [
  {
    fixture: 'bitnami-nginx',
    name: 'nginx',
    version: '22.1.1',
    apiVersion: 'kots.io/v1beta2',
    values: {
      global: { security: { allowInsecureImages: true } },
      image: { registry: 'proxy.replicated.com', repository: 'proxy/bench/docker.io/bitnami/nginx' },
    },
    expectImage: `${PROXY}/docker.io/bitnami/nginx:1.29.1-debian-12-r0`,
  },
  {
    fixture: 'gitea',
    name: 'gitea',
    version: '11.0.0',
    apiVersion: 'kots.io/v1beta1',
    values: { image: { registry: PRIVATE, repository: 'mirror/gitea', tag: '1.22.3' } },
    expectImage: `${PRIVATE}/mirror/gitea:1.22.3-rootless`,
  },
  {
    fixture: 'istio',
    name: 'istio',
    version: '1.5.4',
    apiVersion: 'kots.io/v1beta2',
    values: { global: { hub: `${PROXY}/docker.io/istio` } },
    expectImage: `${PROXY}/docker.io/istio/pilot:1.5.4`,
  },
  {
    fixture: 'onlineboutique',
    name: 'onlineboutique',
    version: '0.10.6',
    apiVersion: 'kots.io/v1beta1',
    values: { images: { repository: `${PRIVATE}/boutique`, tag: 'v0.10.6' } },
    expectImage: `${PRIVATE}/boutique/frontend:v0.10.6`,
  },
  {
    fixture: 'prometheus',
    name: 'prometheus',
    version: '13.2.1',
    apiVersion: 'kots.io/v1beta2',
    values: {
      server: { image: { repository: `${PROXY}/quay.io/prometheus/prometheus` } },
      alertmanager: { image: { repository: `${PROXY}/quay.io/prometheus/alertmanager` } },
    },
    expectImage: `${PROXY}/quay.io/prometheus/prometheus:v2.24.0`,
  },
  {
    archive: 'test/fixtures/real/kotsapps-helm-grafana/grafana-5.0.13.tgz',
    name: 'grafana',
    version: '5.0.13',
    apiVersion: 'kots.io/v1beta1',
    values: { image: { repository: `${PRIVATE}/grafana/grafana` } },
    expectImage: `${PRIVATE}/grafana/grafana:6.7.1`,
  },
  {
    archive: 'test/fixtures/real/kotsapps-nginx-ingress/nginx-ingress-1.30.3.tgz',
    name: 'nginx-ingress',
    version: '1.30.3',
    apiVersion: 'kots.io/v1beta2',
    values: {
      controller: {
        image: { repository: `${PROXY}/quay.io/kubernetes-ingress-controller/nginx-ingress-controller` },
      },
      defaultBackend: { image: { repository: `${PROXY}/k8s.gcr.io/defaultbackend-amd64` } },
    },
    expectImage: `${PROXY}/quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.28.0`,
  },
  {
    archive: 'test/fixtures/real/starter-helm-vaultwarden/vaultwarden-0.1.0.tgz',
    name: 'vaultwarden',
    version: '0.1.0',
    apiVersion: 'kots.io/v1beta1',
    values: {
      apps: {
        vaultwarden: {
          containers: { vaultwarden: { image: { repository: `${PRIVATE}/vaultwarden/server` } } },
        },
      },
    },
    expectImage: `${PRIVATE}/vaultwarden/server:1.27.0-alpine`,
  },
  {
    archive: 'test/fixtures/real/kotsapps-istio/istio-init-1.5.4.tgz',
    name: 'istio-init',
    version: '1.5.4',
    apiVersion: 'kots.io/v1beta2',
    values: { global: { hub: `${PROXY}/docker.io/istio` } },
    expectImage: `${PROXY}/docker.io/istio/kubectl:1.5.4`,
  },
  {
    archive: 'test/fixtures/real/pe-onlineboutique/onlineboutique-0.14.0.tgz',
    name: 'onlineboutique',
    version: '0.14.0',
    apiVersion: 'kots.io/v1beta1',
    values: { images: { repository: `${PROXY}/gcr.io/google-samples/microservices-demo` } },
    expectImage: `${PROXY}/gcr.io/google-samples/microservices-demo/frontend:v0.9.0`,
  },
];

/** The CR's metadata.name and the release name, both unlike the chart's name. */
export function benchNames(chart) {
  const id = `${chart.name}-${chart.version.replaceAll('.', '-')}`;
  return { crName: `bench-${id}`, releaseName: `rel-${id}` };
}

/** The HelmChart CR for one chart as a plain object: v1beta1 puts the release name under
 *  `spec.chart`, v1beta2 directly under `spec` (the two schemas of kots.io HelmChart). */
export function helmChartCr(chart) {
  const { crName, releaseName } = benchNames(chart);
  const v1 = chart.apiVersion === 'kots.io/v1beta1';
  const spec = v1
    ? {
        chart: { name: chart.name, chartVersion: chart.version, releaseName },
        namespace: BENCH_NAMESPACE,
        values: chart.values,
        builder: {},
      }
    : {
        chart: { name: chart.name, chartVersion: chart.version },
        releaseName,
        namespace: BENCH_NAMESPACE,
        values: chart.values,
      };
  return { apiVersion: chart.apiVersion, kind: 'HelmChart', metadata: { name: crName }, spec };
}

/** Writes the release into `dir` (created): `<name>-<version>.tgz` and `<crName>.yaml` per chart.
 *  Returns one entry per chart with the archive's path and what the CR tells Helm. */
export function generateHelmRelease(dir) {
  mkdirSync(dir, { recursive: true });
  const fixtures = HELM_BENCH_CHARTS.filter((c) => c.fixture !== undefined).map((c) => c.fixture);
  execFileSync('bash', [join(repo, 'test/fixtures/charts/pack.sh'), dir, ...fixtures], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return HELM_BENCH_CHARTS.map((chart) => {
    const archive = join(dir, `${chart.name}-${chart.version}.tgz`);
    if (chart.archive !== undefined) copyFileSync(join(repo, chart.archive), archive);
    const cr = helmChartCr(chart);
    const { crName, releaseName } = benchNames(chart);
    writeFileSync(join(dir, `${crName}.yaml`), stringify(cr));
    return { chart, archive, crName, releaseName, namespace: BENCH_NAMESPACE, values: chart.values };
  });
}

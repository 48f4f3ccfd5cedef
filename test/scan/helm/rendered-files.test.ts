// The namespace a v1 chart's rendered objects get in the preview. KOTS sets the HelmChart CR's
// `spec.namespace` with kustomize's namespace transformer (replicatedhq/kots pkg/base/helm.go
// kustomizeHelmNamespace): namespaced objects that name none get it; CRDs, Namespaces and the other
// cluster-scoped kinds of kustomize's built-in schema (ClusterRole, webhook configurations, ...) stay
// cluster-wide; kinds kustomize does not know are namespaced; an object that names one keeps it.
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { HelmChartInfo } from '../../../src/model-scan.js';
import { renderedChartFiles } from '../../../src/scan/helm/rendered-files.js';

const pos = { file: 'cr.yaml', line: 1, column: 1 };
const chart = (namespace?: string): HelmChartInfo => ({
  file: 'cr.yaml',
  apiVersion: 'kots.io/v1beta1',
  name: 'cr',
  chartName: 'c',
  pos,
  passesPullSecret: false,
  ...(namespace !== undefined ? { namespace } : {}),
});

function namespaces(crNamespace: string | undefined, docs: string[]): unknown[] {
  let text = '';
  renderedChartFiles({
    chart: chart(crNamespace),
    index: 0,
    releaseName: 'r',
    outDir: 'out',
    manifests: docs.map((d, i) => ({
      source: `c/templates/${i}.yaml`,
      index: i,
      line: 1,
      text: d,
      object: parse(d) as unknown,
    })),
    scan: (_file, t) => {
      text = t;
      return { files: [], workloads: [] };
    },
  });
  return parseAllDocuments(text).map((d) => d.getIn(['metadata', 'namespace']));
}

const obj = (apiVersion: string, kind: string, extra = ''): string =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${extra}`;

describe('rendered v1 chart objects: the CR namespace as kustomize sets it', () => {
  it.each([
    ['v1', 'ConfigMap', 'istio-system'],
    ['apps/v1', 'Deployment', 'istio-system'],
    ['rbac.authorization.k8s.io/v1', 'Role', 'istio-system'],
    ['networking.istio.io/v1alpha3', 'DestinationRule', 'istio-system'],
    ['cert-manager.io/v1', 'ClusterIssuer', 'istio-system'],
    ['rbac.authorization.k8s.io/v1', 'ClusterRole', undefined],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', undefined],
    ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', undefined],
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', undefined],
    ['policy/v1beta1', 'PodSecurityPolicy', undefined],
    ['storage.k8s.io/v1', 'StorageClass', undefined],
    ['scheduling.k8s.io/v1', 'PriorityClass', undefined],
    ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', undefined],
    ['v1', 'Namespace', undefined],
    ['v1', 'PersistentVolume', undefined],
  ])('%s %s → %s', (apiVersion, kind, want) => {
    expect(namespaces('istio-system', [obj(apiVersion, kind)])).toEqual([want]);
  });

  it('keeps a namespace the object names, and adds none without the CR namespace', () => {
    expect(namespaces('istio-system', [obj('v1', 'ConfigMap', '  namespace: other\n')])).toEqual(['other']);
    expect(namespaces(undefined, [obj('v1', 'ConfigMap')])).toEqual([undefined]);
    expect(namespaces(undefined, [obj('v1', 'ConfigMap', '  namespace: repl{{ Namespace}}\n')])).toEqual([
      undefined,
    ]);
  });
});

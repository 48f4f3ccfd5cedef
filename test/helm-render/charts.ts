// Small charts for the render tests, written as files. Each exercises one thing Helm resolves and
// kots-proxy must not guess: dependencies with condition, tags and alias; images composed from
// several values (as istio's `{{ .Values.global.hub }}/{{ .Values.image }}:{{ .Values.global.tag }}`);
// `default .Chart.AppVersion`; charts that validate their values.

export type ChartFiles = Record<string, string>;

const deployment = (name: string, image: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: {{ .Release.Namespace }}
spec:
  template:
    spec:
      containers:
        - name: main
          image: ${image}
`;

/** A parent with a vendored subchart used twice (aliases `db` and `cache`, each with a condition),
 *  and a tagged optional subchart that the tags switch off. */
export const parentChart: ChartFiles = {
  'Chart.yaml': `apiVersion: v2
name: parent
version: 1.0.0
appVersion: "3.2.1"
dependencies:
  - name: sub
    version: 0.1.0
    alias: db
    condition: db.enabled
  - name: sub
    version: 0.1.0
    alias: cache
    condition: cache.enabled
  - name: extra
    version: 0.1.0
    tags: [optional]
`,
  'values.yaml': `image:
  repository: registry.example.com/acme/web
  tag: ""
global:
  hub: docker.io/istio
  tag: 1.5.4
db:
  enabled: true
  image: pilot
cache:
  enabled: false
tags:
  optional: false
`,
  'templates/web.yaml': deployment(
    '{{ .Release.Name }}-web',
    '"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
  ),
  'charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
  'charts/sub/values.yaml': 'enabled: true\nimage: proxyv2\n',
  'charts/sub/templates/pilot.yaml': deployment(
    '{{ .Release.Name }}-{{ .Chart.Name }}',
    '"{{ .Values.global.hub }}/{{ .Values.image }}:{{ .Values.global.tag }}"',
  ),
  'charts/extra/Chart.yaml': 'apiVersion: v2\nname: extra\nversion: 0.1.0\n',
  'charts/extra/templates/extra.yaml': deployment('extra', 'docker.io/library/busybox:1.36'),
};

/** Needs `redis` from a repository and does not vendor it. */
export const missingDependencyChart: ChartFiles = {
  'Chart.yaml': `apiVersion: v2
name: needs-redis
version: 1.0.0
dependencies:
  - name: redis
    version: 17.0.0
    repository: https://charts.bitnami.com/bitnami
`,
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
};

/** Renders nothing for a very long time (4e8 empty iterations). */
export const slowChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: slow\nversion: 1.0.0\n',
  'templates/slow.yaml': '{{- range until 20000 }}{{- range until 20000 }}{{- end }}{{- end }}\n',
};

/** Prints a ConfigMap of several megabytes. */
export const hugeChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: huge\nversion: 1.0.0\n',
  'templates/huge.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: huge
data:
{{- range until 100000 }}
  k{{ . }}: "0123456789012345678901234567890123456789"
{{- end }}
`,
};

/** Branches on a switch with a regex: marking every string fails it, the image-like marking not. */
export const validatingChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: strict\nversion: 1.0.0\n',
  'values.yaml': 'mode: standalone\nimage:\n  repository: quay.io/acme/strict\n  tag: "2.0.0"\n',
  'templates/check.yaml': `{{- if not (regexMatch "^(standalone|cluster)$" .Values.mode) }}{{ fail "mode must be standalone or cluster" }}{{- end }}
`,
  'templates/app.yaml': deployment('strict', '"{{ .Values.image.repository }}:{{ .Values.image.tag }}"'),
};

/** Compares its tag as a version: no marking can keep it rendering, so it is untraced. */
export const semverChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: semver\nversion: 1.0.0\n',
  'values.yaml': 'image:\n  repository: quay.io/acme/semver\n  tag: "2.0.0"\n',
  'templates/check.yaml': `{{- if not (semverCompare ">=1.0.0" .Values.image.tag) }}{{ fail "tag too old" }}{{- end }}
`,
  'templates/app.yaml': deployment('semver', '"{{ .Values.image.repository }}:{{ .Values.image.tag }}"'),
};

/** Hooks, a test hook and a CRD: KOTS's install dry run keeps all of them (pkg/base/helm_v4.go). */
export const hooksChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: hooks\nversion: 1.0.0\n',
  'crds/widget.yaml': `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
`,
  'templates/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations: {"helm.sh/hook": pre-install}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: m, image: "docker.io/acme/migrate:1"}]
`,
  'templates/tests/test.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: smoke
  annotations: {"helm.sh/hook": test}
spec:
  containers: [{name: t, image: "docker.io/acme/smoke:1"}]
`,
  'templates/kube.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: kube
data:
  version: {{ .Capabilities.KubeVersion.Version | quote }}
  namespace: {{ .Release.Namespace | quote }}
`,
};

/** Checks its repository's registry: no marking can keep it rendering, so it is untraced. */
export const registryCheckChart: ChartFiles = {
  'Chart.yaml': 'apiVersion: v2\nname: regcheck\nversion: 1.0.0\n',
  'values.yaml': 'image:\n  repository: quay.io/acme/regcheck\n  tag: "2.0.0"\n',
  'templates/check.yaml': `{{- if not (hasPrefix "quay.io/" .Values.image.repository) }}{{ fail "images come from quay.io" }}{{- end }}
`,
  'templates/app.yaml': deployment('regcheck', '"{{ .Values.image.repository }}:{{ .Values.image.tag }}"'),
};

// The finding rules, in one catalog: every rule's id, level, a one-line summary (when it is raised) and
// help text (an example). RuleId is derived from it, the README's rule tables are generated from it
// (scripts/rules-table.mjs) and docs/interface.md's table is tested against it.

/** Severity, in the order GitHub ranks annotations. */
export type Level = 'error' | 'warning' | 'notice';

export interface Rule {
  level: Level;
  /** Added to the public contract's rules (listed apart in the README). */
  addition?: true;
  /** When the rule is raised, one line. */
  summary: string;
  /** An example of what raises it, and what to do about it (Markdown; SARIF's help text). */
  help: string;
}

export const RULES = {
  'image-needs-proxy': {
    level: 'notice',
    summary: 'an image KOTS will route through the proxy service',
    help: '`image: quay.io/acme/api:1.0` in a Deployment: KOTS will pull it as `proxy.replicated.com/proxy/acme/quay.io/acme/api`. Nothing to fix: the generated overlay shows the proxied name. Make sure the proxy service has read-only credentials for the registry.',
  },
  'credentials-missing': {
    level: 'warning',
    summary: 'a private image on a host with no credentials supplied',
    help: '`quay.io/acme/api:1.0` is private and `--registry-auth` has nothing for `quay.io`: the proxy service needs read-only credentials. Give the proxy service read-only credentials for this registry in the Vendor Portal, and pass them as registry-auth (--registry-auth) to check the image.',
  },
  'credentials-rejected': {
    level: 'error',
    summary: 'the supplied credentials cannot pull a private image',
    help: 'the `quay.io` credentials you gave get 401/403 for `quay.io/acme/api:1.0`. Check the read-only credentials for this registry; the proxy service would be refused the same way.',
  },
  'image-not-found': {
    level: 'error',
    summary: 'the reference does not exist',
    help: '`quay.io/acme/api:1.0.1-typo` does not exist (the credentials work, the tag does not). Fix the repository name or tag, or push the image before releasing.',
  },
  'image-unreachable': {
    level: 'warning',
    summary: 'the registry could not be reached (KOTS would proxy it)',
    help: '`registry.internal:5000/x:1` times out or fails TLS; KOTS would proxy it. Check that the registry is reachable from the internet; the proxy service must reach it too.',
  },
  'rate-limited': {
    level: 'warning',
    summary: 'the registry kept answering 429',
    help: 'Docker Hub kept answering 429 for `bitnami/redis:7.2`. Re-run later or pass credentials for the registry; the image was not checked.',
  },
  'invalid-image-reference': {
    level: 'error',
    summary: 'the string is not a valid image reference',
    help: '`image: quay.io/acme/API:1.0` (uppercase in the path), also inside `\'{{repl LocalImageName "…" }}\'`. Write the reference as [registry/]repository[:tag][@digest], lowercase repository path.',
  },
  'dynamic-image': {
    level: 'notice',
    summary: 'a templated image that only KOTS can resolve',
    help: '`image: \'repl{{ ConfigOption "api_image" }}\'`: only KOTS can resolve it. Wrap literal images in LocalImageName or list them in additionalImages so they can be checked.',
  },
  'namespace-not-in-additional-namespaces': {
    level: 'error',
    summary:
      "a workload (or HelmChart `namespace`) targets a namespace that the KOTS Application's `additionalNamespaces` does not list, so KOTS will not create the pull secret there",
    help: 'a Deployment with `namespace: workers` running a proxied image while the Application lists only `monitoring`; also a HelmChart `spec.namespace` (a v1 chart with proxied images, a v2 chart whose images need the pull secret). Add the namespace to the Application spec.additionalNamespaces so KOTS creates the pull secret there.',
  },
  'image-not-rewritten-by-kots': {
    level: 'warning',
    summary:
      'a private image in a place KOTS does not rewrite at install time (e.g. `ephemeralContainers`); the overlay still rewrites it',
    help: 'a private image in `ephemeralContainers`: KOTS does not rewrite it (the generated overlay does). Use the proxied name directly, or apply the generated overlay.',
  },
  'operator-image-reference': {
    level: 'warning',
    summary:
      'an image reference outside a PodSpec (env var, arg, custom resource field) that KOTS cannot rewrite',
    help: "`env: [{name: RELATED_IMAGE_DB, value: quay.io/acme/postgres:16}]`, `--backup-image=quay.io/acme/backup:2`, or a custom resource's `spec.image`: write `'{{repl LocalImageName \"quay.io/acme/postgres:16\" }}'` and list the image in `additionalImages`",
  },
  'helm-v2-image-not-proxied': {
    level: 'warning',
    summary: 'a HelmChart v2 value names a private image without the proxy prefix or a KOTS template',
    help: "a `kots.io/v1beta2` HelmChart whose chart's `values.yaml` has `image: {registry: quay.io, repository: acme/web}` that no value points at the proxy; reported at the CR line when the CR sets the value, else inside the archive; also a literal `image:` in a chart template",
  },
  'helm-v2-missing-pull-secret': {
    level: 'warning',
    summary: 'a HelmChart v2 chart with private images passes no `ImagePullSecretName`',
    help: "that HelmChart v2 passes `'{{repl ImagePullSecretName }}'` in no value",
  },
  'proxy-reference-mismatch': {
    level: 'error',
    summary:
      "an image already points at `/proxy/<slug>/` of another app slug, or at another proxy domain's `/proxy/` path (other paths on the proxy host, such as the Replicated SDK's `library/…`, are fine)",
    help: "`image: proxy.replicated.com/proxy/other-app/quay.io/acme/api:1` (another slug), or `proxy.replicated.com/proxy/acme/…` when the app's proxy domain is `proxy.acme.com`. Use the proxy domain and application slug of this application, or the upstream image name.",
  },
  'yaml-parse-error': {
    level: 'error',
    summary: 'a file is not valid YAML (the scan goes on with the other files)',
    help: '`image: [quay.io/acme/api` (unclosed flow sequence); the other files are still scanned. Fix the YAML syntax at the given line.',
  },
  'overlay-excluded-document': {
    level: 'warning',
    addition: true,
    summary:
      "a file the overlay cannot list as a kustomize resource (a document with no kind or name, a template kustomize cannot parse, a duplicate object); the file's images are not rewritten by the overlay",
    help: 'a document without `metadata.name`, or a second Deployment `api`: the file is left out of the overlay. Give the document a kind and a unique metadata.name.',
  },
  'dynamic-namespace': {
    level: 'notice',
    addition: true,
    summary:
      'a workload running proxied images in a templated namespace other than `{{repl Namespace }}`: only KOTS knows whether `additionalNamespaces` covers it',
    help: '`namespace: \'repl{{ ConfigOption "ns" }}\'` on a workload running a proxied image (`{{repl Namespace }}` is fine). Make sure every namespace the template can produce is in additionalNamespaces.',
  },
  'path-skipped': {
    level: 'warning',
    addition: true,
    summary: 'a path not scanned: a symlink out of the tree or a loop, an unreadable file',
    help: 'a symlink out of the release tree, an unreadable file, or a `.tgz` that is not a readable chart archive. Keep release files inside the release directory and readable.',
  },
  'overlay-cannot-rewrite': {
    level: 'warning',
    addition: true,
    summary:
      "a proxied image on an IPv6 registry (`[::1]:5000/x`): kustomize matches `images[].name` as a regular expression and cannot match it, so neither the overlay nor KOTS's own patch rewrites it",
    help: '`image: "[::1]:5000/acme/api:1"` in a Deployment: kustomize cannot match an IPv6 registry name, so the image is not rewritten. Use a registry host name instead of an IPv6 address.',
  },
  'helm-not-found': {
    level: 'notice',
    addition: true,
    summary:
      'no `helm` binary was found (PATH, `--helm`, action input `helm`): the charts named are approximated from `values.yaml` and template literals instead of rendered',
    help: 'a release with chart archives scanned where `helm` is not installed: install Helm 3 or 4 (GitHub-hosted runners ship it) or pass `--helm PATH`',
  },
  'helm-chart-missing-dependency': {
    level: 'error',
    addition: true,
    summary:
      "a chart archive's `Chart.yaml` declares a dependency that its `charts/` does not vendor: KOTS's dependency check fails the install",
    help: "`dependencies: [{name: redis, repository: https://charts.bitnami.com/bitnami}]` packaged without `helm dependency build`; reported at the HelmChart CR's `chart:`",
  },
  'helm-chart-render-failed': {
    level: 'error',
    addition: true,
    summary:
      'Helm refuses to render the chart with the values KOTS passes (template error, `required`, schema, time or output bound): KOTS fails the install there',
    help: 'a chart with `{{ required "db.host is required" .Values.db.host }}` and a HelmChart CR that sets no `db.host`; reported at the HelmChart CR\'s `chart:`',
  },
  'helm-chart-render-templated': {
    level: 'notice',
    addition: true,
    summary:
      "Helm refuses the chart while the HelmChart CR's values still hold KOTS templates only KOTS evaluates (`ConfigOption`…): its images are approximated",
    help: '`replicas: \'{{repl ConfigOption "replicas" }}\'` passed to a chart that needs a number: only the install renders it',
  },
  'helm-image-untraced': {
    level: 'notice',
    addition: true,
    summary:
      "an image Helm rendered whose value could not be traced (the chart branches on or transforms the value): reported at the HelmChart CR's `chart:` with the reason",
    help: 'a chart that compares `image.tag` with `semverCompare`, so a marked render cannot keep rendering the same objects',
  },
  'dynamic-exclude': {
    level: 'notice',
    addition: true,
    summary:
      'a `kots.io/exclude` / `kots.io/when` annotation that is a KOTS template only the install can decide; the preview shows the document (unless an earlier document has the same name)',
    help: '`kots.io/when: \'repl{{ ConfigOptionEquals "db" "embedded" }}\'` on a StatefulSet: shown, since only the install knows the config',
  },
  'invalid-exclude-annotation': {
    level: 'error',
    addition: true,
    summary:
      'a `kots.io/exclude` / `kots.io/when` value that is not a Go boolean after rendering: KOTS stops the whole render',
    help: '`kots.io/exclude: "yes"` (quoted), an unquoted number, an empty value or a map: KOTS fails with `unable to parse … as bool`; use `"true"` or `"false"`',
  },
  'helm-chart-archive-missing': {
    level: 'error',
    addition: true,
    summary:
      'a HelmChart CR whose chart archive (Chart.yaml `name` and `version` equal to `chart.name` and `chart.chartVersion`) is not in the release: KOTS stops the install',
    help: 'a HelmChart with `chart: {name: redis, chartVersion: 19.0.1}` and no `redis-19.0.1` archive in the release (a v1 chart with `spec.exclude: true` is not looked up)',
  },
  'excluded-image-still-deployed': {
    level: 'notice',
    addition: true,
    summary:
      "an image listed in the Application's `excludedImages`: that list only keeps it out of air-gap bundles; at install time KOTS checks, proxies and gives it the pull secret like any other",
    help: '`excludedImages: [quay.io/acme/debug:1]` while a Deployment runs `quay.io/acme/debug:1`: it is still deployed and proxied when private',
  },
  'container-without-name': {
    level: 'warning',
    addition: true,
    summary:
      "two or more containers (or initContainers) without a `name` in one list: strategic-merge patches key containers by name, so only the last survives KOTS's patch",
    help: 'a Deployment with `containers: [{image: a:1}, {image: b:1}]`: give each container a `name`',
  },
  'collector-image-rewrite-broken': {
    level: 'warning',
    addition: true,
    summary:
      'a private preflight or support-bundle collector image with a digest or on a registry with a port: the proxy rewrite KOTS does when it runs the collector gives a reference nobody can pull',
    help: "a `run` collector with `image: registry.acme.com:5000/tools/check@sha256:…`: write `'{{repl LocalImageName \"<image>\" }}'` and set `imagePullSecret` to `'{{repl ImagePullSecretName }}'`",
  },
  'template-error': {
    level: 'error',
    addition: true,
    summary:
      "a release file's KOTS templates fail to render (Go text/template parse or execution error, or a Config KOTS cannot decode): KOTS fails the install there",
    help: '`image: repl{{ ConfigOption "tag" | nope }}` (`function "nope" not defined`); the file is scanned as written',
  },
  'template-function-unsupported': {
    level: 'warning',
    addition: true,
    summary:
      'a release file calls a template function this preview does not evaluate: the file is scanned as written, its templated values stay dynamic',
    help: '`repl{{ genCA "acme" 365 }}`: the preview does not generate certificates, so the file is not rendered',
  },
  'helm-v2-values-incomplete': {
    level: 'warning',
    addition: true,
    summary:
      'a HelmChart v2 chart rendered again with its generated `helmchart-<name>.values.yaml` merged in still runs a private image that does not go through the proxy',
    help: 'a chart whose image comes from a value the generated file does not set (a list, a helper with its own default): set that value to the proxy name by hand',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

// The generated overlay, rendered by the real `kubectl kustomize`: private images point at the proxy with
// tags and digests kept, the pull secret is patched in where KOTS patches it, and nothing else changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunOptions } from '../../src/model.js';
import { writeGeneratedFiles } from '../../src/output.js';
import { type PipelineResult, runPipeline } from '../../src/pipeline.js';
import { find, imageOf, type K8sObject, kustomize, podSpec } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const PROXY = 'proxy.replicated.com/proxy/acme';

const release: Record<string, string> = {
  'manifests/pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: f
      image: library/nginx:1
  containers:
    - name: a
      image: nginx:1.25
    - name: b
      image: docker.io/library/nginx@${DIGEST}
    - name: c
      image: host:5000/x:1.0
    - name: d
      image: quay.io/org/api:v1@${DIGEST}
    - name: g
      image: gcr.io/pub/x:1
  ephemeralContainers:
    - name: e
      image: quay.io/org/dbg:2
`,
  'manifests/deploy.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      imagePullSecrets:
        - name: other
      containers:
        - name: rr
          image: registry.replicated.com/acme/app:1
        - name: px
          image: ${PROXY}/quay.io/x/y:1
        - name: q
          image: 'quay.io/org/api:v2'
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: only-public
spec:
  template:
    spec:
      containers:
        - name: pub
          image: gcr.io/pub/x:2
`,
  'manifests/cron.yaml': `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
  namespace: workers
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: r
              image: quay.io/org/reporter:3
`,
  'manifests/list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: s
    spec:
      template:
        spec:
          containers:
            - name: s
              image: "org/thing:y"
`,
  'manifests/chart.yaml': `apiVersion: kots.io/v1beta2
kind: HelmChart
metadata:
  name: h
spec:
  chart:
    name: h
  values:
    containers:
      - image: nginx:1
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  image: quay.io/not/an-image:1
`,
  'manifests/kots-app.yaml': `apiVersion: kots.io/v1beta1
kind: Application
metadata:
  name: acme
spec:
  additionalNamespaces:
    - workers
`,
};

const silent = SILENT;

function options(outDir: string): RunOptions {
  return offlineOptions({ publicRegistries: ['gcr.io'], outDir });
}

describe('generated overlay rendered by kubectl kustomize', () => {
  const root = tempDir();
  let result: PipelineResult;
  let objects: K8sObject[];

  beforeAll(async () => {
    writeTree(root, release);
    result = await runPipeline(['manifests'], options('kots-proxy'), { logger: silent, cwd: root });
    await writeGeneratedFiles(root, 'kots-proxy', result.files);
    objects = kustomize('kots-proxy', root);
  });

  it.each([
    ['Pod', 'p', 'spec', 'a', `${PROXY}/nginx:1.25`],
    ['Pod', 'p', 'spec', 'b', `${PROXY}/docker.io/library/nginx@${DIGEST}`],
    ['Pod', 'p', 'spec', 'c', `${PROXY}/host:5000/x:1.0`],
    ['Pod', 'p', 'spec', 'd', `${PROXY}/quay.io/org/api:v1@${DIGEST}`],
    ['Pod', 'p', 'spec', 'e', `${PROXY}/quay.io/org/dbg:2`],
    ['Pod', 'p', 'spec', 'f', `${PROXY}/library/nginx:1`],
    ['Pod', 'p', 'spec', 'g', 'gcr.io/pub/x:1'],
    ['Deployment', 'd', 'spec.template.spec', 'rr', 'registry.replicated.com/acme/app:1'],
    ['Deployment', 'd', 'spec.template.spec', 'px', `${PROXY}/quay.io/x/y:1`],
    ['Deployment', 'd', 'spec.template.spec', 'q', `${PROXY}/quay.io/org/api:v2`],
    ['Deployment', 'only-public', 'spec.template.spec', 'pub', 'gcr.io/pub/x:2'],
    ['CronJob', 'nightly', 'spec.jobTemplate.spec.template.spec', 'r', `${PROXY}/quay.io/org/reporter:3`],
    ['StatefulSet', 's', 'spec.template.spec', 's', `${PROXY}/org/thing:y`],
  ])('%s %s container %s runs %s', (kind, name, path, container, want) => {
    expect(
      imageOf(podSpec(find(objects, kind as string, name as string), path as string), container as string),
    ).toBe(want);
  });

  it.each([
    ['Pod', 'p', 'spec', ['acme-registry']],
    ['Deployment', 'd', 'spec.template.spec', ['other', 'acme-registry']],
    // pkg/base/base.go FindImages keeps every object with a container, public images or not, and
    // pkg/midstream/write.go writeObjectsWithPullSecret patches each one.
    ['Deployment', 'only-public', 'spec.template.spec', ['acme-registry']],
    ['CronJob', 'nightly', 'spec.jobTemplate.spec.template.spec', ['acme-registry']],
    ['StatefulSet', 's', 'spec.template.spec', ['acme-registry']],
  ])('%s %s gets imagePullSecrets %j', (kind, name, path, want) => {
    const secrets = podSpec(find(objects, kind as string, name as string), path as string).imagePullSecrets;
    expect(secrets?.map((s) => s.name)).toEqual(want);
  });

  it('drops KOTS custom resources, so HelmChart values are never rewritten, and keeps other objects as they are', () => {
    expect(objects.filter((o) => o.apiVersion.startsWith('kots.io/'))).toEqual([]);
    expect(find(objects, 'ConfigMap', 'cm').data).toEqual({ image: 'quay.io/not/an-image:1' });
  });

  it('renders the pull secrets for the app namespace and each additional namespace that runs a proxied image', () => {
    // pkg/docker/registry/registry.go PullSecretForRegistries: `<slug>-registry` and
    // kotsadm-replicated-registry, same data, side by side.
    const secrets = objects.filter((o) => o.kind === 'Secret');
    expect(secrets.map((s) => `${s.metadata.namespace ?? ''}/${s.metadata.name}`).sort()).toEqual([
      '/acme-registry',
      '/kotsadm-replicated-registry',
      'workers/acme-registry',
      'workers/kotsadm-replicated-registry',
    ]);
    for (const s of secrets) {
      expect(s.type).toBe('kubernetes.io/dockerconfigjson');
      expect(s.data).toEqual({ '.dockerconfigjson': '{{repl LicenseDockerCfg }}' });
    }
  });

  it('writes tag-less names with only newName, quoted, one per spelling plus the Docker Hub spellings', () => {
    const text = readFileSync(join(root, 'kots-proxy/kustomization.yaml'), 'utf8');
    expect(text).toContain(`  - name: "nginx"\n    newName: "${PROXY}/nginx"`);
    expect(text).toContain(
      `  - name: "docker.io/library/nginx"\n    newName: "${PROXY}/docker.io/library/nginx"`,
    );
    expect(text).toContain(`  - name: "library/nginx"\n    newName: "${PROXY}/library/nginx"`);
    // An unwritten spelling follows the first written spelling in sorted order: deterministic.
    expect(text).toContain(`  - name: "docker.io/nginx"\n    newName: "${PROXY}/docker.io/library/nginx"`);
    expect(text).toContain(`  - name: "docker.io/org/thing"\n    newName: "${PROXY}/org/thing"`);
    expect(text).not.toMatch(/name: "[^"]*:(1|1\.25|v1|y)"/);
    expect(text).not.toContain('newTag');
  });

  it('flags the ephemeral-only image as not rewritten by KOTS, not as routed through the proxy by KOTS', () => {
    const rules = result.report.findings
      .filter((f) => f.message.includes('quay.io/org/dbg:2'))
      .map((f) => f.rule);
    expect(rules).toEqual(['image-not-rewritten-by-kots']);
    // KOTS leaves it alone, so the report's proxy is null; the overlay still rewrites it (see above).
    expect(result.report.images.find((i) => i.image === 'quay.io/org/dbg:2')?.proxy).toBeNull();
  });

  it('is byte-identical on a second run', async () => {
    const again = await runPipeline(['manifests'], options('kots-proxy'), { logger: silent, cwd: root });
    expect(again.files).toEqual(result.files);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(result.report));
  });
});

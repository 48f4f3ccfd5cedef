// `kubectl kustomize` is the oracle for every overlay kots-proxy generates: the test renders the real
// thing and asserts on kustomize's output, not on our own text.
import { execFileSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

export function kustomize(dir: string, cwd: string): K8sObject[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', '--load-restrictor', 'LoadRestrictionsNone', dir], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e: unknown) {
    const stderr = e instanceof Error && 'stderr' in e ? String(e.stderr) : '';
    if (e instanceof Error && 'code' in e && e.code === 'ENOENT') {
      throw new Error('kubectl is not installed: run scripts/setup-tools.sh');
    }
    throw new Error(`kubectl kustomize ${dir} failed: ${stderr}`);
  }
  return parseAllDocuments(out).map((d) => d.toJS() as K8sObject);
}

export function find(objects: K8sObject[], kind: string, name: string, namespace?: string): K8sObject {
  const o = objects.find(
    (x) =>
      x.kind === kind &&
      x.metadata.name === name &&
      (namespace === undefined || x.metadata.namespace === namespace),
  );
  if (!o)
    throw new Error(
      `no ${kind} ${name} in kustomize output: ${objects.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`,
    );
  return o;
}

interface PodSpecLike {
  containers?: { name: string; image: string }[];
  initContainers?: { name: string; image: string }[];
  ephemeralContainers?: { name: string; image: string }[];
  imagePullSecrets?: { name: string }[];
}

/** The PodSpec at a dotted path such as `spec.template.spec`. */
export function podSpec(o: K8sObject, path: string): PodSpecLike {
  let cur: unknown = o;
  for (const key of path.split('.')) {
    if (typeof cur !== 'object' || cur === null)
      throw new Error(`no ${path} in ${o.kind}/${o.metadata.name}`);
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur as PodSpecLike;
}

export function imageOf(spec: PodSpecLike, container: string): string | undefined {
  const all = [
    ...(spec.containers ?? []),
    ...(spec.initContainers ?? []),
    ...(spec.ephemeralContainers ?? []),
  ];
  return all.find((c) => c.name === container)?.image;
}

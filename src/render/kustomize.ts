// Plan → the kustomize overlay files. Pure and deterministic: the same plan gives byte-identical text.
// Every value is double-quoted (YAML 1.1 readers take `y`, `on` or `1.10` as non-strings).
import { posix } from 'node:path';
import { GENERATED_HEADER } from '../generated.js';
import type { GeneratedFile } from '../model.js';
import type { ObjectId, Plan, PullSecretPatch } from '../model-plan.js';
import { doubleQuoted as q } from './yaml-scalar.js';

/** Fields where kustomize's default image transformer does not look, but KOTS-style manifests may run
 *  images: ephemeralContainers. */
const EPHEMERAL_FIELD_SPECS = [
  { path: 'spec/ephemeralContainers[]/image', kind: 'Pod' },
  { path: 'spec/template/spec/ephemeralContainers[]/image' },
  { path: 'spec/jobTemplate/spec/template/spec/ephemeralContainers[]/image', kind: 'CronJob' },
];

export function renderOverlay(
  plan: Plan,
  outDir: string,
  pullSecretFile: string | undefined,
): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  const lines: string[] = [
    GENERATED_HEADER,
    `# What KOTS will do at install time for app ${q(plan.effective.appSlug)}: route images it cannot pull`,
    `# anonymously through ${plan.effective.proxyDomain} and add the license pull secret to their workloads.`,
    `# Render it with: kubectl kustomize --load-restrictor LoadRestrictionsNone ${outDir}`,
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
  ];
  const resources = plan.overlay.resources.map((f) => posix.relative(outDir, f));
  if (pullSecretFile) resources.push(posix.relative(outDir, pullSecretFile));
  lines.push(resources.length ? 'resources:' : 'resources: []');
  for (const r of resources) lines.push(`  - ${q(r)}`);

  if (plan.overlay.rewritesEphemeral) {
    const configFile = posix.join(outDir, 'images-config.yaml');
    lines.push('configurations:', `  - ${q('images-config.yaml')}`);
    files.push({ path: configFile, content: renderImageConfig() });
  }
  if (plan.rewrites.length) {
    lines.push('images:');
    for (const r of plan.rewrites) lines.push(`  - name: ${q(r.name)}`, `    newName: ${q(r.newName)}`);
  }
  const patches = [
    // Later same-named documents KOTS merges onto the first (strategic merge), before its own patches.
    ...plan.overlay.mergePatches.map((p) => [`  - path: ${q(posix.relative(outDir, p))}`]),
    ...plan.overlay.deletes.map(deletePatch),
    ...plan.overlay.patches.map(pullSecretPatch),
  ];
  if (patches.length) {
    lines.push('patches:');
    for (const p of patches) lines.push(...p);
  }
  files.unshift({ path: posix.join(outDir, 'kustomization.yaml'), content: `${lines.join('\n')}\n` });
  return files;
}

function renderImageConfig(): string {
  const lines = [
    GENERATED_HEADER,
    '# Lets the overlay rewrite ephemeralContainers, which KOTS itself does not.',
    'images:',
  ];
  for (const spec of EPHEMERAL_FIELD_SPECS) {
    lines.push(`  - path: ${q(spec.path)}`);
    if (spec.kind) lines.push(`    kind: ${q(spec.kind)}`);
  }
  return `${lines.join('\n')}\n`;
}

function targetLines(id: ObjectId): string[] {
  const slash = id.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : id.apiVersion.slice(0, slash);
  const version = slash < 0 ? id.apiVersion : id.apiVersion.slice(slash + 1);
  const lines = ['  - target:'];
  if (group) lines.push(`      group: ${q(group)}`);
  lines.push(`      version: ${q(version)}`, `      kind: ${q(id.kind)}`, `      name: ${q(id.name)}`);
  if (id.namespace) lines.push(`      namespace: ${q(id.namespace)}`);
  return lines;
}

/** KOTS reads its own custom resources and never deploys them; a HelmChart's values may also hold
 *  `containers` that the image transformer would otherwise rewrite. */
function deletePatch(id: ObjectId): string[] {
  return [...targetLines(id), '    patch: |-', '      $patch: delete', ...patchObjectId(id)];
}

function pullSecretPatch(p: PullSecretPatch): string[] {
  return [
    ...(p.collapseNameless ? collapsePatch(p) : []),
    ...targetLines(p),
    '    patch: |-',
    '      - op: add',
    `        path: ${q(p.append ? `${p.path}/-` : p.path)}`,
    p.append ? `        value: {name: ${q(p.secretName)}}` : `        value: [{name: ${q(p.secretName)}}]`,
  ];
}

/** KOTS's pull-secret patch is a strategic merge (pkg/midstream/write.go), which keys containers by
 *  name and so leaves only the last of several nameless ones; an empty strategic-merge patch on the
 *  object does the same here, before the JSON patch that adds the secret. */
function collapsePatch(id: ObjectId): string[] {
  return [...targetLines(id), '    patch: |-', ...patchObjectId(id)];
}

/** The object's identity inside a strategic-merge patch body. */
function patchObjectId(id: ObjectId): string[] {
  return [
    `      apiVersion: ${q(id.apiVersion)}`,
    `      kind: ${q(id.kind)}`,
    '      metadata:',
    `        name: ${q(id.name)}`,
    ...(id.namespace ? [`        namespace: ${q(id.namespace)}`] : []),
  ];
}

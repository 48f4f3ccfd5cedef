// Files the overlay must leave out (kustomize would refuse them) and files it must keep; every kept
// overlay is built by the real kubectl kustomize.
import { describe, expect, it } from 'vitest';
import { writeGeneratedFiles } from '../../src/output.js';
import { runPipeline } from '../../src/pipeline.js';
import { find, imageOf, kustomize, podSpec } from '../helpers/kustomize.js';
import { offlineOptions, SILENT } from '../helpers/pipeline.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const silent = SILENT;
const options = offlineOptions({ outDir: 'out' });

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
    - name: c
      image: quay.io/acme/${name}:1
`;
const configMap = (ns?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${ns ? `  namespace: ${ns}\n` : ''}data: {a: b}\n`;

async function build(files: Record<string, string>) {
  const root = tempDir();
  writeTree(root, files);
  const { report, files: generated } = await runPipeline(['manifests'], options, {
    logger: silent,
    cwd: root,
  });
  await writeGeneratedFiles(root, 'out', generated);
  return { report, objects: kustomize('out', root) };
}

const excluded = (report: { findings: { rule: string; file: string }[] }) =>
  report.findings.filter((f) => f.rule === 'overlay-excluded-document').map((f) => f.file);

describe('overlay refusals', () => {
  it('keeps the rest of a file whose KOTS resource has no name, through a filtered copy', async () => {
    // pkg/base/replicated.go renderReplicated drops KOTS kinds (kotsutil.IsKotsKind) document by
    // document before anything reads the file, so the nameless Config costs the Pod nothing.
    const { report, objects } = await build({
      'manifests/a.yaml': `${pod('a')}---\napiVersion: kots.io/v1beta1\nkind: Config\nspec: {}\n`,
      'manifests/b.yaml': pod('b'),
    });
    expect(excluded(report)).toEqual([]);
    expect(report.generated).toContain('out/release/manifests/a.yaml');
    expect(objects.map((o) => o.metadata.name).sort()).toEqual([
      'a',
      'acme-registry',
      'b',
      'kotsadm-replicated-registry',
    ]);
  });

  it('does not count the objects of an excluded file as duplicates of a later file', async () => {
    const { report, objects } = await build({
      'manifests/a.yaml': `${configMap()}---\napiVersion: v1\nmetadata: {name: nokind}\n`,
      'manifests/b.yaml': `${configMap()}---\n${pod('b')}`,
    });
    expect(excluded(report)).toEqual(['manifests/a.yaml']);
    expect(imageOf(podSpec(find(objects, 'Pod', 'b'), 'spec'), 'c')).toBe(
      'proxy.replicated.com/proxy/acme/quay.io/acme/b:1',
    );
  });

  it('treats no namespace and namespace default as the same object, and merges it as KOTS does', async () => {
    // pkg/base/write.go deduplicateOnContent: a later document with the same apiVersion, kind, name
    // and namespace becomes a strategic-merge patch onto the first, so b.yaml's Pod is not lost.
    const { report, objects } = await build({
      'manifests/a.yaml': configMap(),
      'manifests/b.yaml': `${configMap('default')}---\n${pod('b')}`,
    });
    expect(excluded(report)).toEqual([]);
    expect(report.generated).toContain('out/release/manifests/b.yaml.merge-1.yaml');
    expect(objects.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Pod', 'Secret', 'Secret']);
  });

  it("adds no second pull secret where '{{repl ImagePullSecretName }}' is already listed", async () => {
    const { objects } = await build({
      'manifests/a.yaml': pod('a', '').replace(
        'spec:\n',
        "spec:\n  imagePullSecrets:\n    - name: '{{repl ImagePullSecretName }}'\n",
      ),
    });
    // KOTS renders it to `<slug>-registry` (config_context.go ImagePullSecretName), as the rendered
    // copy the overlay lists does; the patch adds no second entry.
    expect(podSpec(find(objects, 'Pod', 'a'), 'spec').imagePullSecrets).toEqual([{ name: 'acme-registry' }]);
  });
});

describe('images kustomize cannot match', () => {
  it('an IPv6 registry gets overlay-cannot-rewrite and no images entry; the build still succeeds', async () => {
    const root = tempDir();
    writeTree(root, {
      'manifests/a.yaml': pod('a').replace('quay.io/acme/a:1', '"[::1]:5000/acme/a:1"'),
    });
    const { report, files } = await runPipeline(['manifests'], options, { logger: silent, cwd: root });
    await writeGeneratedFiles(root, 'out', files);
    expect(report.findings.filter((f) => f.rule === 'overlay-cannot-rewrite')).toEqual([
      expect.objectContaining({ file: 'manifests/a.yaml', line: 8, column: 14, level: 'warning' }),
    ]);
    expect(files.find((f) => f.path === 'out/kustomization.yaml')?.content).not.toContain('images:');
    const objects = kustomize('out', root);
    expect(imageOf(podSpec(find(objects, 'Pod', 'a'), 'spec'), 'c')).toBe('[::1]:5000/acme/a:1');
  });
});

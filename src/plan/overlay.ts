// Which release files the kustomize overlay can take, which documents it must drop, and which
// workloads need an imagePullSecrets patch. Pure.
import { posix } from 'node:path';
import { finding, shown } from '../finding.js';
import { decideDeployed, literalOnly, type Render } from '../kots/exclude.js';
import { isKotsKind } from '../kots/kinds.js';
import { getsPullSecret, pullSecretName, useHelmInstallSecrets } from '../kots/pull-secrets.js';
import type { Finding } from '../model.js';
import type { FilteredCopy, ObjectId, OverlayPlan, PullSecretPatch } from '../model-plan.js';
import type { DocumentInfo, ScannedFile, ScanResult, Workload } from '../model-scan.js';
import { hasTemplate } from '../templates.js';
import { compareText } from '../util.js';

/** KOTS reads these itself and never deploys them (pkg/kotsutil/kots.go IsKotsKind). */
function isKotsResource(doc: { apiVersion?: string; kind?: string }): boolean {
  return isKotsKind(doc.apiVersion, doc.kind);
}

/** kustomize's identity of an object: a missing namespace is `default` to it. */
function objectId(doc: DocumentInfo): string {
  const group = doc.apiVersion?.includes('/') ? doc.apiVersion.split('/')[0] : '';
  return `${group}\0${doc.kind}\0${doc.namespace ?? 'default'}\0${doc.name}`;
}

/** Why kustomize would refuse a document, if it would. `ids` holds the objects already accepted,
 *  including the earlier documents of this file. */
function refusal(doc: DocumentInfo, ids: { has(id: string): boolean }): string | undefined {
  if (doc.problem) return doc.problem;
  if (!doc.apiVersion) return 'no apiVersion';
  if (!doc.kind) return 'no kind';
  // kustomize expands `kind: List` (and `*List`) documents into their items, which need no name of their own.
  if (/List$/.test(doc.kind)) return undefined;
  if (!doc.name) return 'no metadata.name';
  if (ids.has(objectId(doc)))
    return `a second ${doc.kind} "${doc.name}" (kustomize refuses duplicate objects)`;
  return undefined;
}

/** Which documents of a file KOTS deploys (pkg/base/base.go ShouldBeIncludedInBaseKustomization). */
function leftOut(
  file: ScannedFile,
  render: Render,
  seen: ReadonlySet<string>,
  findings: Finding[],
): Set<number> {
  const out = new Set<number>();
  const undecidedIds = new Set<string>();
  for (const doc of file.documents) {
    if (isKotsResource(doc)) {
      out.add(doc.docIndex);
      continue;
    }
    const d = decideDeployed(doc.exclude, doc.when, render);
    const pos = (d.by === 'kots.io/exclude' ? doc.exclude?.pos : doc.when?.pos) ?? doc.pos;
    if ('error' in d) {
      findings.push(
        finding(
          'invalid-exclude-annotation',
          pos,
          `${d.by}: ${d.error}; KOTS fails the whole render on this value (pkg/base/base.go); use "true" or "false"`,
        ),
      );
    } else if ('undecided' in d) {
      const id = objectId(doc);
      const duplicate = doc.name !== undefined && (seen.has(id) || undecidedIds.has(id));
      findings.push(
        finding(
          'dynamic-exclude',
          pos,
          `${d.by} "${shown(d.text)}" depends on the install, so only KOTS can tell whether ${shown(doc.kind ?? 'this document')} "${shown(doc.name ?? '')}" is deployed; the preview ${duplicate ? 'leaves it out: an earlier document of the same name is shown instead' : 'shows it'}`,
        ),
      );
      if (duplicate) out.add(doc.docIndex);
      else undecidedIds.add(id);
    } else if (!d.deployed) {
      out.add(doc.docIndex);
    }
  }
  return out;
}

/** Documents of a file that repeat an object accepted before (earlier files via `seenApi`, or earlier
 *  documents of this file) with the very same apiVersion: KOTS merges them onto it. */
function mergedDuplicates(docs: DocumentInfo[], seenApi: ReadonlyMap<string, string>): DocumentInfo[] {
  // This file's own objects on top of the release's, without copying the release's (many files).
  const own = new Map<string, string>();
  const out: DocumentInfo[] = [];
  for (const doc of docs) {
    if (doc.problem || !doc.apiVersion || !doc.kind || !doc.name || /List$/.test(doc.kind)) continue;
    const id = objectId(doc);
    const first = own.get(id) ?? seenApi.get(id);
    if (first === doc.apiVersion) out.push(doc);
    else if (first === undefined) own.set(id, doc.apiVersion);
  }
  return out;
}

/** The documents a `$patch: delete` can remove: kustomize must be able to load each of them. */
function deletable(docs: DocumentInfo[], seen: ReadonlySet<string>, fileIds: ReadonlySet<string>): boolean {
  const own = new Set<string>();
  const ids = { has: (id: string) => seen.has(id) || fileIds.has(id) || own.has(id) };
  for (const doc of docs) {
    if (refusal(doc, ids) !== undefined || (doc.kind && /List$/.test(doc.kind))) return false;
    own.add(objectId(doc));
  }
  return true;
}

/** The first document of a file that kustomize would refuse, checked against the objects of files
 *  already accepted. */
function firstRefusal(
  docs: DocumentInfo[],
  accepted: ReadonlySet<string>,
): { doc: DocumentInfo; why: string } | undefined {
  // This file's own objects are kept apart from `accepted` (never copied): a copy per file made
  // planning quadratic in the number of files.
  const own = new Set<string>();
  const ids = { has: (id: string) => own.has(id) || accepted.has(id) };
  for (const doc of docs) {
    const why = refusal(doc, ids);
    if (why !== undefined) return { doc, why };
    if (doc.kind && !/List$/.test(doc.kind)) own.add(objectId(doc));
  }
  return undefined;
}

export function planOverlay(
  scan: ScanResult,
  proxiedWorkloads: ReadonlySet<number>,
  appSlug: string,
  outDir: string,
  render: Render = literalOnly,
): OverlayPlan {
  const secretName = pullSecretName(appSlug);
  const findings: Finding[] = [];
  const resources: string[] = [];
  const deletes: ObjectId[] = [];
  const copies: FilteredCopy[] = [];
  const included = new Set<string>();
  const seen = new Set<string>();

  const imagesByFile = new Map<string, number>();
  for (const u of scan.uses) imagesByFile.set(u.pos.file, (imagesByFile.get(u.pos.file) ?? 0) + 1);

  const droppedByFile = new Map<string, Set<number>>();
  const seenApi = new Map<string, string>();
  const mergePatches: string[] = [];
  for (const file of scan.files) {
    const out = leftOut(file, render, seen, findings);
    droppedByFile.set(file.file, out);
    const all = file.documents.filter((d) => !out.has(d.docIndex));
    if (all.length === 0) continue;
    // pkg/base/write.go deduplicateOnContent: a later document with the same apiVersion, kind, name
    // and namespace is not a second resource but a strategic-merge patch onto the first.
    const merged = mergedDuplicates(all, seenApi);
    const kept = all.filter((d) => !merged.includes(d));
    const refused = firstRefusal(kept, seen);
    // A parse error already has its yaml-parse-error finding: one error, one finding.
    if (refused && file.documents.some((d) => d.problem?.split('; ').includes('parse error'))) continue;
    if (refused) {
      const count = imagesByFile.get(file.file) ?? 0;
      findings.push(
        finding(
          'overlay-excluded-document',
          refused.doc.pos,
          `${file.file} is left out of the generated overlay: document ${refused.doc.docIndex + 1} has ${refused.why}${count ? `; its ${count} image reference(s) are not rewritten by the overlay` : ''}`,
        ),
      );
      continue;
    }
    const ids = new Set<string>();
    for (const doc of kept) if (doc.kind && !/List$/.test(doc.kind)) ids.add(objectId(doc));
    const dropped = file.documents.filter((d) => out.has(d.docIndex));
    const copyDir = posix.join(outDir, 'release');
    const base = file.file.replace(/^(\.\.\/)+/, '');
    // A file with KOTS templates is deployed as KOTS renders it, a v1 chart as Helm renders it: the
    // copy holds that text.
    const rendered = file.rendered ? { rendered: file.rendered } : {};
    for (const doc of merged) {
      const path = posix.join(copyDir, `${base}.merge-${doc.docIndex + 1}.yaml`);
      copies.push({ source: file.file, path, keep: [doc.span ?? [0, 0]], ...rendered });
      mergePatches.push(path);
      droppedByFile.get(file.file)?.add(doc.docIndex);
    }
    if (file.rendered || merged.length > 0 || (dropped.length > 0 && !deletable(dropped, seen, ids))) {
      // kustomize cannot load the file as it is (templates KOTS renders, a nameless Embedded Cluster
      // Config, a same-named alternative behind `kots.io/when`): reference a copy of what KOTS deploys.
      // A chart's rendered objects exist only in memory: their copy is written where they are named.
      const path = file.rendered?.chart ? file.file : posix.join(copyDir, base);
      copies.push({ source: file.file, path, keep: kept.map((d) => d.span ?? [0, 0]), ...rendered });
      resources.push(path);
    } else {
      resources.push(file.file);
      for (const doc of dropped) {
        if (doc.apiVersion && doc.kind && doc.name) {
          deletes.push({
            apiVersion: doc.apiVersion,
            kind: doc.kind,
            name: doc.name,
            ...(doc.namespace ? { namespace: doc.namespace } : {}),
          });
        }
      }
    }
    included.add(file.file);
    for (const id of ids) seen.add(id);
    for (const doc of kept) if (doc.apiVersion && doc.name) seenApi.set(objectId(doc), doc.apiVersion);
  }

  // pkg/base/base.go FindImages + pkg/midstream/write.go writeObjectsWithPullSecret: every deployed
  // object whose pod spec lists a container gets the pull secret, whatever its images are.
  const patches: PullSecretPatch[] = [];
  const listed = new Set(scan.application?.additionalNamespaces ?? []);
  // pkg/operator/client/namespaces.go ApplyNamespacesInformer: KOTS copies the pull secrets into every
  // namespace the Application lists, whether or not a workload runs there ("*" means every namespace;
  // the preview shows those its workloads use). A templated entry is KOTS's to resolve.
  const namespaces = new Set([...listed].filter((ns) => ns !== '*' && !hasTemplate(ns)));
  for (const w of scan.workloads) {
    if (!included.has(w.file) || droppedByFile.get(w.file)?.has(w.docIndex)) continue;
    if (!getsPullSecret(w.containerCount ?? 1)) continue;
    // A v1 `useHelmInstall` chart's objects get that chart's own secret, made in its namespace.
    const chart = w.helmChart === undefined ? undefined : scan.helmCharts[w.helmChart];
    if (chart?.useHelmInstall) {
      const patch = pullSecretPatch(w, pullSecretName(appSlug, chart, w.helmBase));
      if (patch) patches.push(patch);
      continue;
    }
    if (w.namespace && !hasTemplate(w.namespace) && (listed.has(w.namespace) || listed.has('*'))) {
      namespaces.add(w.namespace);
    }
    const patch = pullSecretPatch(w, secretName);
    if (patch) patches.push(patch);
  }

  const rewritesEphemeral = scan.uses.some(
    (u) => u.context === 'ephemeralContainer' && u.workload !== undefined && proxiedWorkloads.has(u.workload),
  );
  return {
    resources,
    deletes,
    patches,
    copies,
    mergePatches,
    chartSecrets: useHelmInstallSecrets(scan.helmCharts, appSlug),
    secretNamespaces: [...namespaces].sort(compareText),
    rewritesEphemeral,
    findings,
  };
}

/** `{{repl ImagePullSecretName }}` renders to `<slug>-registry`. */
const PULL_SECRET_TEMPLATE = /^\s*(repl\{\{|\{\{repl)\s*ImagePullSecretName\s*\}\}\s*$/;

function pullSecretPatch(w: Workload, secretName: string): PullSecretPatch | undefined {
  if (w.imagePullSecrets?.some((n) => n === secretName || PULL_SECRET_TEMPLATE.test(n))) return undefined;
  // Items of a `kind: List` become objects of their own in kustomize; the path is relative to the item.
  const podSpec = w.podSpecPath[0] === 'items' ? w.podSpecPath.slice(2) : w.podSpecPath;
  return {
    apiVersion: w.apiVersion,
    kind: w.kind,
    name: w.name,
    ...(w.namespace ? { namespace: w.namespace } : {}),
    path: `/${[...podSpec, 'imagePullSecrets'].map(escapePointer).join('/')}`,
    // `add` on an existing member replaces it, so an empty list is replaced rather than appended to.
    append: (w.imagePullSecrets?.length ?? 0) > 0,
    secretName,
    ...(w.collapsesNameless ? { collapseNameless: true as const } : {}),
  };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

// Which release files the kustomize overlay can take, which documents it must drop, and which
// workloads need an imagePullSecrets patch. Pure.

import { finding } from '../finding.js';
import type {
  DocumentInfo,
  Finding,
  ObjectId,
  OverlayPlan,
  PullSecretPatch,
  ScanResult,
  Workload,
} from '../model.js';
import { hasTemplate } from '../templates.js';
import { compareText } from '../util.js';

/** API groups of resources KOTS reads itself and never deploys. */
const KOTS_GROUPS = /^(kots\.io|troubleshoot\.sh|troubleshoot\.replicated\.com)\//;

function isKotsResource(doc: { apiVersion?: string }): boolean {
  return doc.apiVersion !== undefined && KOTS_GROUPS.test(doc.apiVersion);
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

/** The first document of a file that kustomize would refuse (KOTS resources included: kustomize reads
 *  them before the overlay deletes them), checked against the objects of files already accepted. */
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
): OverlayPlan {
  const secretName = `${appSlug}-registry`;
  const findings: Finding[] = [];
  const resources: string[] = [];
  const deletes: ObjectId[] = [];
  const included = new Set<string>();
  const seen = new Set<string>();

  const imagesByFile = new Map<string, number>();
  for (const u of scan.uses) imagesByFile.set(u.pos.file, (imagesByFile.get(u.pos.file) ?? 0) + 1);

  for (const file of scan.files) {
    const deployable = file.documents.filter((d) => !isKotsResource(d));
    if (deployable.length === 0) continue;
    const refused = firstRefusal(file.documents, seen);
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
    resources.push(file.file);
    included.add(file.file);
    for (const doc of file.documents) if (doc.kind && !/List$/.test(doc.kind)) seen.add(objectId(doc));
    for (const doc of file.documents) {
      if (isKotsResource(doc) && doc.apiVersion && doc.kind && doc.name) {
        deletes.push({
          apiVersion: doc.apiVersion,
          kind: doc.kind,
          name: doc.name,
          ...(doc.namespace ? { namespace: doc.namespace } : {}),
        });
      }
    }
  }

  const patches: PullSecretPatch[] = [];
  const namespaces = new Set<string>();
  const listed = new Set(scan.application?.additionalNamespaces ?? []);
  for (const i of [...proxiedWorkloads].sort((a, b) => a - b)) {
    const w = scan.workloads[i];
    if (!w) continue;
    if (w.namespace && !hasTemplate(w.namespace) && (listed.has(w.namespace) || listed.has('*'))) {
      namespaces.add(w.namespace);
    }
    if (!included.has(w.file)) continue;
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
  };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

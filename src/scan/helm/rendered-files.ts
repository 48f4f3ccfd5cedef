// The objects Helm rendered for a v1 chart, as files of the preview: KOTS writes them into the base
// (pkg/base/helm_v4.go renderHelmV4, split per `# Source:` template) and its midstream rewrites their
// images and patches their pull secrets like any other manifest. The chart's documents become
// together one file, OUT/chart-<release>.rendered.yaml (each document keeps Helm's `# Source:`
// line), scanned like a release file so the overlay plans it the same way. Pure.

import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import type { RenderedManifest } from '../../helm/manifests.js';
import { helmSubBase } from '../../kots/pull-secrets.js';
import type { HelmChartInfo, ScannedFile, Workload } from '../../model-scan.js';
import { hasTemplate } from '../../templates.js';
import { isClusterScoped } from './cluster-scoped.js';

/** pkg/base/helm_helpers.go: the namespace KOTS renders a chart with when the CR names none. */
const NAMESPACE_PLACEHOLDER = 'repl{{ Namespace}}';

export interface RenderedFilesInput {
  chart: HelmChartInfo;
  index: number;
  releaseName: string;
  outDir: string;
  manifests: readonly RenderedManifest[];
  scan: (file: string, text: string) => { files: ScannedFile[]; workloads: Workload[] };
}

export function renderedChartFiles(input: RenderedFilesInput): {
  files: ScannedFile[];
  workloads: Workload[];
  /** A useHelmInstall chart's sub-bases with rendered objects, in render order. */
  subBases: string[];
} {
  // One flat file per chart: every generated file lies directly in the output directory.
  const file = posix.join(input.outDir, `chart-${safeName(input.releaseName)}.rendered.yaml`);
  const text = input.manifests
    .map((m) => withNamespace(m.text, input.chart.namespace))
    .map((d) => `---\n${d.endsWith('\n') ? d : `${d}\n`}`)
    .join('');
  const r = input.scan(file, text);
  const subBase = (docIndex: number): string | undefined => {
    const source = input.manifests[docIndex]?.source;
    return input.chart.useHelmInstall && source !== undefined ? helmSubBase(source) : undefined;
  };
  return {
    files: r.files.map((f) => ({ ...f, rendered: { text, chart: input.chart.name } })),
    workloads: r.workloads.map((w) => {
      const base = subBase(w.docIndex);
      return { ...w, helmChart: input.index, ...(base !== undefined ? { helmBase: base } : {}) };
    }),
    subBases: [
      ...new Set(input.manifests.map((_m, i) => subBase(i)).filter((b): b is string => b !== undefined)),
    ],
  };
}

/** The namespace KOTS gives a rendered object: the placeholder renders to the app namespace (the
 *  preview leaves the object without one, as a plain manifest); with the CR's `namespace`, objects
 *  that name none get it, except CRDs and Namespaces (pkg/base/helm.go kustomizeHelmNamespace) and
 *  the other cluster-scoped kinds, which kustomize's namespace transformer that KOTS runs there skips. */
function withNamespace(text: string, crNamespace: string | undefined): string {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return text;
  const ns = doc.getIn(['metadata', 'namespace']);
  if (ns === NAMESPACE_PLACEHOLDER) {
    doc.deleteIn(['metadata', 'namespace']);
    return doc.toString();
  }
  const kind = doc.get('kind');
  const literal = crNamespace !== undefined && crNamespace !== '' && !hasTemplate(crNamespace);
  const scoped =
    kind !== 'CustomResourceDefinition' &&
    kind !== 'Namespace' &&
    !isClusterScoped(doc.get('apiVersion'), kind);
  if (ns === undefined && literal && scoped) {
    if (doc.getIn(['metadata']) === undefined) return text;
    doc.setIn(['metadata', 'namespace'], crNamespace);
    return doc.toString();
  }
  return text;
}

function safeName(s: string): string {
  return s.replace(/[^\w.-]/g, '_').replace(/^\.+/, '_') || '_';
}

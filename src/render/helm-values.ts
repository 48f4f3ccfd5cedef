// Plan → `helmchart-<name>.values.yaml`: the values plan/helm-values.ts decided, written as YAML to
// merge into the HelmChart CR's `spec.values`. Strings are YAML single-quoted: KOTS renders templates
// over the file's text before parsing it, and a `\"` inside `{{ }}` would break the template. Pure and
// deterministic.
import { posix } from 'node:path';
import { GENERATED_HEADER } from '../generated.js';
import type { GeneratedFile } from '../model.js';
import type { HelmValue, HelmValuesPlan, Plan } from '../model-plan.js';
import { singleQuoted } from './yaml-scalar.js';

type Tree = Map<string, Tree | HelmValue>;

export function renderHelmValues(plan: Plan, outDir: string): GeneratedFile[] {
  return plan.helmValues.map((v) => ({
    path: posix.join(outDir, v.fileName),
    content: valuesFile(v, plan.effective.proxyDomain),
  }));
}

function valuesFile({ chart, sets, notes }: HelmValuesPlan, proxyDomain: string): string {
  const values: Tree = new Map();
  for (const s of sets) setPath(values, s.path, s.value);
  const lines = [
    GENERATED_HEADER,
    `# HelmChart v2 "${chart.name}" (${chart.file}:${chart.pos.line}): merge \`values\` below into its spec.values.`,
    '# KOTS does not rewrite images or inject pull secrets for v2 charts; these values route the images',
    `# through ${proxyDomain} (or the customer's local registry) and pass the license pull secret.`,
    ...notes.map((n) => `# NOTE ${n}`),
    'values:',
    ...renderTree(values, 1),
  ];
  return `${lines.join('\n')}\n`;
}

function setPath(tree: Tree, path: string[], value: HelmValue): void {
  let node = tree;
  path.slice(0, -1).forEach((k) => {
    const next = node.get(k);
    if (next instanceof Map) {
      node = next;
    } else {
      const m: Tree = new Map();
      node.set(k, m);
      node = m;
    }
  });
  const last = path[path.length - 1];
  if (last !== undefined) node.set(last, value);
}

/** YAML single-quoted scalar: no escapes, so `{{ … "x" }}` reaches KOTS's template engine intact. */
const sq = singleQuoted;

function yamlKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k) ? k : sq(k);
}

function renderTree(tree: Tree, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  for (const [k, v] of tree) {
    if (v instanceof Map) {
      out.push(`${pad}${yamlKey(k)}:`, ...renderTree(v, depth + 1));
    } else if (Array.isArray(v)) {
      out.push(`${pad}${yamlKey(k)}:`);
      for (const item of v)
        out.push(`${pad}  - ${typeof item === 'string' ? sq(item) : `name: ${sq(item.name)}`}`);
    } else {
      out.push(`${pad}${yamlKey(k)}: ${sq(v)}`);
    }
  }
  return out;
}

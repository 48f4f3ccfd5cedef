// Chart.yaml and requirements.yaml (Helm v1 charts) metadata: text in, data out.

import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { firstLine } from '../../util.js';

/** A dependency declared in Chart.yaml (apiVersion v2) or requirements.yaml (v1). */
export interface ChartDependency {
  name: string;
  /** The key the parent's values use for this subchart, when it differs from `name`. */
  alias?: string;
  /** Helm `condition`: comma-separated values paths; the first that is a boolean decides. */
  condition?: string;
}

export interface ChartMeta {
  name: string;
  version: string;
  appVersion?: string;
  dependencies: ChartDependency[];
}

/** Chart.yaml: `name` and `version` are required (Helm refuses a chart without them). */
export function parseChartYaml(text: string): ChartMeta | { error: string } {
  const doc = parseDocument(text);
  const [firstError] = doc.errors;
  if (firstError) return { error: `invalid YAML (${firstLine(firstError.message)})` };
  // Versions as written: `version: 1.10` must still match a CR's chartVersion "1.10".
  const written = (key: string): string | undefined => {
    const v = doc.get(key, true);
    return isScalar(v) && typeof v.value === 'number' && v.range
      ? text.slice(v.range[0], v.range[1])
      : scalarString(v);
  };
  const name = scalarString(doc.get('name'));
  const version = written('version');
  if (!name) return { error: 'Chart.yaml has no name' };
  if (!version) return { error: 'Chart.yaml has no version' };
  const meta: ChartMeta = { name, version, dependencies: depsFrom(doc.get('dependencies')) };
  const appVersion = written('appVersion');
  if (appVersion) meta.appVersion = appVersion;
  return meta;
}

export function parseDeps(text: string): ChartDependency[] {
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? [] : depsFrom(doc.get('dependencies'));
}

function depsFrom(node: unknown): ChartDependency[] {
  if (!isSeq(node)) return [];
  const out: ChartDependency[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const name = scalarString(item.get('name'));
    if (!name) continue;
    const dep: ChartDependency = { name };
    const alias = scalarString(item.get('alias'));
    if (alias) dep.alias = alias;
    const condition = scalarString(item.get('condition'));
    if (condition) dep.condition = condition;
    out.push(dep);
  }
  return out;
}

/** A scalar's value as Helm would print it (`version: 1.10` is the number 1.1, as in Helm). */
function scalarString(v: unknown): string | undefined {
  const value = isScalar(v) ? v.value : v;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

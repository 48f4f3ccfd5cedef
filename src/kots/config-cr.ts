// The release's Config CR (`kots.io/v1beta1 Config`) as KOTS's template context reads it: groups of
// items with their type, `value`, `default`, `readonly` and `filename`. Pure.
// kotskinds decodes `value`/`default` as multitype.BoolOrString through YAML 1.1 (sigs.k8s.io/yaml):
// an unquoted bool (`true`, `yes`, `on`…) is a Bool whose String() is "1"/"0", a string stays as is,
// and a number does not decode, which makes KOTS refuse the Config (the install fails).
import { isMap, isScalar, isSeq, type Node, parseAllDocuments, type Scalar } from 'yaml';
import type { ConfigGroup, ConfigItem } from '../template/kots.js';

interface ConfigProblem {
  /** Offset in the text of the value KOTS cannot decode. */
  offset: number;
  message: string;
}

export interface ConfigCr {
  groups: ConfigGroup[];
  problems: ConfigProblem[];
}

const CONFIG_HINT = /^kind:\s*["']?Config["']?\s*$/m;

/** Whether `text` may hold a Config CR (a cheap test before parsing). */
export function mayHoldConfig(text: string): boolean {
  return CONFIG_HINT.test(text) && text.includes('kots.io/');
}

/** The Config CRs of one file, merged in order (KOTS takes one Config per release). */
export function readConfigCr(text: string): ConfigCr | undefined {
  let found: ConfigCr | undefined;
  for (const doc of parseAllDocuments(text, { version: '1.1', uniqueKeys: false })) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    if (scalarText(root.get('kind', true)) !== 'Config') continue;
    if (scalarText(root.get('apiVersion', true)) !== 'kots.io/v1beta1') continue;
    found ??= { groups: [], problems: [] };
    const spec = root.get('spec', true);
    const groups = isMap(spec) ? spec.get('groups', true) : undefined;
    if (!isSeq(groups)) continue;
    for (const g of groups.items) {
      if (!isMap(g)) continue;
      const group: ConfigGroup = { items: [] };
      const name = scalarText(g.get('name', true));
      if (name !== undefined) group.name = name;
      const items = g.get('items', true);
      if (isSeq(items)) for (const it of items.items) readItem(it as Node, group, found.problems);
      found.groups.push(group);
    }
  }
  return found;
}

function readItem(node: Node, group: ConfigGroup, problems: ConfigProblem[]): void {
  if (!isMap(node)) return;
  const name = scalarText(node.get('name', true));
  if (name === undefined) return;
  const item: ConfigItem = { name };
  const type = scalarText(node.get('type', true));
  if (type !== undefined) item.type = type;
  for (const key of ['value', 'default'] as const) {
    const v = boolOrString(node.get(key, true), `${name}.${key}`, problems);
    if (v !== undefined) item[key] = v;
  }
  const filename = scalarText(node.get('filename', true));
  if (filename !== undefined) item.filename = filename;
  const ro = node.get('readonly', true);
  if (isScalar(ro) && ro.value === true) item.readonly = true;
  group.items?.push(item);
}

/** multitype.BoolOrString: bool → "1"/"0", string → itself; null or absent → unset. */
function boolOrString(node: unknown, what: string, problems: ConfigProblem[]): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'boolean') return node.value ? '1' : '0';
  if (typeof node.value === 'string') return node.value;
  problems.push({
    offset: node.range?.[0] ?? 0,
    message: `Config item ${what} is ${String(node.source ?? node.value)}, neither a string nor a bool: KOTS cannot decode the Config and the install fails (quote it)`,
  });
  return String(node.value);
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  return typeof v === 'string' ? v : v === null || v === undefined ? undefined : String(v);
}

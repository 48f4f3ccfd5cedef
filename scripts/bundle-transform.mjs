// Post-bundle rewrites, applied to each bundle's text by scripts/bundle.mjs (tests import it too).
// Both make the yaml package, the bulk of a large scan's time, cheaper without changing what it does.
//
// The yaml package checks `process.env.LOG_TOKENS` for every lexer token and `process.env.LOG_STREAM`
// for every composed document: developer switches that print parser internals. Reading
// `process.env` is a getter call into the environment each time, and on a large release it is a
// measurable share of the scan. The bundle never wants those logs, so the checks become `false`.

/** Matches the yaml package's debug switches however the bundler names the `process` binding. */
const YAML_DEBUG_ENV = /\b[A-Za-z_$][\w$]*\.env\.(LOG_TOKENS|LOG_STREAM)\b/g;

/** `code` with the yaml debug-env reads replaced by `false`, and how many were replaced. */
export function stripYamlDebugEnv(code) {
  let replaced = 0;
  const out = code.replace(YAML_DEBUG_ENV, () => {
    replaced++;
    return 'false';
  });
  return { code: out, replaced };
}

/** Throws when a yaml debug-env read is left in `code` (so a changed bundler output fails loudly). */
export function assertNoYamlDebugEnv(code, name) {
  const left = code.match(/\.env\.LOG_(TOKENS|STREAM)\b/g);
  if (left) throw new Error(`${name}: ${left.length} yaml debug env read(s) left after the rewrite`);
}

// Every yaml node and pair tags itself with `Object.defineProperty(this, NODE_TYPE, { value })` in its
// constructor, and in a profile of a 20 MB scan that call is the largest single cost of composing
// documents (about 0.3 s of 4.9 s). A plain assignment stores the same value under the same symbol
// key, which is all yaml's `isMap`/`isScalar`/… read. What differs is that the property becomes
// writable and enumerable; symbol keys are skipped by Object.keys, for…in and JSON anyway, and only
// code that spreads or Object.assign-s a node would see it, which neither yaml nor this project does.
// Document keeps its defineProperty: one per document is no cost.
const YAML_NODE_TYPE =
  /Object\.defineProperty\(this, ([A-Za-z_$][\w$]*)\.NODE_TYPE, \{ value: (type|\1\.PAIR) \}\);/g;

/** `code` with yaml's per-node NODE_TYPE defineProperty turned into an assignment, and how many. */
export function assignYamlNodeType(code) {
  let replaced = 0;
  const out = code.replace(YAML_NODE_TYPE, (_all, identity, value) => {
    replaced++;
    return `this[${identity}.NODE_TYPE] = ${value};`;
  });
  return { code: out, replaced };
}

/** Throws when `code` bundles yaml (its NodeBase) but a node constructor still uses defineProperty. */
export function assertYamlNodeTypeAssigned(code, name) {
  if (!code.includes('class NodeBase')) return;
  const left = code.match(YAML_NODE_TYPE);
  if (left) throw new Error(`${name}: ${left.length} yaml NODE_TYPE defineProperty call(s) left`);
  if (!/this\[[A-Za-z_$][\w$]*\.NODE_TYPE\] = type;/.test(code))
    throw new Error(`${name}: bundles yaml's NodeBase but its NODE_TYPE assignment was not found`);
}

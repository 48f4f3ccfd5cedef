// Post-bundle rewrites, applied to each bundle's text by scripts/bundle.mjs (tests import it too).
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

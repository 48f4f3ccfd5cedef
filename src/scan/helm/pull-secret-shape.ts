// The item shape a chart reads from a pull-secret list whose default is empty (`imagePullSecrets: []`
// tells nothing). Istio 1.5, for one, ranges over the list and writes `- name: {{ . }}`, so it takes
// plain strings; a `{name: …}` item there would render as `name: map[name:…]`. Read from the chart's
// template text. Pure.

/** True when some template ranges over `.Values.<path>` (or a shorter tail of it, as a subchart sees
 *  it) and writes each item as the value of a `name:` key, i.e. reads plain strings. */
export function readsPlainStrings(
  templates: ReadonlyArray<{ text: string }>,
  path: readonly string[],
): boolean {
  const tails = path[0] === 'global' ? [path] : path.map((_, i) => path.slice(i));
  for (const tail of tails) {
    const ref = tail.map(escapeRegExp).join('\\.');
    const range = new RegExp(
      `range\\s+(?:\\$\\w+\\s*,\\s*)?(?:\\$(\\w+)\\s*:=\\s*)?\\$?\\.Values\\.${ref}\\s*-?}}([\\s\\S]*?){{-?\\s*end\\b`,
      'g',
    );
    for (const t of templates) {
      for (const m of t.text.matchAll(range)) {
        const item = m[1] ? `\\$${m[1]}` : '\\.';
        const body = m[2] ?? '';
        if (new RegExp(`name:\\s*["']?{{-?\\s*${item}\\s*(?:\\|\\s*quote\\s*)?-?}}`).test(body)) return true;
      }
    }
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

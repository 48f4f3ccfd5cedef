// Every string a file's scan result keeps becomes a copy that owns its characters, so the file's text
// can be freed once the file is scanned. The yaml parser's token sources are substrings of the text,
// and V8 represents a substring of 13 or more characters as a view into its parent: one image
// reference kept from a 100 KB file kept all 100 KB alive, and with them every file of the release.
// Equal strings of one file share one copy, so a reference repeated in a file is stored once.

/** A copy of `s` with no link to the string it was cut from. A JSON round trip always builds a new
 *  flat string and keeps every UTF-16 code unit (lone surrogates too, which a UTF-8 round trip would
 *  replace); `(' ' + s).slice(1)` and the like may hand back another view. */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Replaces, in place, every string inside `value` (plain objects, arrays and Maps, keys included)
 *  with its own copy. Values are unchanged as seen from JavaScript; frozen objects are left alone. */
export function ownStrings(value: unknown): void {
  const copies = new Map<string, string>();
  const own = (s: string): string => {
    let c = copies.get(s);
    if (c === undefined) {
      c = ownCopy(s);
      copies.set(s, c);
    }
    return c;
  };
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      const entries = [...v];
      const frozen = Object.isFrozen(v);
      // Clearing and re-adding keeps the insertion order.
      if (!frozen) v.clear();
      for (const [k, item] of entries) {
        if (typeof item !== 'string') stack.push(item);
        if (!frozen) v.set(typeof k === 'string' ? own(k) : k, typeof item === 'string' ? own(item) : item);
      }
      continue;
    }
    const record = v as Record<string, unknown>;
    const frozen = Object.isFrozen(v);
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (!frozen) record[key] = own(item);
      } else {
        stack.push(item);
      }
    }
  }
}

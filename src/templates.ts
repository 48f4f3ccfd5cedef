// KOTS template syntax (domain.md §1): `repl{{ … }}` and `{{repl … }}`. KOTS renders these before it
// scans images, so a static scanner must treat such values as unknown rather than guess.

const TEMPLATE = /repl\{\{|\{\{\s*repl/;

/** True when the text contains a KOTS template action. */
export function isTemplated(text: string): boolean {
  return TEMPLATE.test(text);
}

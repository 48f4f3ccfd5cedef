// Text from the pull request (file names, image strings, messages) inside the job summary. GitHub
// renders the summary as Markdown with inline HTML, so a value must be inert in both: HTML's special
// characters, the characters Markdown gives meaning to (emphasis, links, tables, code, headings), and
// line breaks (a blank line ends an HTML block and turns what follows into Markdown) all become
// numeric character references, which both readers show as the character itself.
const SPECIAL = /[&<>"'`*_[\]()|~#!\\\r\n\u2028\u2029]/g;

export function escapeMarkup(s: string): string {
  return s.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`);
}

/** A Markdown code fence longer than any backtick run in `content`, so the content cannot close it. */
export function fenceFor(content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** A quoted HTML attribute value (URLs we built): HTML's special characters and line breaks only. */
export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"'\r\n]/g, (c) => `&#${c.charCodeAt(0)};`);
}

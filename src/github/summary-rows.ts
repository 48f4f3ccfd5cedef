// The job summary's table rows, kept narrow so a table fits GitHub's page without a sideways scroll:
// three columns each, the rest of a row folded into `<details>`. GitHub's sanitizer drops `style`, so
// wrapping cannot be asked for with CSS: long values get `<wbr>` break points after `/`, `:`, `@` and `_`,
// and an image reference too long for its column is shortened in the middle, in full when unfolded.
// The rule cell is `nowrap` (an attribute GitHub keeps) with the rule as text, so it never breaks at
// its hyphens (a `<code>` inside would: GitHub's code style allows breaks).
import type { Finding, Level, ReportImage } from '../model.js';
import { middleEllipsis } from '../render/fit.js';
import { escapeAttribute, escapeMarkup } from './escape.js';

/** `(file, line)` → URL on the pull request head, or undefined for no link. */
export type Linker = (file: string, line?: number) => string | undefined;

/** Characters in an image cell before it is shortened in the middle (three or four wrapped lines). */
const MAX_IMAGE_SHOWN = 80;
/** Longer messages (a few in a hundred) show their start and unfold to the whole text. */
const MAX_MESSAGE_SHOWN = 240;
const MESSAGE_START = 160;
/** Locations listed per image; the rest are counted. */
const MAX_LOCATIONS = 5;

const ICON: Record<Level, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/** Runs without a break longer than this (a digest's 64 hex digits) get break points every CHUNK. */
const LONG_RUN = 24;
const CHUNK = 16;

/** `value` escaped for Markdown and HTML, with a line-break opportunity (`<wbr>`) after each `/`, `:`
 *  (but the one before a tag), `@` and `_`, and inside runs too long for a narrow column; words of prose are left whole. */
export function breakable(value: string): string {
  return value
    .split(/(\s+)/)
    .map((token) =>
      token
        // Not before a short last part after a colon: an image's tag stays with its name.
        .split(/(?<=[/@_]|:(?![^/:@]{1,20}$))/)
        // A long run breaks after its dots first (host names), then every CHUNK (digests).
        .flatMap((part) => ([...part].length <= LONG_RUN ? [part] : part.split(/(?<=\.)/)))
        .flatMap((part) => {
          const chars = [...part];
          if (chars.length <= LONG_RUN) return [part];
          const chunks: string[] = [];
          for (let i = 0; i < chars.length; i += CHUNK) chunks.push(chars.slice(i, i + CHUNK).join(''));
          return chunks;
        })
        .map(escapeMarkup)
        .join('<wbr>'),
    )
    .join('');
}

/** A link to `file:line`; `short` shows only the line, for a file the cell has just named. */
function where(link: Linker, file: string, line: number, short = false): string {
  // No break between a file and its line number.
  const text = short ? `line ${line}` : `${breakable(file)}:${line}`;
  const url = link(file, line);
  return url ? `<a href="${escapeAttribute(url)}">${text}</a>` : `<code>${text}</code>`;
}

function fold(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>${body}</details>`;
}

/** Shown in the image column: a digest cut to its first 12 hex digits (enough to tell images apart, as
 *  `docker images` shows them), then the middle of what is still too long. */
export function shortImage(image: string): string {
  const digest = /@sha256:([0-9a-f]{12})[0-9a-f]{52}$/i.exec(image);
  const cut = digest ? `${image.slice(0, digest.index)}@sha256:${digest[1]}…` : image;
  return middleEllipsis(cut, MAX_IMAGE_SHOWN);
}

export function imageRow(link: Linker, i: ReportImage): string {
  const shortened = shortImage(i.image);
  const facts = [
    ...(shortened !== i.image ? [`Image: <code>${breakable(i.image)}</code>`] : []),
    `Proxy name: ${i.proxy === null ? '— (not rewritten)' : `<code>${breakable(i.proxy)}</code>`}`,
    `Credentials: ${i.credentials}`,
    ...(i.reason ? [`Reason: ${breakable(i.reason)}`] : []),
  ];
  const image = fold(`<code>${breakable(shortened)}</code>`, facts.join('<br>'));
  const [first, ...rest] = i.locations;
  let locations = first ? where(link, first.file, first.line) : '—';
  if (rest.length) {
    const listed = rest
      .slice(0, MAX_LOCATIONS - 1)
      .map((l, n) => where(link, l.file, l.line, l.file === (n === 0 ? first : rest[n - 1])?.file));
    if (rest.length > listed.length) listed.push(`+${rest.length - listed.length} more in the report`);
    locations += fold(`+${rest.length} more`, listed.join('<br>'));
  }
  return `<tr><td>${image}</td><td>${i.status}</td><td>${locations}</td></tr>`;
}

export function findingRow(link: Linker, f: Finding): string {
  const message =
    [...f.message].length <= MAX_MESSAGE_SHOWN
      ? breakable(f.message)
      : fold(breakable(`${[...f.message].slice(0, MESSAGE_START).join('')}…`), breakable(f.message));
  return `<tr><td nowrap>${ICON[f.level]} ${f.rule}</td><td>${where(link, f.file, f.line)}</td><td>${message}</td></tr>`;
}

export const IMAGE_HEAD = '<table><tr><th>Image</th><th>Status</th><th>Where</th></tr>';
export const FINDING_HEAD = '<table><tr><th>Finding</th><th>Where</th><th>Message</th></tr>';

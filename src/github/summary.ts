// The job summary: images, findings, generated files and what happened to the commit, as HTML
// (safe to escape, unlike Markdown table cells). GitHub rejects a step summary over 1 MiB, so rows are
// added in priority order while they fit, and a closing note says what was cut.
import type { GeneratedFile, Report } from '../model.js';
import { rankFindings } from './annotate.js';
import { escapeAttribute, escapeMarkup, fenceFor } from './escape.js';
import { FINDING_HEAD, findingRow, IMAGE_HEAD, imageRow, type Linker } from './summary-rows.js';

const SUMMARY_LIMIT = 1024 * 1024;
/** Room kept for the closing note and whatever core.summary adds. */
const MARGIN = 8 * 1024;

export type CommitState =
  | { kind: 'committed'; sha: string; url?: string }
  | { kind: 'skipped'; reason: string; detail: string }
  | { kind: 'failed'; message: string };

export interface SummaryInput {
  report: Report;
  files: GeneratedFile[];
  commit: CommitState;
  /** URL of a workspace-relative `file` (and line) on the PR head, or undefined for no link. */
  link: Linker;
  fork: boolean;
  /** The CLI command that reproduces this run, for fork authors. */
  command: string;
  annotated: { shown: number; omitted: number; filtered: number };
  limitBytes?: number;
}

interface Section {
  name: string;
  head: string;
  rows: string[];
  tail: string;
}

function commitLine(input: SummaryInput): string {
  const c = input.commit;
  if (c.kind === 'committed') {
    const sha = c.url ? `<a href="${escapeAttribute(c.url)}">${c.sha.slice(0, 7)}</a>` : c.sha.slice(0, 7);
    return `<p>✅ Committed the generated files to the pull request branch as ${sha}.</p>`;
  }
  if (c.kind === 'failed')
    return `<p>❌ The generated files were not committed: ${escapeMarkup(c.message)}</p>`;
  const why: Record<string, string> = {
    unchanged: 'The generated files on the pull request branch are up to date; nothing to commit.',
    fork: 'This pull request comes from a fork: the workflow token cannot push to it, so nothing was committed.',
    'not-a-pull-request': 'This run is not for a pull request, so nothing was committed.',
    disabled: 'Committing is turned off (<code>commit: never</code>).',
    'failing-result':
      'Not committed: findings reach <code>fail-on</code>, and <code>commit: on-success</code> never pushes generated files on top of a failing result.',
    'read-only-token':
      'The token is read-only here (Dependabot, <code>permissions: read-all</code>, or no <code>contents: write</code>), so nothing was committed. This is not a failure.',
    'head-moved':
      'The pull request branch moved while this run was working; nothing was overwritten. The run for the new head will commit.',
  };
  return `<p>${why[c.reason] ?? escapeMarkup(c.reason)} <sub>${escapeMarkup(c.detail)}</sub></p>`;
}

const fence = fenceFor;

export function renderSummary(input: SummaryInput): string {
  const { report } = input;
  const limit = (input.limitBytes ?? SUMMARY_LIMIT) - MARGIN;
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of report.findings) counts[f.level] += 1;
  const proxied = report.images.filter((i) => i.proxy !== null).length;
  const a = input.annotated;
  const header = [
    `<p>kots-proxy for <code>${escapeMarkup(report.appSlug)}</code>: ${report.images.length} image(s), ${proxied} routed through <code>${escapeMarkup(report.proxyDomain)}</code>. ` +
      `Findings: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.notice} notice(s). ` +
      `Annotated: ${a.shown}${a.omitted ? `, ${a.omitted} over GitHub's limit` : ''}${a.filtered ? `, ${a.filtered} in files this pull request does not change` : ''}.</p>`,
    commitLine(input),
  ].join('\n');

  const notCommitted = input.commit.kind !== 'committed' && input.files.length > 0;
  const sections: Section[] = [
    {
      name: 'finding',
      head: `<h3>Findings</h3>\n${FINDING_HEAD}`,
      rows: rankFindings(report.findings).map((f) => findingRow(input.link, f)),
      tail: '</table>',
    },
    {
      name: 'image',
      head: `<h3>Images</h3>\n${IMAGE_HEAD}`,
      rows: report.images.map((i) => imageRow(input.link, i)),
      tail: '</table>',
    },
    {
      name: 'generated file',
      head: '<h3>Generated files</h3>\n<ul>',
      rows: report.generated.map((g) => `<li><code>${escapeMarkup(g)}</code></li>`),
      tail: '</ul>',
    },
  ];
  if (notCommitted) {
    const apply = input.fork
      ? "<p>To apply the overlay to this fork's branch, run the same scan locally and commit its output:</p>"
      : '<p>To apply the overlay, run the same scan locally and commit its output, or copy the files below:</p>';
    sections.push({
      name: 'file content',
      // The command holds paths from the pull request: a fence it cannot close, and no line breaks.
      head: `<h3>How to apply</h3>\n${apply}\n\n${fence(input.command)}sh\n${input.command.replace(/[\r\n\u2028\u2029]/g, ' ')}\n${fence(input.command)}\n`,
      rows: input.files.map((f) => {
        const ticks = fence(f.content);
        return `<details><summary><code>${escapeMarkup(f.path)}</code></summary>\n\n${ticks}yaml\n${f.content}${f.content.endsWith('\n') ? '' : '\n'}${ticks}\n\n</details>`;
      }),
      tail: '',
    });
  }

  // Rows are kept as a prefix of each section. Pass 1 gives each section at most a share of the
  // room, so a flood of findings cannot push the image table out; pass 2 hands out what is left.
  const live = sections.filter((s) => s.rows.length > 0);
  const rowBytes = live.map((s) => s.rows.map((r) => Buffer.byteLength(r) + 1));
  const frames = live.map((s) => Buffer.byteLength(s.head) + Buffer.byteLength(s.tail) + 2);
  const kept = live.map(() => 0);
  let size = Buffer.byteLength(header) + 1;
  const fill = (i: number, cap: number) => {
    let used = kept[i]! > 0 ? 0 : frames[i]!;
    while (kept[i]! < rowBytes[i]!.length) {
      const n = rowBytes[i]![kept[i]!]!;
      if (size + used + n > limit || used + n > cap) break;
      used += n;
      kept[i]! += 1;
    }
    if (kept[i]! > 0) size += used;
  };
  const share = Math.floor((limit - size) / Math.max(1, live.length));
  for (let i = 0; i < live.length; i++) fill(i, share);
  for (let i = 0; i < live.length; i++) fill(i, Number.POSITIVE_INFINITY);

  const out: string[] = [header];
  const cut: string[] = [];
  live.forEach((s, i) => {
    const k = kept[i]!;
    if (k < s.rows.length) cut.push(`${s.rows.length - k} of ${s.rows.length} ${s.name} rows`);
    if (k > 0) out.push(s.head, ...s.rows.slice(0, k), s.tail);
  });
  if (cut.length) {
    out.push(
      `<p>✂️ Cut to stay under GitHub's 1 MiB job summary limit: ${cut.join(', ')}. ` +
        'The JSON report (the <code>report</code> output) has everything.</p>',
    );
  }
  return `${out.join('\n')}\n`;
}

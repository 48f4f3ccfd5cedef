// What goes above the job summary's tables: the verdict first (what a reviewer needs to know), then
// the notes about this run's situation: credentials the run cannot see, a commit held back, stale
// committed files in check mode, where the check run is.
import type { StaleFile } from '../action/stale.js';
import type { Finding } from '../model.js';
import { rankFindings } from './annotate.js';
import { escapeMarkup, fenceFor } from './escape.js';

export interface NotesInput {
  findings: readonly Finding[];
  /** Findings at or above fail-on. */
  failing: number;
  failOn: string;
  /** Why credential findings were capped at notice, if they were. */
  hiddenCredentials?: { reason: string; capped: number };
  /** Check mode only: files that differ from a fresh render. */
  stale?: StaleFile[];
  outputDir: string;
  checkRun?: { url?: string; fallback?: string };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function verdictLine(input: NotesInput): string {
  const errors = input.findings.filter((f) => f.level === 'error').length;
  const stale = input.stale?.length ?? 0;
  if (input.failing > 0) {
    const n = errors > 0 ? errors : input.failing;
    const what = `${plural(n, errors > 0 ? 'error' : 'finding')} block${n === 1 ? 's' : ''}`;
    const tail = stale ? `, and ${plural(stale, 'generated file')} in ${input.outputDir} are stale` : '';
    return `<p><strong>❌ ${what} this release</strong>${escapeMarkup(tail)}</p>`;
  }
  if (stale > 0) {
    return `<p><strong>❌ ${plural(stale, 'generated file')} in ${escapeMarkup(input.outputDir)} are out of date</strong></p>`;
  }
  return '<p><strong>✅ ready</strong></p>';
}

export function renderNotes(input: NotesInput): string {
  const out = [verdictLine(input)];
  const top = rankFindings(input.findings)[0];
  if (input.failing > 0 && top) {
    out.push(
      `<p><code>${top.rule}</code> at <code>${escapeMarkup(`${top.file}:${top.line}`)}</code>: ${escapeMarkup(top.message)}</p>`,
    );
  }
  const hc = input.hiddenCredentials;
  if (hc && hc.capped > 0) {
    out.push(
      `<p>ℹ️ ${plural(hc.capped, 'credential finding')} shown as notices: ${escapeMarkup(hc.reason)}, so ` +
        'the registry-auth input is empty here and private images cannot be checked. The same workflow on a branch of this repository checks them.</p>',
    );
  }
  if (input.checkRun?.fallback) out.push(`<p>⚠️ ${escapeMarkup(input.checkRun.fallback)}</p>`);
  if (input.stale && input.stale.length > 0) {
    out.push(
      `<h3>Stale generated files</h3>\n<p>The committed <code>${escapeMarkup(input.outputDir)}</code> differs from a fresh render. ` +
        'Run the action on a pull request (it commits the files) or run the scan locally and commit its output.</p>',
    );
    for (const s of input.stale) {
      const fence = fenceFor(s.diff);
      out.push(
        `<details><summary><code>${escapeMarkup(s.path)}</code> (${s.kind})</summary>\n\n${fence}diff\n${s.diff}${s.diff.endsWith('\n') ? '' : '\n'}${fence}\n\n</details>`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}

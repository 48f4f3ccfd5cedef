// The lines a pull request adds or modifies, from the unified diffs (`patch`) GitHub returns with the
// pull request's files: `+` lines of each hunk, numbered on the new side. Context lines and removed
// lines are not changed lines of the head. A file without a patch (binary, or a diff GitHub thought
// too large to return) counts as changed throughout, so nothing in it is silently hidden.

export interface PullPatch {
  filename: string;
  patch?: string;
}

/** `all`: every line of the file counts as changed. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** New-side line numbers of the `+` lines of one unified diff. */
export function addedLines(patch: string): Set<number> {
  const out = new Set<number>();
  let line = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    const m = HUNK.exec(text);
    if (m) {
      line = Number(m[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (text.startsWith('+')) out.add(line++);
    else if (text.startsWith('-')) continue;
    else if (text.startsWith('\\'))
      continue; // "\ No newline at end of file"
    else line++;
  }
  return out;
}

export function changedLines(files: readonly PullPatch[]): ChangedLines {
  const out: ChangedLines = new Map();
  for (const f of files) out.set(f.filename, f.patch === undefined ? 'all' : addedLines(f.patch));
  return out;
}

/** Whether a finding at `file:line` sits on a changed line (no line: anywhere in a changed file). */
export function onChangedLine(
  changed: ChangedLines,
  file: string | undefined,
  line: number | undefined,
): boolean {
  if (file === undefined) return false;
  const lines = changed.get(file);
  if (lines === undefined) return false;
  if (lines === 'all' || line === undefined) return true;
  return lines.has(line);
}

// Findings → GitHub annotations, ranked and capped. GitHub shows at most 10 annotations of each level
// per step and silently drops the rest, so every annotation of the step (including the action's own
// warnings and the one setFailed makes) goes through one budget, and what does not fit is counted
// in a final notice that points at the job summary.
import type { Finding, Level } from '../model.js';
import { compareText } from '../util.js';

const PER_LEVEL_LIMIT = 10;
const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

export interface Annotation {
  level: Level;
  message: string;
  title?: string;
  /** Repo-relative, `/` separators, no `./`. */
  file?: string;
  line?: number;
  column?: number;
}

/** Writes one annotation (core.error / core.warning / core.notice in the action). */
export type AnnotationSink = (a: Annotation) => void;

export class AnnotationBudget {
  private readonly used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };

  /** `reserved`: slots kept for annotations made outside the budget (setFailed makes one error). */
  constructor(
    private readonly sink: AnnotationSink,
    private readonly reserved: Partial<Record<Level, number>> = {},
  ) {}

  remaining(level: Level): number {
    return Math.max(0, PER_LEVEL_LIMIT - (this.reserved[level] ?? 0) - this.used[level]);
  }

  /** Emits if the level has room; returns whether it did. */
  emit(a: Annotation): boolean {
    if (this.remaining(a.level) === 0) return false;
    this.used[a.level] += 1;
    this.sink(a);
    return true;
  }

  /** Reserve one more slot (e.g. once it is known setFailed will be called). */
  reserve(level: Level): void {
    this.reserved[level] = (this.reserved[level] ?? 0) + 1;
  }
}

/** Errors first, then warnings, then notices; within a level by file, line, column, rule. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.rule, b.rule),
  );
}

export interface AnnotateResult {
  shown: number;
  /** Selected findings that did not fit the per-level limit. */
  omitted: number;
  /** Findings not annotated because their file is outside the selection (annotate: changed). */
  filtered: number;
}

/**
 * Annotates the selected findings. `location` maps a finding to its repo-relative place (undefined
 * file: annotate without a location); `selected` says whether a repo-relative file is to be annotated.
 */
export function annotateFindings(
  findings: readonly Finding[],
  budget: AnnotationBudget,
  location: (f: Finding) => { file?: string; line?: number; column?: number },
  selected: (file: string | undefined) => boolean,
): AnnotateResult {
  const chosen: { f: Finding; loc: ReturnType<typeof location> }[] = [];
  let filtered = 0;
  for (const f of rankFindings(findings)) {
    const loc = location(f);
    if (selected(loc.file)) chosen.push({ f, loc });
    else filtered += 1;
  }
  const count = (level: Level) => chosen.filter((c) => c.f.level === level).length;
  // One notice slot is kept for the "N more" notice when anything will be left out.
  const overflow =
    count('error') > budget.remaining('error') ||
    count('warning') > budget.remaining('warning') ||
    count('notice') > budget.remaining('notice');
  const noticeRoom = Math.max(0, budget.remaining('notice') - (overflow ? 1 : 0));
  let shown = 0;
  let noticesShown = 0;
  for (const { f, loc } of chosen) {
    if (f.level === 'notice' && noticesShown >= noticeRoom) continue;
    if (budget.emit({ level: f.level, title: f.rule, message: f.message, ...loc })) {
      shown += 1;
      if (f.level === 'notice') noticesShown += 1;
    }
  }
  const omitted = chosen.length - shown;
  if (omitted > 0) {
    budget.emit({
      level: 'notice',
      title: 'kots-proxy',
      message:
        `${omitted} more finding${omitted === 1 ? ' is' : 's are'} not annotated here ` +
        `(GitHub shows ${PER_LEVEL_LIMIT} annotations per level); see the job summary for all of them.`,
    });
  }
  return { shown, omitted, filtered };
}

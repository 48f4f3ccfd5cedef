// What kind of run this is, decided from the event, the actor and the inputs before anything is
// written: whether generated files may be committed, whether the committed files are only checked,
// and whether the run can see the registry credentials at all. Pure: the caller reads the env.
import type { Finding, Level } from '../model.js';
import { UsageError } from '../model.js';

/** `on-success`: commit only when no finding reaches fail-on, so generated files never land on top
 *  of a failing result (a GITHUB_TOKEN commit starts no workflow, so its head would carry no checks). */
export type CommitPolicy = 'on-success' | 'always' | 'never';

/** `true` keeps its old meaning of "commit" but with the safe default; `false` means never. */
export function parseCommitPolicy(value: string): CommitPolicy {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'on-success' || v === 'true') return 'on-success';
  if (v === 'always') return 'always';
  if (v === 'never' || v === 'false') return 'never';
  throw new UsageError(
    `input commit must be on-success, always or never (true and false are accepted as on-success and never; got ${JSON.stringify(value)})`,
  );
}

/**
 * `pull-request`: may commit to the head branch. `check`: push, merge_group and workflow_dispatch
 * never commit; the committed output-dir is compared with a fresh render. `report`: any other event.
 */
export type RunMode = 'pull-request' | 'check' | 'report';

const CHECK_EVENTS: readonly string[] = ['push', 'merge_group', 'workflow_dispatch'];

export function runMode(eventName: string, isPullRequest: boolean): RunMode {
  if (isPullRequest) return 'pull-request';
  return CHECK_EVENTS.includes(eventName) ? 'check' : 'report';
}

/** Dependabot's runs get a read-only token and no Actions secrets (only Dependabot secrets). */
function isDependabot(actor: string): boolean {
  return actor.toLowerCase() === 'dependabot[bot]';
}

export interface CredentialVisibility {
  fork: boolean;
  actor: string;
  /** registry-auth is empty. */
  noCredentials: boolean;
}

/** Why the run cannot see the registry credentials, or undefined when it can (or nothing is hidden). */
export function hiddenCredentialsReason(v: CredentialVisibility): string | undefined {
  if (!v.noCredentials) return undefined;
  if (v.fork) return 'this pull request comes from a fork, and GitHub gives fork runs no secrets';
  if (isDependabot(v.actor)) {
    return 'this run was started by Dependabot, which sees only Dependabot secrets, not Actions secrets';
  }
  return undefined;
}

/** Findings that only say "no credentials were available": meaningless when the run cannot see them. */
const CREDENTIAL_RULES: ReadonlySet<string> = new Set(['credentials-missing', 'credentials-rejected']);

/** Caps credential findings at notice (copies; the rest unchanged). Returns how many were capped. */
export function capCredentialFindings(findings: readonly Finding[]): { findings: Finding[]; capped: number } {
  let capped = 0;
  const out = findings.map((f) => {
    if (!CREDENTIAL_RULES.has(f.rule) || f.level === 'notice') return f;
    capped += 1;
    return { ...f, level: 'notice' as Level };
  });
  return { findings: out, capped };
}

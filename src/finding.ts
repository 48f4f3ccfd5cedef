// The one way to build a finding: the level comes from the rules catalog, and the message is bounded.
import type { Finding, SourcePos } from './model.js';
import { RULES, type RuleId } from './rules.js';

/** Longest finding message: a value from the release (a 1 MB image string) must not flood the report,
 *  the job summary or an annotation. Values are shortened by `shown` first, so the reason survives. */
const MAX_MESSAGE = 1000;
const MAX_SHOWN = 200;

/** A value from the release as a message shows it: long ones cut, with their length. */
export function shown(value: string): string {
  return value.length <= MAX_SHOWN ? value : `${value.slice(0, 120)}… (${value.length} characters)`;
}

export function finding(rule: RuleId, pos: SourcePos, message: string): Finding {
  const text = message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
  return {
    rule,
    level: RULES[rule].level,
    file: pos.file,
    line: pos.line,
    column: pos.column,
    message: text,
  };
}

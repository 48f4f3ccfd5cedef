// docs/interface.md is the public contract; these checks keep the parts that the code also states
// (rules and their levels, defaults) equal to the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_OUT_DIR,
  DEFAULT_PROXY_DOMAIN,
  DEFAULT_TIMEOUT_S,
  FAIL_ON,
} from '../../src/options.js';
import { RULES } from '../../src/rules.js';

const DOC = readFileSync(new URL('../../docs/interface.md', import.meta.url), 'utf8');

/** Rows of every `| rule | level | raised when |` table of the document. */
function ruleRows(text: string): Array<{ id: string; level: string; summary: string }> {
  const rows: Array<{ id: string; level: string; summary: string }> = [];
  for (const line of text.split('\n')) {
    const m = /^\| `([a-z0-9-]+)` \| (error|warning|notice) \| (.*) \|$/.exec(line);
    if (m) rows.push({ id: m[1] ?? '', level: m[2] ?? '', summary: m[3] ?? '' });
  }
  return rows;
}

describe('docs/interface.md', () => {
  const rows = ruleRows(DOC);

  it('lists every rule of the catalog once, and nothing else', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(Object.keys(RULES).sort());
  });

  it.each(rows)('$id: level and summary are the catalog’s', ({ id, level, summary }) => {
    const rule = RULES[id as keyof typeof RULES];
    expect(rule).toBeDefined();
    expect(level).toBe(rule.level);
    expect(summary).toBe(rule.summary);
  });

  it('additions are listed after the "## Additions" heading, contract rules before it', () => {
    const at = DOC.indexOf('\n## Additions\n');
    expect(at).toBeGreaterThan(0);
    const added = ruleRows(DOC.slice(at)).map((r) => r.id);
    const listed = Object.entries(RULES)
      .filter(([, r]) => 'addition' in r)
      .map(([id]) => id);
    expect(added.sort()).toEqual(listed.sort());
  });

  it('states the defaults the options core applies', () => {
    expect(DOC).toContain(
      `| \`--proxy-domain HOST\` | proxy service host (custom domain) | \`${DEFAULT_PROXY_DOMAIN}\` |`,
    );
    expect(DOC).toContain(`| \`--out DIR\` | where generated files are written | \`${DEFAULT_OUT_DIR}\` |`);
    expect(DOC).toContain(`| \`--concurrency N\` | registry requests in flight | ${DEFAULT_CONCURRENCY} |`);
    expect(DOC).toContain(
      `| \`--timeout SECONDS\` | time limit for all registry checks together, 1 to 86400 | ${DEFAULT_TIMEOUT_S} |`,
    );
    const [first, second, last] = FAIL_ON;
    expect(DOC).toContain(`| \`--fail-on LEVEL\` | \`${first}\`, \`${second}\` or \`${last}\`:`);
  });
});

// Writes the README's finding-rule tables from the rules catalog (src/rules.ts), between the
// `<!-- rules:… -->` markers: `node scripts/rules-table.mjs` updates README.md, `--check` only reports
// (exit 1) when it differs. test/rules.test.ts runs the same check. Vite's module runner loads the
// TypeScript catalog, so no build step is needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @typedef {{ level: string, addition?: true, summary: string, help: string }} Rule */

/** Markdown table lines, each prefixed by `indent`. */
function table(indent, header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.map((l) => `${indent}${l}`);
}

/** @param {Record<string, Rule>} rules @returns {Record<string, (indent: string) => string[]>} */
function tables(rules) {
  const entries = Object.entries(rules);
  return {
    all: (indent) =>
      table(
        indent,
        ['rule', 'level', 'example'],
        entries.map(([id, r]) => [`\`${id}\``, r.level, r.help]),
      ),
    additions: (indent) =>
      table(
        indent,
        ['rule', 'level', 'raised when'],
        entries.filter(([, r]) => r.addition).map(([id, r]) => [`\`${id}\``, r.level, r.summary]),
      ),
  };
}

const MARKED = /^([ \t]*)<!-- rules:(\w+):begin -->\n[\s\S]*?^[ \t]*<!-- rules:\2:end -->$/gm;

/** The README text with every marked table regenerated from `rules`. */
export function withRuleTables(readme, rules) {
  const make = tables(rules);
  return readme.replace(MARKED, (_, indent, name) => {
    const render = make[name];
    if (!render) throw new Error(`README.md: unknown rules table "${name}"`);
    return [
      `${indent}<!-- rules:${name}:begin -->`,
      ...render(indent),
      `${indent}<!-- rules:${name}:end -->`,
    ].join('\n');
  });
}

async function main() {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(fileURLToPath(new URL('../src/rules.ts', import.meta.url)));
  const file = fileURLToPath(new URL('../README.md', import.meta.url));
  const before = readFileSync(file, 'utf8');
  const after = withRuleTables(before, module.RULES);
  if (before === after) return;
  if (process.argv.includes('--check')) {
    process.stderr.write(
      'README.md rule tables differ from src/rules.ts: run node scripts/rules-table.mjs\n',
    );
    process.exitCode = 1;
  } else {
    writeFileSync(file, after);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

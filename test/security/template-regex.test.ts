// Sprig's regex functions in a pull request's KOTS templates run on Go's regexp, which is RE2: linear
// in the input whatever the pattern (replicatedhq/kots pkg/template/builder.go renders with sprig's
// FuncMap; Masterminds/sprig regex.go calls regexp.MatchString). JavaScript's engine backtracks, so a
// pattern such as `^(a+)+$` on forty `a`s and a `!` takes 2^40 steps: one line would hang the run.
// The preview must answer as RE2 does, promptly: here the image tag says which branch was taken.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const INPUT = `${'a'.repeat(40)}!`;
const pod = (tag: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: 'quay.io/acme/app:${tag}'\n`;

const CASES: [string, string, string][] = [
  ['regexMatch', `{{repl if regexMatch "^(a+)+$" "${INPUT}" }}yes{{repl else }}no{{repl end }}`, 'no'],
  ['regexFind', `x{{repl regexFind "(a|aa)+$" "${INPUT}" }}`, 'x'],
  ['regexReplaceAll', `{{repl regexReplaceAll "(a+)+b" "${INPUT}" "" | len }}`, '41'],
];

interface Report {
  images: { image: string }[];
}

describe('sprig regex functions on a backtracking-prone pattern', () => {
  it.each(CASES)(
    '%s answers as RE2 does, without hanging',
    async (_fn, template, tag) => {
      const root = tempDir('kots-proxy-sec-regex-');
      writeTree(root, { 'release/pod.yaml': pod(template) });
      const run = await runCli(root, 'scan', 'release', '--app-slug', 'acme', '--offline', '--report', '-');
      expect(run.code, run.stderr).not.toBe(2);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.images.map((i) => i.image)).toContain(`quay.io/acme/app:${tag}`);
    },
    60_000,
  );
});

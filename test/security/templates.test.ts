// KOTS templates in a pull request's manifests are evaluated by the preview. Go's text/template
// (and KOTS, which renders with it: replicatedhq/kots pkg/template/builder.go) puts no bound on the
// work a template asks for, so a hostile file could hang the run or exhaust its memory. Each file
// here asks for unbounded work on its line 6; the run must end, with a template-error at that line,
// and other files still scanned.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n';
const OK =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n    - name: a\n      image: quay.io/acme/ok:1\n';

const ATTACKS: Record<string, string> = {
  'range over a huge int, with output': `  a: '{{repl range 1000000000 }}x{{repl end }}'\n`,
  'range over a huge int, empty body': `  a: '{{repl range 1000000000 }}{{repl end }}'\n`,
  'repeat a billion times': `  a: '{{repl repeat 1000000000 "x" }}'\n`,
  'until a billion': `  a: '{{repl len (until 1000000000) }}'\n`,
  'untilStep to a billion': `  a: '{{repl len (untilStep 0 1000000000 1) }}'\n`,
  'indent by a billion': `  a: '{{repl indent 1000000000 "x" }}'\n`,
  'printf width of a billion': `  a: '{{repl printf "%1000000000d" 1 }}'\n`,
  'a string doubled in a loop': `  a: '{{repl $x := "xxxxxxxx" }}{{repl range until 60 }}{{repl $x = printf "%s%s" $x $x }}{{repl end }}{{repl len $x }}'\n`,
  'a template calling itself twice': `  a: '{{repl define "a" }}{{repl template "a" . }}{{repl template "a" . }}{{repl end }}{{repl template "a" . }}'\n`,
  'nested ranges': `  a: '{{repl range 100000 }}{{repl range 100000 }}{{repl end }}{{repl end }}'\n`,
};

interface Report {
  images: { image: string }[];
  findings: { rule: string; file: string; line: number; message: string }[];
}

describe('hostile KOTS templates are stopped', () => {
  it.each(Object.entries(ATTACKS))(
    '%s: a template-error at the line, the rest scanned',
    async (_name, line) => {
      const root = tempDir('kots-proxy-sec-tmpl-');
      writeTree(root, { 'release/bomb.yaml': HEAD + line, 'release/ok.yaml': OK });
      const run = await runCli(root, 'scan', 'release', '--app-slug', 'acme', '--offline', '--report', '-');
      expect(run.code, run.stderr).not.toBe(2);
      const report = JSON.parse(run.stdout) as Report;
      const errors = report.findings.filter((f) => f.rule === 'template-error');
      expect(errors, JSON.stringify(report.findings)).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'release/bomb.yaml', line: 6 });
      expect(errors[0]?.message).toMatch(/this preview's limit|maximum template depth/);
      expect(report.images.map((i) => i.image)).toContain('quay.io/acme/ok:1');
    },
    120_000,
  );

  it('many files, each within its own budget, share one budget for the run', async () => {
    const root = tempDir('kots-proxy-sec-tmpl-');
    const files: Record<string, string> = { 'release/ok.yaml': OK };
    // 12 files of 4.9 million steps each: every one fits a render's budget, all of them do not.
    for (let i = 0; i < 12; i++)
      files[`release/busy-${String(i).padStart(2, '0')}.yaml`] =
        `${HEAD}  a: '{{repl range 4900000 }}{{repl end }}'\n`;
    writeTree(root, files);
    const run = await runCli(root, 'scan', 'release', '--app-slug', 'acme', '--offline', '--report', '-');
    expect(run.code, run.stderr).not.toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    const stopped = report.findings.filter((f) => f.rule === 'template-error');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.length).toBeLessThan(12);
    for (const f of stopped) expect(f.message).toMatch(/in all files/);
    // The file that used the budget up stops at its loop; later files stop at their first node.
    expect(stopped.map((f) => f.line)).toContain(6);
    expect(report.images.map((i) => i.image)).toContain('quay.io/acme/ok:1');
  }, 300_000);

  it('an ordinary loop and a long repeat still render', async () => {
    const root = tempDir('kots-proxy-sec-tmpl-');
    const line = `  a: '{{repl range 10000 }}x{{repl end }}{{repl repeat 100000 "y" | len }}'\n`;
    // The same work in an image, whose rendered value the report shows: the templates did run.
    const image = `'quay.io/acme/n{{repl range 10000 }}{{repl end }}{{repl repeat 100000 "y" | len }}:1'`;
    writeTree(root, {
      'release/fine.yaml': HEAD + line,
      'release/pod.yaml': OK.replace('quay.io/acme/ok:1', image),
    });
    const run = await runCli(root, 'scan', 'release', '--app-slug', 'acme', '--offline', '--report', '-');
    expect(run.code, run.stderr).not.toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.filter((f) => f.rule.startsWith('template'))).toEqual([]);
    expect(report.images.map((i) => i.image)).toEqual(['quay.io/acme/n100000:1']);
  });
});

// The bundled action (dist/index.js) run as a child process against the GitHub API double, with a
// real bare repository as "GitHub": every commit assertion is made with git on that repository.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../../src/generated.js';
import { git, pushAnotherCommit } from '../github/git.js';
import {
  BRANCH,
  BUNDLE,
  INPUTS,
  OFFLINE_LISTS,
  ROOT,
  releaseFiles,
  runAction,
  type Scenario,
  scenarioFactory,
  tip,
} from './harness.js';

const scenario = scenarioFactory();
// Writes to the repository's git data; check runs are counted by their own tests.
const writes = (s: Scenario) =>
  s.double.requests.filter(
    (r) => r.method !== 'GET' && !r.path.endsWith('/check-runs') && !/\/check-runs\/\d+$/.test(r.path),
  );
const lines = (stdout: string, prefix: string) => stdout.split('\n').filter((l) => l.startsWith(prefix));

beforeAll(() => {
  // A stale bundle would test old code: insist that dist/ was built after the last source change.
  // 60 s of slack: a fresh clone gives every file about the same mtime, in no particular order.
  const newest = (dir: string): number =>
    Math.max(
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs,
      ),
    );
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  expect(built, 'dist/index.js is missing or older than src/: run `npm run bundle`').toBeGreaterThanOrEqual(
    newest(join(ROOT, 'src')) - 60_000,
  );
});

describe('action on a same-repository pull request', () => {
  it('commits the generated files once, on the head, and then reports unchanged', async () => {
    const s = await scenario({
      base: { ...releaseFiles(), 'kots-proxy/old-patch.yaml': `${GENERATED_HEADER}\nkind: Old\n` },
    });
    const r = await runAction(s, INPUTS);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const sha = await tip(s);
    expect(r.outputs['commit-sha']).toBe(sha);
    expect(r.outputs['skipped-reason']).toBe('');
    expect(await git(['--git-dir', s.bare, 'rev-parse', `${sha}^`])).toBe(s.headSha);
    expect(await git(['--git-dir', s.bare, 'rev-list', '--count', `${s.headSha}..${sha}`])).toBe('1');
    expect(await git(['--git-dir', s.bare, 'log', '-1', '--format=%s', sha])).toBe(
      'kots-proxy: update generated overlay',
    );
    const changed = (await git(['--git-dir', s.bare, 'diff', '--name-status', s.headSha, sha])).split('\n');
    expect(changed.sort()).toEqual([
      'A\tkots-proxy/helmchart-redis.values.yaml',
      'A\tkots-proxy/kustomization.yaml',
      'A\tkots-proxy/pull-secret.yaml',
      'D\tkots-proxy/old-patch.yaml',
    ]);

    // The committed tree holds exactly what the action wrote to the workspace and listed in the report.
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as { generated: string[] };
    expect(report.generated).toEqual([
      'kots-proxy/kustomization.yaml',
      'kots-proxy/pull-secret.yaml',
      'kots-proxy/helmchart-redis.values.yaml',
    ]);
    for (const path of report.generated) {
      expect(await git(['--git-dir', s.bare, 'show', `${sha}:${path}`])).toBe(
        readFileSync(join(s.workspace, path), 'utf8').trimEnd(),
      );
    }
    expect(JSON.parse(r.outputs['images-needing-proxy']!)).toEqual([
      'quay.io/acme-corp/api:v1.0.1',
      'quay.io/acme-corp/reporter:3.2.0',
      'registry.acme.example:5000/tools/shell:1.0',
    ]);
    expect(r.summary).toContain('Committed the generated files');

    // The next synchronize event has our commit as head: nothing to do.
    const event = JSON.parse(readFileSync(s.eventPath, 'utf8'));
    event.pull_request.head.sha = sha;
    writeFileSync(s.eventPath, JSON.stringify(event));
    await git(['fetch', '-q', 'origin', BRANCH], { cwd: s.workspace });
    await git(['reset', '-q', '--hard', 'FETCH_HEAD'], { cwd: s.workspace });
    const before = writes(s).length;
    const again = await runAction(s, INPUTS, { GITHUB_SHA: sha });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs['skipped-reason']).toBe('unchanged');
    expect(again.outputs['commit-sha']).toBe('');
    expect(await tip(s)).toBe(sha);
    expect(writes(s).length).toBe(before);
  });

  it('never overwrites a branch that moved after the event (head-moved)', async () => {
    const s = await scenario();
    const moved = await pushAnotherCommit(s.bare, BRANCH);
    const r = await runAction(s, INPUTS);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['skipped-reason']).toBe('head-moved');
    expect(await tip(s)).toBe(moved);
    expect(writes(s)).toEqual([]);
    expect(lines(r.stdout, '::notice title=kots-proxy::Not committing: branch')).toHaveLength(1);
  });

  it('skips the commit with read-only-token when the token cannot write (403), without failing', async () => {
    const s = await scenario();
    const r = await runAction(s, { ...INPUTS, token: 'read-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(lines(r.stdout, '::error::')).toHaveLength(0);
    expect(await tip(s)).toBe(s.headSha);
    expect(r.outputs.report).toBeTruthy();
    // The report is still written (in RUNNER_TEMP) and lists the files a commit would have held.
    expect(r.outputs.report).toMatch(/\/kots-proxy-[^/]+\/report\.json$/);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as {
      appSlug: string;
      generated: string[];
    };
    expect(report.appSlug).toBe('acme');
    expect(report.generated).toEqual([
      'kots-proxy/kustomization.yaml',
      'kots-proxy/pull-secret.yaml',
      'kots-proxy/helmchart-redis.values.yaml',
    ]);
    expect(r.outputs['commit-sha']).toBe('');
    expect(r.outputs['skipped-reason']).toBe('read-only-token');
    expect(r.summary).toContain('How to apply');
  });

  it('annotates only changed files, ranked and capped at 10 per level with a "more" notice', async () => {
    const invalid = Array.from(
      { length: 15 },
      (_, i) => `        - {name: bad${i}, image: "quay.io/Acme/bad${i}:1"}`,
    );
    // credentials-missing is raised once per registry, so the warnings here are the nameless
    // containers (kustomize's strategic merge keys containers by name: they collapse).
    const priv = Array.from({ length: 12 }, (_, i) => `        - {image: "quay.io/acme/ok${i}:1"}`);
    const many = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: many}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      ...priv,
      ...invalid,
      '',
    ].join('\n');
    const s = await scenario({
      branchFiles: { 'manifests/many.yaml': many },
      // Five changed files, two per page: the list is read across three pages.
      changedFiles: ['README.md', 'docs/a.md', 'docs/b.md', 'manifests/many.yaml', 'manifests/zz.yaml'],
    });
    // Without checks: write the action falls back to workflow commands and their 10-per-level cap.
    const r = await runAction(s, { ...INPUTS, token: 'nochecks-token' });
    expect(r.code).toBe(1); // invalid references are errors; fail-on defaults to error
    const errors = lines(r.stdout, '::error');
    const warnings = lines(r.stdout, '::warning');
    const notices = lines(r.stdout, '::notice');
    expect(warnings.filter((l) => l.includes('checks: write'))).toHaveLength(1);
    expect(errors).toHaveLength(10); // 9 annotations + setFailed's own
    expect(lines(r.stdout, '::error::')).toHaveLength(1);
    expect(warnings).toHaveLength(10);
    expect(notices).toHaveLength(10);
    expect(notices.at(-1)).toMatch(/::notice title=kots-proxy::\d+ more findings are not annotated/);
    for (const l of [...errors.slice(0, 9), ...warnings.slice(1), ...notices.slice(0, 9)]) {
      expect(l).toMatch(/^::\w+ title=[\w-]+,file=manifests\/many\.yaml,line=\d+,col=\d+::/);
    }
    // Ranked: the first 9 invalid references by line, errors before warnings before notices.
    const errorLines = errors.slice(0, 9).map((l) => Number(l.match(/line=(\d+)/)![1]));
    expect(errorLines).toEqual(Array.from({ length: 9 }, (_, i) => 8 + 12 + i));
    const order = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) title=[\w-]+,file=/.test(l));
    const kinds = order.map((l) => l.slice(2, l.indexOf(' ')));
    expect(kinds).toEqual([...kinds].sort((a, b) => 'ewn'.indexOf(a[0]!) - 'ewn'.indexOf(b[0]!)));
    expect(s.double.requests.filter((q) => q.path.endsWith('/pulls/7/files'))).toHaveLength(3);
    // The summary still has every finding.
    expect(r.summary.match(/<tr><td nowrap>❌ [a-z-]+<\/td>/g)).toHaveLength(15);
  });

  it('warns when the workspace is not the pull request head and says how to check it out', async () => {
    const s = await scenario();
    await git(['checkout', '-q', s.baseSha], { cwd: s.workspace });
    const r = await runAction(s, INPUTS, { GITHUB_SHA: s.baseSha });
    const warning = lines(r.stdout, '::warning::').join('\n');
    expect(warning).toContain(`not at the pull request head ${s.headSha.slice(0, 7)}`);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
    expect(warning).toContain('ref: ${{ github.event.pull_request.head.sha }}');
  });
});

describe('action without a commit', () => {
  it('does not commit on a fork but still annotates and explains how to apply the overlay', async () => {
    const s = await scenario({ fork: true });
    const r = await runAction(s, { ...INPUTS, token: 'read-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['skipped-reason']).toBe('fork');
    expect(writes(s)).toEqual([]);
    expect(r.stdout).toMatch(
      /^::notice title=image-needs-proxy,file=manifests\/workers\.yaml,line=15,col=22::/m,
    );
    expect(r.summary).toContain('comes from a fork');
    expect(r.summary).toContain('kots-proxy scan manifests --app-slug acme --out kots-proxy');
    expect(r.summary).toContain('<summary><code>kots-proxy/kustomization.yaml</code></summary>');
  });

  it('reports not-a-pull-request on a schedule, annotating every file, calling only the Checks API', async () => {
    const s = await scenario();
    const sched = join(s.dir, 'schedule.json');
    writeFileSync(sched, JSON.stringify({ schedule: '0 0 * * *' }));
    const r = await runAction(
      s,
      { ...INPUTS, token: 'nochecks-token' },
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: sched },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['skipped-reason']).toBe('not-a-pull-request');
    expect(s.double.requests.map((q) => q.path)).toEqual([
      '/repos/acme/app/commits/' + s.headSha + '/check-runs',
    ]);
    expect(r.stdout).toContain('file=manifests/api.yaml');
  });

  it('reports disabled with commit: false', async () => {
    const s = await scenario();
    const r = await runAction(s, { ...INPUTS, commit: 'false', annotate: 'none' });
    expect(r.outputs['skipped-reason']).toBe('disabled');
    expect(writes(s)).toEqual([]);
    expect(r.stdout).not.toMatch(/^::(error|warning|notice) /m);
  });

  it('reads app-slug and manifests from .replicated', async () => {
    const s = await scenario({
      base: { ...releaseFiles(), '.replicated': 'appSlug: acme\nmanifests: ["./manifests/*.yaml"]\n' },
    });
    const r = await runAction(s, OFFLINE_LISTS);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Read defaults from .replicated');
    expect(r.outputs['commit-sha']).toBe(await tip(s));
  });
});

describe('action inputs', () => {
  it('fails with an error naming the input', async () => {
    const s = await scenario();
    const r = await runAction(s, { ...INPUTS, 'fail-on': 'sometimes' });
    expect(r.code).toBe(1);
    expect(lines(r.stdout, '::error::')).toEqual([
      '::error::input fail-on must be one of error, warning, never (got "sometimes")',
    ]);
  });

  it('masks registry-auth before anything else and never prints the password', async () => {
    const s = await scenario();
    const password = 'pa55-word-xyz';
    const auth = JSON.stringify({ auths: { 'quay.io': { username: 'robot', password } } }, null, 2);
    const r = await runAction(s, { ...INPUTS, 'registry-auth': auth });
    expect(r.code, r.stdout).toBe(0);
    const out = r.stdout.split('\n');
    const firstOther = out.findIndex((l) => !l.startsWith('::add-mask::'));
    expect(out.slice(0, firstOther).some((l) => l === `::add-mask::${password}`)).toBe(true);
    expect(out.slice(firstOther).join('\n')).not.toContain(password);
  });
});

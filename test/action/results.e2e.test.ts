// The bundled action against the GitHub API double, for where results go: check runs on the commit
// the pull request ends up at (every annotation, 50 per request), commit policies, read-only tokens
// (Dependabot, forks), check mode on push / merge_group, changed-lines annotations and SARIF.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../github/git.js';
import { BRANCH, INPUTS, releaseFiles, runAction, type Scenario, scenarioFactory, tip } from './harness.js';

const scenario = scenarioFactory();
const annotationLines = (stdout: string) =>
  stdout.split('\n').filter((l) => /^::(error|warning|notice) title=/.test(l));

/** A Deployment with `n` invalid references (uppercase path): n errors, one per line. */
function manyInvalid(n: number): string {
  const containers = Array.from(
    { length: n },
    (_, i) => `        - {name: bad${i}, image: "quay.io/Acme/bad${i}:1"}`,
  );
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: many}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    ...containers,
    '',
  ].join('\n');
}

function writeEvent(s: Scenario, name: string, payload: unknown): string {
  const path = join(s.dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return path;
}

describe('check runs on the pull request head', () => {
  it('failing PR: no commit under on-success, a failed check run on the head with every annotation', async () => {
    const s = await scenario({ branchFiles: { 'manifests/many.yaml': manyInvalid(120) } });
    const r = await runAction(s, INPUTS);
    expect(r.code).toBe(1);
    expect(await tip(s)).toBe(s.headSha);
    expect(r.outputs['skipped-reason']).toBe('failing-result');
    expect(r.outputs['check-run']).toBe('published');
    expect(s.double.checkRuns).toHaveLength(1);
    const run = s.double.checkRuns[0]!;
    expect(run.head_sha).toBe(s.headSha);
    expect(run.name).toBe('kots-proxy');
    expect(run.conclusion).toBe('failure');
    expect(run.status).toBe('completed');
    // 120 errors in the changed file (the rest of the release is unchanged): 50 + 50 + 20.
    expect(run.annotations.filter((a) => a.annotation_level === 'failure')).toHaveLength(120);
    expect(run.writes).toBe(3);
    expect(run.annotations[0]).toMatchObject({
      path: 'manifests/many.yaml',
      start_line: 8,
      title: 'invalid-image-reference',
    });
    expect(run.output.summary).toMatch(/^<p><strong>❌ 120 errors block this release<\/strong><\/p>/);
    // The workflow-command annotations are not repeated next to the check run.
    expect(annotationLines(r.stdout)).toEqual([]);
    expect(r.summary.startsWith('<p><strong>❌ 120 errors block this release')).toBe(true);
    expect(r.summary).toContain('commit: on-success');

    // A rerun on the same head updates the same run and does not duplicate its annotations.
    const again = await runAction(s, INPUTS);
    expect(again.code).toBe(1);
    expect(s.double.checkRuns).toHaveLength(1);
    expect(s.double.checkRuns[0]!.annotations).toHaveLength(120);
    expect(s.double.checkRuns[0]!.writes).toBe(4);
  });

  it('commit: always commits on top of a failing result, and the check run goes on the new head', async () => {
    const s = await scenario({ branchFiles: { 'manifests/many.yaml': manyInvalid(3) } });
    const r = await runAction(s, { ...INPUTS, commit: 'always' });
    expect(r.code).toBe(1);
    const sha = await tip(s);
    expect(sha).not.toBe(s.headSha);
    expect(s.double.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[sha, 'failure']]);
  });

  it('passing PR: one commit, and the successful check run on the new head', async () => {
    const s = await scenario();
    const r = await runAction(s, INPUTS);
    expect(r.code, r.stdout).toBe(0);
    const sha = await tip(s);
    expect(r.outputs['commit-sha']).toBe(sha);
    expect(await git(['--git-dir', s.bare, 'rev-parse', `${sha}^`])).toBe(s.headSha);
    expect(s.double.checkRuns).toHaveLength(1);
    expect(s.double.checkRuns[0]).toMatchObject({
      head_sha: sha,
      conclusion: 'success',
      status: 'completed',
    });
    expect(s.double.checkRuns[0]!.output.summary).toMatch(/^<p><strong>✅ ready<\/strong>/);
  });

  it('says once that checks: write is missing and falls back to workflow-command annotations', async () => {
    const s = await scenario({ branchFiles: { 'manifests/many.yaml': manyInvalid(3) } });
    const r = await runAction(s, { ...INPUTS, token: 'nochecks-token' });
    expect(r.code).toBe(1);
    expect(s.double.checkRuns).toEqual([]);
    expect(r.outputs['check-run']).toBe('fallback');
    expect(r.stdout.split('\n').filter((l) => l.includes('checks: write'))).toHaveLength(1);
    expect(
      annotationLines(r.stdout).filter((l) => l.startsWith('::error title=invalid-image-reference')),
    ).toHaveLength(3);
  });
});

/** The example release without its Helm chart, whose HelmChart v2 warnings are not about credentials. */
function noChart(): Record<string, string | Uint8Array> {
  const files = releaseFiles();
  delete files['manifests/redis-chart.yaml'];
  return files;
}

describe('read-only runs', () => {
  it('Dependabot: read-only token, no secrets: no commit, credential findings capped, no failure', async () => {
    const s = await scenario({ base: noChart() });
    // Without the cap, fail-on: warning fails on credentials-missing for the private quay.io images.
    const plain = await runAction(s, { ...INPUTS, 'fail-on': 'warning', commit: 'never' });
    expect(plain.code).toBe(1);
    const r = await runAction(
      s,
      { ...INPUTS, 'fail-on': 'warning', token: 'read-token' },
      { GITHUB_ACTOR: 'dependabot[bot]' },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['skipped-reason']).toBe('read-only-token');
    expect(await tip(s)).toBe(s.headSha);
    const report = JSON.parse(readFileSync(r.outputs.report!, 'utf8')) as {
      findings: { rule: string; level: string }[];
    };
    const creds = report.findings.filter((f) => f.rule === 'credentials-missing');
    expect(creds.length).toBeGreaterThan(0);
    expect(creds.every((f) => f.level === 'notice')).toBe(true);
    expect(r.summary).toContain('started by Dependabot');
    expect(r.summary).toContain('How to apply');
  });

  it('a fork: skipped as fork, credential findings capped with the reason, no failure', async () => {
    const s = await scenario({ fork: true, base: noChart() });
    const r = await runAction(s, { ...INPUTS, 'fail-on': 'warning', token: 'read-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['skipped-reason']).toBe('fork');
    expect(r.summary).toContain('comes from a fork, and GitHub gives fork runs no secrets');
    expect(r.stdout).toContain('Runs for fork pull requests get a read-only token');
    expect(r.stdout).not.toContain('Add `checks: write`');
    expect(r.summary).toContain('kots-proxy scan manifests --app-slug acme --out kots-proxy');
  });
});

describe('check mode', () => {
  async function rendered(): Promise<Record<string, string>> {
    // The files a pull request run commits, to build a branch whose committed output-dir is fresh.
    const s = await scenario();
    const r = await runAction(s, INPUTS);
    expect(r.code, r.stdout).toBe(0);
    const sha = await tip(s);
    const files: Record<string, string> = {};
    for (const path of (
      await git(['--git-dir', s.bare, 'ls-tree', '-r', '--name-only', sha, 'kots-proxy'])
    ).split('\n')) {
      // git() trims its output; the files end with a newline.
      files[path] = `${await git(['--git-dir', s.bare, 'show', `${sha}:${path}`])}\n`;
    }
    return files;
  }

  it('push with stale files fails with a per-file diff and never commits; fresh files pass', async () => {
    const s = await scenario();
    const push = writeEvent(s, 'push', { ref: `refs/heads/${BRANCH}`, after: s.headSha });
    const stale = await runAction(s, INPUTS, { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: push });
    expect(stale.code).toBe(1);
    expect(stale.outputs.stale).toBe('true');
    expect(stale.outputs['skipped-reason']).toBe('not-a-pull-request');
    expect(await tip(s)).toBe(s.headSha);
    expect(stale.summary).toMatch(/^<p><strong>❌ 3 generated files in kots-proxy are out of date/);
    expect(stale.summary).toContain('<code>kots-proxy/kustomization.yaml</code> (missing)');
    expect(stale.summary).toContain('+++ b/kots-proxy/kustomization.yaml');
    expect(s.double.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[s.headSha, 'failure']]);

    const files = await rendered();
    const fresh = await scenario({ branchFiles: { ...files } });
    const e2 = writeEvent(fresh, 'push', { ref: `refs/heads/${BRANCH}`, after: fresh.headSha });
    const ok = await runAction(fresh, INPUTS, {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: e2,
      GITHUB_SHA: fresh.headSha,
    });
    expect(ok.code, ok.summary.slice(0, 3000)).toBe(0);
    expect(ok.outputs.stale).toBe('false');

    // One edited file: stale again, and only that file is listed, as changed.
    const edited = {
      ...files,
      'kots-proxy/kustomization.yaml': `${files['kots-proxy/kustomization.yaml']}# hand edit\n`,
    };
    const s3 = await scenario({ branchFiles: edited });
    const e3 = writeEvent(s3, 'merge_group', { merge_group: { head_sha: s3.headSha } });
    const mg = await runAction(s3, INPUTS, {
      GITHUB_EVENT_NAME: 'merge_group',
      GITHUB_EVENT_PATH: e3,
      GITHUB_SHA: s3.headSha,
    });
    expect(mg.code).toBe(1);
    expect(mg.outputs.stale).toBe('true');
    expect(mg.summary).toContain('<code>kots-proxy/kustomization.yaml</code> (changed)');
    expect(mg.summary).toContain('-# hand edit');
    expect(mg.summary).not.toContain('<code>kots-proxy/pull-secret.yaml</code> (');
    expect(s3.double.requests.filter((q) => q.path.includes('/git/'))).toEqual([]);
  });
});

describe('annotate: changed-lines and SARIF', () => {
  it('annotates only the lines the pull request adds, read from the paginated patches', async () => {
    const base = releaseFiles();
    const many = manyInvalid(4);
    const s = await scenario({
      base: { ...base, 'manifests/many.yaml': many },
      branchFiles: {
        'manifests/many.yaml': `${many}---\n${manyInvalid(2).replace('name: many', 'name: more')}`,
      },
      double: {
        pulls: {
          7: [
            'README.md',
            'docs/a.md',
            // The second document's two containers are lines 20 and 21 of the new file.
            {
              filename: 'manifests/many.yaml',
              patch:
                '@@ -10,2 +10,10 @@\n   x\n   y\n+---\n+apiVersion: apps/v1\n+kind: Deployment\n+metadata: {name: more}\n+spec:\n+  template:\n+    spec:\n+      containers:\n+        - {name: bad0}\n+        - {name: bad1}',
            },
          ],
        },
      },
    });
    const r = await runAction(s, { ...INPUTS, annotate: 'changed-lines', sarif: 'kots-proxy.sarif' });
    expect(r.code).toBe(1);
    const run = s.double.checkRuns[0]!;
    expect(run.annotations.map((a) => [a.path, a.start_line])).toEqual([
      ['manifests/many.yaml', 20],
      ['manifests/many.yaml', 21],
    ]);
    expect(s.double.requests.filter((q) => q.path.endsWith('/pulls/7/files'))).toHaveLength(2);
    const sarif = JSON.parse(readFileSync(r.outputs.sarif!, 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(6);
  });
});

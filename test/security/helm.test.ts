// A pull request's HelmChart CR and chart reach the real `helm template`. The CR's release name and
// namespace are the attacker's strings, and the chart's templates run inside Helm; Helm must see
// them as data (no flag injection), get no secret from the runner's environment, and read nothing
// outside the chart. KOTS renders with the name and namespace as arguments of its own Helm action
// (replicatedhq/kots pkg/base/helm_v4.go), never through a command line.
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart } from '../../src/helm/index.js';
import { requireHelm } from '../helm-render/helm-bins.js';
import { runCliWith } from '../helpers/cli.js';
import { tempDir, writeTree } from '../helpers/tmp.js';

const helms = [requireHelm(3), requireHelm(4)];

const REPLICATED = 'appSlug: acme\nmanifests: ["./manifests/*.yaml"]\ncharts:\n  - path: ./charts/*\n';
const CHART_YAML = 'apiVersion: v2\nname: web\nversion: 1.0.0\n';
const CR = (spec: string) =>
  `apiVersion: kots.io/v1beta2\nkind: HelmChart\nmetadata:\n  name: web\nspec:\n  chart:\n    name: web\n    chartVersion: 1.0.0\n${spec}`;

function project(files: Record<string, string>): string {
  const root = tempDir('kots-proxy-sec-helm-');
  writeTree(root, { '.replicated': REPLICATED, 'charts/web/Chart.yaml': CHART_YAML, ...files });
  return root;
}

async function scan(root: string, helm: string) {
  const run = await runCliWith({}, root, 'scan', '--offline', '--helm', helm, '--report', '-');
  return {
    ...run,
    report: JSON.parse(run.stdout || '{}') as { findings: { rule: string; message: string }[] },
  };
}

describe.each(helms)('helm $version on a pull request chart', (helm) => {
  it('a release name or namespace that looks like a flag stays a name: no post-renderer runs', async () => {
    const out = tempDir('kots-proxy-sec-helm-out-');
    const marker = join(out, 'pwned');
    // Valid YAML for Helm, and a script for a post-renderer `/bin/sh`: the command substitution runs.
    const template = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: $(touch ${marker})\n`;
    // What Helm made of each: the name reached it as a release name (refused by its name check),
    // the namespace as a namespace (the chart rendered, nothing to report). The marker check alone
    // also passed when Helm never saw the chart at all.
    for (const [spec, findings] of [
      [
        '  releaseName: "--post-renderer=/bin/sh"\n',
        [
          [
            'helm-chart-render-failed',
            /release name \\?"--post-renderer=\/bin\/sh\\?": invalid release name/,
          ],
        ],
      ],
      ['  releaseName: web\n  namespace: "--post-renderer=/bin/sh"\n', []],
    ] as const) {
      const root = project({
        'manifests/web-chart.yaml': CR(spec),
        'charts/web/templates/run.yaml': template,
      });
      const r = await scan(root, helm.path);
      expect(r.code, r.stderr).not.toBe(2);
      expect(existsSync(marker), spec).toBe(false);
      expect(
        r.report.findings.map((f) => [f.rule, f.message]),
        spec,
      ).toEqual(findings.map(([rule, message]) => [rule, expect.stringMatching(message)]));
    }
  }, 120_000);

  it("Helm's error text in a finding is one line: no workflow command starts a line of the output", async () => {
    const root = project({
      'manifests/web-chart.yaml': CR(''),
      'charts/web/templates/run.yaml': '{{ fail "boom\\n::warning file=x::injected\\r\\n::add-mask::x" }}\n',
    });
    const r = await scan(root, helm.path);
    const failed = r.report.findings.find((f) => f.rule === 'helm-chart-render-failed');
    expect(failed?.message).toContain('boom');
    expect(failed?.message).not.toMatch(/[\r\n]/);
    const human = await runCliWith({}, root, 'scan', '--offline', '--helm', helm.path);
    for (const out of [r.stderr, human.stdout, human.stderr]) expect(out).not.toMatch(/^::/m);
  }, 120_000);

  it('.Files.Get through a symlink to a file outside the chart directory reads nothing', async () => {
    const outside = tempDir('kots-proxy-sec-helm-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'image: quay.io/leaked/SECRET-FROM-RUNNER:1\n');
    const root = project({
      'manifests/web-chart.yaml': CR(''),
      'charts/web/templates/cm.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: x\n      image: "quay.io/acme/{{ .Files.Get "leak.txt" | trim | replace "image: quay.io/leaked/" "" | lower }}"\n',
    });
    symlinkSync(join(outside, 'secret.txt'), join(root, 'charts/web/leak.txt'));
    const r = await scan(root, helm.path);
    expect(r.stdout + r.stderr).not.toMatch(/secret-from-runner/i);
    expect(r.report.findings).toContainEqual(
      expect.objectContaining({
        rule: 'path-skipped',
        message: expect.stringContaining('outside the chart'),
      }),
    );
  }, 120_000);
});

describe.each(helms)('helm $version network from templates', (helm) => {
  it('getHostByName resolves nothing and lookup finds no cluster (client-only, --enable-dns off)', async () => {
    const dir = tempDir('kots-proxy-sec-helm-dns-');
    writeTree(dir, {
      'c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
      'c/templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  dns: "[{{ getHostByName "localhost" }}]"\n  cluster: "[{{ lookup "v1" "Secret" "kube-system" "" | toJson }}]"\n',
    });
    const r = await renderChart({ chart: join(dir, 'c'), releaseName: 'x', helm: helm.path });
    expect(r.output).toContain('dns: "[]"');
    expect(r.output).toContain('cluster: "[{}]"');
  });
});

describe('the environment helm runs with', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it('holds no token, credential or action input from the runner, and every argument is after `--` or a --flag=value', async () => {
    const dir = tempDir('kots-proxy-sec-helm-env-');
    const dump = join(dir, 'seen');
    mkdirSync(dump);
    // A stand-in helm records the environment and arguments it is given, as a plugin or a
    // post-renderer started by Helm would inherit them.
    const fake = join(dir, 'helm');
    writeFileSync(
      fake,
      `#!/bin/sh\nif [ "$1" = version ]; then printf v3.99.0; exit 0; fi\nenv > ${dump}/env\nfor a in "$@"; do printf '%s\\n' "$a"; done > ${dump}/args\n`,
    );
    chmodSync(fake, 0o755);
    process.env.GITHUB_TOKEN = 'ghs_SECRETTOKEN';
    process.env['INPUT_REGISTRY-AUTH'] = '{"auths":{"x":{"auth":"c2VjcmV0"}}}';
    process.env.ACTIONS_RUNTIME_TOKEN = 'runtime-SECRET';
    process.env.AWS_SECRET_ACCESS_KEY = 'aws-SECRET';
    process.env.DOCKER_CONFIG = '/home/runner/.docker';
    await renderChart({
      chart: join(dir, 'chart.tgz'),
      releaseName: '--post-renderer=/bin/sh',
      namespace: '--set-file=x=/etc/passwd',
      helm: fake,
      values: { a: 1 },
    });
    const env = readFileSync(join(dump, 'env'), 'utf8');
    expect(env).not.toMatch(/SECRET|c2VjcmV0|GITHUB_|INPUT_|ACTIONS_|AWS_|DOCKER_CONFIG/);
    const names = env
      .split('\n')
      .map((l) => l.split('=')[0])
      .filter((n) => n !== '');
    for (const n of names)
      expect(n).toMatch(
        /^(PATH|HOME|XDG_\w+|HELM_\w+|KUBECONFIG|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY|PWD|SHLVL|_)$/,
      );
    const args = readFileSync(join(dump, 'args'), 'utf8').split('\n').slice(0, -1);
    const end = args.indexOf('--');
    expect(end).toBeGreaterThan(0);
    expect(args.slice(end + 1)).toEqual(['--post-renderer=/bin/sh', join(dir, 'chart.tgz')]);
    for (const a of args.slice(1, end)) expect(a).toMatch(/^--[a-z-]+(=|$)/);
    expect(args).toContain('--namespace=--set-file=x=/etc/passwd');
  });
});

// A packaged chart, read by the scanner's archive reader, traced to `<archive>!<chart>/values.yaml`
// origins: the shape the scanner reports positions in. Also: Helm fetches nothing, even when a
// missing dependency names a repository that answers.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartValueLayers,
  isHelmError,
  renderChart,
  renderChartTraced,
  traceImageAt,
} from '../../src/helm/index.js';
import { readChartArchive } from '../../src/scan/helm/archive.js';
import { tempDir, writeTree } from '../helpers/tmp.js';
import { parentChart } from './charts.js';
import { containerImages, requireHelm } from './helm-bins.js';

const root = tempDir('kots-proxy-helm-archive-');
const helm = requireHelm(4);

function pack(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  writeTree(dir, files);
  const out = execFileSync(helm.path, ['package', dir, '--destination', join(root, 'out')], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: root,
      HELM_CACHE_HOME: join(root, 'c'),
      HELM_CONFIG_HOME: join(root, 'g'),
      HELM_DATA_HOME: join(root, 'd'),
    },
  });
  const m = /saved it to: (\S+)/.exec(out);
  if (m?.[1] === undefined) throw new Error(`helm package printed: ${out}`);
  return m[1];
}

describe('archives', () => {
  it('traces images to values files named as the scanner names them', async () => {
    const archive = pack('parent', parentChart);
    const chart = readChartArchive('charts/parent-1.0.0.tgz', readFileSync(archive));
    if ('error' in chart) throw new Error(chart.error);
    const out = await renderChartTraced({
      chart: archive,
      releaseName: 'rel',
      values: { cache: { enabled: true } },
      helm,
      defaults: chartValueLayers(chart).layers,
    });
    const origins = containerImages(out.manifests.map((m) => m.object)).map((loc) => {
      const t = traceImageAt(out, loc);
      if (t.status !== 'traced') throw new Error(t.reason);
      return [loc.image, t.contributions.map((c) => `${c.pathText}@${c.origin}`)];
    });
    expect(Object.fromEntries(origins)).toEqual({
      'docker.io/istio/pilot:1.5.4': [
        'global.hub@charts/parent-1.0.0.tgz!parent/values.yaml',
        'db.image@charts/parent-1.0.0.tgz!parent/values.yaml',
        'global.tag@charts/parent-1.0.0.tgz!parent/values.yaml',
      ],
      'docker.io/istio/proxyv2:1.5.4': [
        'global.hub@charts/parent-1.0.0.tgz!parent/values.yaml',
        'cache.image@charts/parent-1.0.0.tgz!parent/charts/sub/values.yaml',
        'global.tag@charts/parent-1.0.0.tgz!parent/values.yaml',
      ],
      'registry.example.com/acme/web:3.2.1': ['image.repository@charts/parent-1.0.0.tgz!parent/values.yaml'],
    });
  });

  it('fetches nothing for a missing dependency, even from a repository that answers', async () => {
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('apiVersion: v1\nentries: {}\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const dir = join(root, 'needs-local');
      writeTree(dir, {
        'Chart.yaml': `apiVersion: v2\nname: needs-local\nversion: 1.0.0\ndependencies:\n  - name: lib\n    version: 1.0.0\n    repository: http://127.0.0.1:${port}/charts\n`,
        'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      });
      const err = await renderChart({ chart: dir, releaseName: 'rel', helm }).catch((e: unknown) => e);
      expect(isHelmError(err, 'missing-dependency')).toBe(true);
      expect(requests).toEqual([]);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

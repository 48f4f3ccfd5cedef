// The SARIF file is uploaded to code scanning: it leaves the runner. A finding's message may quote
// what a hostile registry or a chart's Helm error said, so it may hold a credential or a token issued
// during the run; the file must pass through the run's redactor in every escaped form JSON gives it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSarif } from '../../src/action/results.js';
import type { Finding, Report } from '../../src/model.js';
import { Redactor, secretForms } from '../../src/redact.js';
import { tempDir } from '../helpers/tmp.js';

const PASSWORD = 'pa"ss\\wörd/+=-123';
const TOKEN = 'tok.ISSUED-during-the-run-4242';

describe('SARIF output', () => {
  it('holds no credential or issued token, in plain, JSON-escaped, base64 or URL-encoded form', async () => {
    const ws = tempDir('kots-proxy-sec-sarif-');
    const message = `helm template charts/web: error: ${PASSWORD} ${TOKEN} ${Buffer.from(`robot:${PASSWORD}`).toString('base64')} ${encodeURIComponent(PASSWORD)}`;
    const finding: Finding = {
      rule: 'helm-chart-render-failed',
      level: 'error',
      file: 'manifests/web.yaml',
      line: 3,
      column: 1,
      message,
    };
    const report: Report = {
      version: 1,
      appSlug: 'acme',
      proxyDomain: 'proxy.replicated.com',
      images: [],
      findings: [finding],
      generated: [],
    };
    const redactor = new Redactor([PASSWORD, `robot:${PASSWORD}`]);
    redactor.add(TOKEN);
    const path = await writeSarif(ws, 'out.sarif', report, (p) => p, redactor.redact);
    const text = readFileSync(path, 'utf8');
    expect(path).toBe(join(ws, 'out.sarif'));
    expect(text).toContain('helm-chart-render-failed');
    for (const s of [PASSWORD, TOKEN, `robot:${PASSWORD}`])
      for (const form of [...secretForms(s), JSON.stringify(s).slice(1, -1)])
        expect(text).not.toContain(form);
  });
});

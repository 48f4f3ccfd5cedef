// The SARIF log validated against the published SARIF 2.1.0 schema (OASIS, draft-04) with ajv, plus
// what GitHub code scanning relies on: one rule per finding rule, partialFingerprints that ignore the
// line, archive-internal paths reported on the archive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { renderSarif } from '../../src/render/sarif.js';
import { RULES } from '../../src/rules.js';

const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
) as object;
// Both packages are CommonJS with `exports.default`; under NodeNext that is how TypeScript sees them.
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const f = (over: Partial<Finding>): Finding => ({
  rule: 'credentials-missing',
  level: 'warning',
  file: 'manifests/api.yaml',
  line: 3,
  column: 14,
  message: '"quay.io/acme/api:1" is private',
  ...over,
});

function report(findings: Finding[]): Report {
  return {
    version: 1,
    appSlug: 'acme',
    proxyDomain: 'proxy.replicated.com',
    images: [],
    findings,
    generated: [],
  };
}

describe('SARIF log', () => {
  const findings = [
    f({}),
    f({ rule: 'invalid-image-reference', level: 'error', line: 9, message: 'bad "quay.io/A:1"' }),
    f({
      rule: 'helm-v2-image-not-proxied',
      file: 'charts/redis 1.tgz!redis/values.yaml',
      line: 40,
      column: 3,
    }),
    f({ rule: 'image-needs-proxy', level: 'notice' }),
  ];

  it('is valid against the SARIF 2.1.0 schema', () => {
    const log = renderSarif(report(findings), { toolVersion: '0.1.0' });
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('an invalid log is rejected by the same validator (the check can fail)', () => {
    const log = renderSarif(report(findings), { toolVersion: '0.1.0' }) as unknown as {
      runs: { results: { level: string }[] }[];
    };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('has one rule per finding rule, with description, help and the default level', () => {
    const log = renderSarif(report([]), { toolVersion: '0.1.0' });
    const rules = log.runs[0]!.tool.driver.rules as {
      id: string;
      shortDescription: { text: string };
      help: { text: string };
      defaultConfiguration: { level: string };
    }[];
    expect(rules.map((r) => r.id)).toEqual(Object.keys(RULES));
    for (const r of rules) {
      const rule = RULES[r.id as keyof typeof RULES];
      expect(r.help.text).toBe(rule.help);
      expect(r.shortDescription.text.toLowerCase()).toBe(`${rule.summary.toLowerCase()}.`);
      expect(r.defaultConfiguration.level).toBe(rule.level === 'notice' ? 'note' : rule.level);
    }
  });

  it('maps levels, points results at their rule, and reports archive files on the archive', () => {
    const log = renderSarif(report(findings), { toolVersion: '0.1.0', uri: (p) => `repo/${p}` });
    const [a, b, c, d] = log.runs[0]!.results;
    expect([a!.level, b!.level, d!.level]).toEqual(['warning', 'error', 'note']);
    expect(Object.keys(RULES)[b!.ruleIndex]).toBe('invalid-image-reference');
    expect(a!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'repo/manifests/api.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 14 },
    });
    expect(c!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'repo/charts/redis%201.tgz', uriBaseId: '%SRCROOT%' },
    });
    expect(c!.message.text).toContain('(in redis/values.yaml, line 40)');
  });

  it('keeps fingerprints when lines move, and tells repeated findings apart', () => {
    const fp = (fs: Finding[]) =>
      renderSarif(report(fs), { toolVersion: '0' }).runs[0]!.results.map(
        (r) => Object.values(r.partialFingerprints)[0],
      );
    const [x] = fp([f({ line: 3 })]);
    const [y] = fp([f({ line: 30 })]);
    expect(x).toBe(y);
    const [p, q] = fp([f({ line: 3 }), f({ line: 8 })]);
    expect(p).not.toBe(q);
    const [other] = fp([f({ file: 'manifests/other.yaml' })]);
    expect(other).not.toBe(x);
  });
});

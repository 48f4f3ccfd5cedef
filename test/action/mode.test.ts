import { describe, expect, it } from 'vitest';
import {
  capCredentialFindings,
  hiddenCredentialsReason,
  parseCommitPolicy,
  runMode,
} from '../../src/action/mode.js';
import type { Finding } from '../../src/model.js';

describe('commit policy', () => {
  it.each([
    ['', 'on-success'],
    ['on-success', 'on-success'],
    ['true', 'on-success'],
    ['TRUE', 'on-success'],
    ['always', 'always'],
    ['never', 'never'],
    ['false', 'never'],
  ])('%j → %s', (value, policy) => {
    expect(parseCommitPolicy(value)).toBe(policy);
  });

  it('names the input and the allowed values on a mistake', () => {
    expect(() => parseCommitPolicy('yes')).toThrow(/input commit must be on-success, always or never.*"yes"/);
  });
});

describe('run mode', () => {
  it.each([
    ['pull_request', true, 'pull-request'],
    ['pull_request_target', true, 'pull-request'],
    ['push', false, 'check'],
    ['merge_group', false, 'check'],
    ['workflow_dispatch', false, 'check'],
    ['schedule', false, 'report'],
  ] as const)('%s → %s', (event, pr, mode) => {
    expect(runMode(event, pr)).toBe(mode);
  });
});

describe('credentials the run cannot see', () => {
  it.each([
    [{ fork: true, actor: 'someone', noCredentials: true }, /fork/],
    [{ fork: false, actor: 'dependabot[bot]', noCredentials: true }, /Dependabot/],
    [{ fork: true, actor: 'someone', noCredentials: false }, undefined],
    [{ fork: false, actor: 'someone', noCredentials: true }, undefined],
  ])('%j', (v, expected) => {
    const reason = hiddenCredentialsReason(v);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });

  it('caps only credential findings at notice', () => {
    const base = { file: 'a.yaml', line: 1, column: 1, message: 'm' };
    const findings: Finding[] = [
      { ...base, rule: 'credentials-missing', level: 'warning' },
      { ...base, rule: 'credentials-rejected', level: 'error' },
      { ...base, rule: 'image-not-found', level: 'error' },
    ];
    const { findings: out, capped } = capCredentialFindings(findings);
    expect(out.map((f) => f.level)).toEqual(['notice', 'notice', 'error']);
    expect(capped).toBe(2);
    expect(findings[0]!.level).toBe('warning'); // the input is not changed
  });
});

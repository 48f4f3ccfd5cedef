// The Octokit client's failure handling through @octokit/plugin-retry and @octokit/plugin-throttling,
// against the loopback double with injected faults: 5xx retried, a secondary rate limit waited out,
// a permission 403 neither retried nor mistaken for a rate limit.
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubPermissionError } from '../../src/github/api.js';
import { createOctokitApi } from '../../src/github/octokit.js';
import { type DoubleOptions, type GitHubDouble, startGitHubDouble } from './double.js';
import { makeRepo } from './git.js';

let double: GitHubDouble | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
});

async function setup(fault: DoubleOptions['fault'], token = 'w') {
  const repo = await makeRepo({ 'a.yaml': 'kind: A\n' }, 'feature', { 'b.yaml': 'kind: B\n' });
  double = await startGitHubDouble({
    bare: repo.bare,
    owner: 'acme',
    repo: 'app',
    writeTokens: ['w'],
    readTokens: ['r'],
    fault,
  });
  const api = createOctokitApi({ token, baseUrl: double.url, owner: 'acme', repo: 'app', retryDelayMs: 0 });
  return { ...repo, api, requests: double.requests };
}

/** Fails the first `n` requests to paths matching `re` with `status`. */
function failFirst(n: number, re: RegExp, status: number, message: string, headers?: Record<string, string>) {
  let left = n;
  return (req: { path: string }) =>
    re.test(req.path) && left-- > 0 ? { status, message, ...(headers ? { headers } : {}) } : undefined;
}

describe('Octokit retries and throttling', () => {
  it('retries 5xx answers and then succeeds', async () => {
    const s = await setup(failFirst(2, /\/git\/ref\//, 502, 'Bad Gateway'));
    expect(await s.api.getBranchSha('feature')).toBe(s.headSha);
    expect(s.requests.filter((r) => r.path.includes('/git/ref/'))).toHaveLength(3);
  });

  it('gives up after the attempts with the operation in the message', async () => {
    const s = await setup(failFirst(10, /\/git\/ref\//, 503, 'Service Unavailable'));
    await expect(s.api.getBranchSha('feature')).rejects.toThrow(/could not read the branch: 503/);
    expect(s.requests.filter((r) => r.path.includes('/git/ref/'))).toHaveLength(3);
  });

  it('waits out a secondary rate limit (retry-after) and succeeds', { timeout: 60_000 }, async () => {
    const s = await setup(
      failFirst(
        1,
        /\/git\/blobs$/,
        403,
        'You have exceeded a secondary rate limit. Please wait a few minutes.',
        { 'retry-after': '1' },
      ),
    );
    const sha = await s.api.createBlob('hello\n');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(s.requests.filter((r) => r.path.endsWith('/git/blobs'))).toHaveLength(2);
  });

  it('does not retry a permission 403 and names the permission', async () => {
    const s = await setup(undefined, 'r');
    const err = await s.api.createBlob('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubPermissionError);
    expect((err as GitHubPermissionError).permission).toBe('contents: write');
    expect(s.requests.filter((r) => r.path.endsWith('/git/blobs'))).toHaveLength(1);
  });
});

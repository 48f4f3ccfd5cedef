// GitHubApi over @actions/github's Octokit with the maintained retry and throttling plugins:
// @octokit/plugin-retry repeats 5xx and network failures (every call we make is safe to repeat:
// blobs/trees are content-addressed, the ref update is a compare-and-swap), and
// @octokit/plugin-throttling spaces writes as GitHub's best practices ask and waits out primary and
// secondary rate limits. What is left here is the error text: which workflow permission is missing.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { errorMessage } from '../util.js';
import type { GitHubApi, TreeChange, TreeEntry } from './api.js';
import { GitHubPermissionError } from './api.js';

export interface OctokitApiOptions {
  token: string;
  /** GITHUB_API_URL; the double's URL in tests. */
  baseUrl: string;
  owner: string;
  repo: string;
  /** Base of the retry back-off (plugin-retry waits base × retry²). 0 in tests. */
  retryDelayMs?: number;
  /** Total tries, the first included. */
  attempts?: number;
}

export type Octokit = ReturnType<typeof getOctokit>;

/** Rate-limit waits we accept before giving up with the rate-limit error. */
const RATE_LIMIT_RETRIES = 2;

export function makeOctokit(options: OctokitApiOptions): Octokit {
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      retry: { retries: (options.attempts ?? 3) - 1, retryAfterBaseValue: options.retryDelayMs ?? 1000 },
      throttle: {
        onRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
          retryCount < RATE_LIMIT_RETRIES,
        onSecondaryRateLimit: (_after: number, _opts: unknown, _o: unknown, retryCount: number) =>
          retryCount < RATE_LIMIT_RETRIES,
      },
    },
    retry,
    throttling,
  );
}

/** What we read from an Octokit RequestError without importing the transitive package. */
interface HttpFailure {
  status: number;
  message: string;
  headers: Record<string, string | undefined>;
}

function asHttpFailure(e: unknown): HttpFailure | undefined {
  if (typeof e !== 'object' || e === null || !('status' in e) || typeof e.status !== 'number')
    return undefined;
  const response = 'response' in e && typeof e.response === 'object' && e.response !== null ? e.response : {};
  const headers = 'headers' in response && typeof response.headers === 'object' ? response.headers : {};
  const message = errorMessage(e);
  return { status: e.status, message, headers: (headers ?? {}) as Record<string, string | undefined> };
}

/** Which permission each operation needs, for the 401/403 message. */
const PERMISSION: Record<string, string> = {
  'list pull request files': 'pull-requests: read',
  'list check runs': 'checks: read',
  'create a check run': 'checks: write',
  'update a check run': 'checks: write',
  default: 'contents: write',
};

/** Runs one API call (the plugins have already retried it) and turns a failure into a clear error. */
export async function apiCall<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e: unknown) {
    throw describe(operation, e, asHttpFailure(e));
  }
}

/** Every file of a pull request, all pages (the pull-request files API pages at 100). */
export function listPullRequestFiles(octokit: Octokit, owner: string, repo: string, pullNumber: number) {
  return apiCall('list pull request files', () =>
    octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }),
  );
}

export function createOctokitApi(options: OctokitApiOptions): GitHubApi {
  const octokit = makeOctokit(options);
  const { owner, repo } = options;

  return {
    async listPullFiles(pullNumber) {
      const files = await listPullRequestFiles(octokit, owner, repo, pullNumber);
      return files.map((f) => f.filename);
    },
    async getBranchSha(branch) {
      const { data } = await apiCall('read the branch', () =>
        octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }),
      );
      return data.object.sha;
    },
    async getCommitTree(commitSha) {
      const { data } = await apiCall('read the head commit', () =>
        octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha }),
      );
      return data.tree.sha;
    },
    async getTree(treeSha, recursive) {
      const { data } = await apiCall('read the head tree', () =>
        octokit.rest.git.getTree({
          owner,
          repo,
          tree_sha: treeSha,
          ...(recursive ? { recursive: '1' } : {}),
        }),
      );
      const entries: TreeEntry[] = [];
      for (const e of data.tree) {
        if (e.path === undefined || e.sha === undefined || e.mode === undefined) continue;
        if (e.type !== 'blob' && e.type !== 'tree' && e.type !== 'commit') continue;
        entries.push({ path: e.path, mode: e.mode, type: e.type, sha: e.sha });
      }
      return { entries, truncated: data.truncated };
    },
    async getBlob(sha) {
      const { data } = await apiCall('read a blob', () =>
        octokit.rest.git.getBlob({ owner, repo, file_sha: sha }),
      );
      return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
    },
    async createBlob(content) {
      const { data } = await apiCall('create a blob', () =>
        octokit.rest.git.createBlob({ owner, repo, content, encoding: 'utf-8' }),
      );
      return data.sha;
    },
    async createTree(baseTree, changes: TreeChange[]) {
      const { data } = await apiCall('create a tree', () =>
        octokit.rest.git.createTree({ owner, repo, base_tree: baseTree, tree: changes }),
      );
      return data.sha;
    },
    async createCommit(message, tree, parents) {
      const { data } = await apiCall('create a commit', () =>
        octokit.rest.git.createCommit({ owner, repo, message, tree, parents }),
      );
      return data.sha;
    },
    async updateBranch(branch, sha) {
      try {
        await apiCall('update the branch', () =>
          octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: false }),
        );
        return 'updated';
      } catch (e: unknown) {
        // GitHub answers 422 "Update is not a fast forward" when the branch moved since we read it.
        if (e instanceof ApiCallError && e.status === 422) return 'not-fast-forward';
        throw e;
      }
    },
  };
}

/** Any other API failure, with the operation and status in the message. */
class ApiCallError extends Error {
  override name = 'ApiCallError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function describe(operation: string, e: unknown, failure: HttpFailure | undefined): Error {
  if (failure === undefined) {
    return new Error(`GitHub API: could not ${operation}: ${errorMessage(e)}`);
  }
  const rateLimited =
    failure.status === 429 ||
    (failure.status === 403 &&
      (failure.headers['x-ratelimit-remaining'] === '0' || failure.headers['retry-after'] !== undefined));
  if (rateLimited) {
    return new ApiCallError(
      `GitHub API rate limit hit while trying to ${operation}; re-run the job later`,
      403,
    );
  }
  if (failure.status === 401) {
    return new GitHubPermissionError(
      `GitHub API answered 401 when trying to ${operation}: the token input is missing or invalid ` +
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a JS template
        '(the default is ${{ github.token }})',
    );
  }
  if (failure.status === 403) {
    const permission = PERMISSION[operation] ?? PERMISSION.default;
    return new GitHubPermissionError(
      `GitHub API answered 403 when trying to ${operation} (${failure.message}). ` +
        `The token needs \`${permission}\`: add \`permissions: { contents: write, pull-requests: read, checks: write }\` ` +
        'to the job, or pass a token that has them in the token input.',
      permission,
    );
  }
  return new ApiCallError(
    `GitHub API: could not ${operation}: ${failure.status} ${failure.message}`,
    failure.status,
  );
}

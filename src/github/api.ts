// The small slice of the GitHub REST API the action uses, behind an interface so the commit logic can
// be driven by the real client against a loopback double (test/github/double.ts) or by a fake.
import { UsageError } from '../model.js';

/** One entry of a git tree as the API returns it (`path` is relative to the listed tree). */
export interface TreeEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
}

/** A change for `POST git/trees` on top of `base_tree`: a new blob, or `sha: null` to delete a path. */
export interface TreeChange {
  path: string;
  mode: '100644' | '100755';
  type: 'blob';
  sha: string | null;
}

/** Every call is scoped to one repository, chosen when the client is made. */
export interface GitHubApi {
  /** Paths (repo-relative) of the files a pull request changes, all pages. */
  listPullFiles(pullNumber: number): Promise<string[]>;
  /** Current commit of `refs/heads/<branch>`. */
  getBranchSha(branch: string): Promise<string>;
  /** Root tree of a commit. */
  getCommitTree(commitSha: string): Promise<string>;
  getTree(treeSha: string, recursive: boolean): Promise<{ entries: TreeEntry[]; truncated: boolean }>;
  /** A blob's content as UTF-8 text. */
  getBlob(sha: string): Promise<string>;
  /** Uploads UTF-8 text; returns the blob id. */
  createBlob(content: string): Promise<string>;
  createTree(baseTree: string, changes: TreeChange[]): Promise<string>;
  /** No author/committer is passed, so GitHub signs the commit and marks it verified. */
  createCommit(message: string, tree: string, parents: string[]): Promise<string>;
  /** Moves the branch with `force: false`; a 422 "not a fast forward" comes back as 'not-fast-forward'. */
  updateBranch(branch: string, sha: string): Promise<'updated' | 'not-fast-forward'>;
}

/** The token lacks a permission the workflow can grant: a user mistake, with the fix in the message. */
export class GitHubPermissionError extends UsageError {
  override name = 'GitHubPermissionError';
  /** The permission the token lacks (a 403), e.g. `contents: write`; undefined for a bad token (401). */
  constructor(
    message: string,
    readonly permission?: string,
  ) {
    super(message);
  }
}

// Generated files → at most one verified commit on the pull request's head branch, made with the Git
// database API (blobs, tree on base_tree, commit, ref PATCH with force: false), never overwriting
// anything: if the branch is not where the event said, or moves while we work, we skip.

import { isGeneratedFile } from '../generated.js';
import type { Logger } from '../model.js';
import { compareText } from '../util.js';
import type { GitHubApi, TreeChange, TreeEntry } from './api.js';
import { gitBlobSha } from './blob.js';

export interface CommitRequest {
  api: GitHubApi;
  /** Head branch name (no refs/heads/). */
  branch: string;
  /** `pull_request.head.sha`: the only commit we build on. */
  headSha: string;
  /** Output directory, repo-relative with `/` separators, no trailing slash. */
  outDir: string;
  /** Generated files, repo-relative paths, all under outDir. */
  files: { path: string; content: string }[];
  message: string;
  /** Decides whether an existing file under outDir that this run no longer produces was generated
   *  (and is deleted). Default: as writeGeneratedFiles (src/output.ts) decides on disk:
   *  isGeneratedFile (src/generated.ts); hand-written files stay. */
  isGenerated?: (path: string, content: () => Promise<string>) => Promise<boolean>;
  logger: Logger;
}

export type CommitOutcome =
  | { kind: 'committed'; sha: string; written: string[]; deleted: string[] }
  | { kind: 'skipped'; reason: 'unchanged' | 'head-moved'; detail: string };

function generatedIn(outDir: string) {
  return async (path: string, content: () => Promise<string>): Promise<boolean> => {
    return isGeneratedFile(path.slice(outDir.length + 1), content);
  };
}

export async function commitGeneratedFiles(req: CommitRequest): Promise<CommitOutcome> {
  const { api, branch, headSha, logger } = req;
  for (const f of req.files) {
    if (!f.path.startsWith(`${req.outDir}/`))
      throw new Error(`generated file ${f.path} is outside ${req.outDir}`);
  }
  const current = await api.getBranchSha(branch);
  if (current !== headSha) {
    return {
      kind: 'skipped',
      reason: 'head-moved',
      detail: `branch ${branch} is at ${current.slice(0, 7)}, not at the event's head ${headSha.slice(0, 7)}`,
    };
  }
  const rootTree = await api.getCommitTree(headSha);
  const existing = await listUnder(api, rootTree, req.outDir);

  const changes: TreeChange[] = [];
  const written: string[] = [];
  const wanted = new Map<string, string>();
  for (const f of [...req.files].sort((a, b) => compareText(a.path, b.path))) {
    const sha = gitBlobSha(f.content);
    wanted.set(f.path, f.content);
    const old = existing.get(f.path);
    if (old && old.type !== 'blob')
      throw new Error(`cannot write ${f.path}: the head tree has a ${old.type} there`);
    if (old?.sha === sha) continue;
    changes.push({ path: f.path, mode: '100644', type: 'blob', sha });
    written.push(f.path);
  }
  const isGenerated = req.isGenerated ?? generatedIn(req.outDir);
  const deleted: string[] = [];
  for (const e of [...existing.values()].sort((a, b) => compareText(a.path, b.path))) {
    if (e.type !== 'blob' || wanted.has(e.path)) continue;
    if (await isGenerated(e.path, () => api.getBlob(e.sha))) deleted.push(e.path);
  }
  for (const path of deleted) changes.push({ path, mode: '100644', type: 'blob', sha: null });

  if (changes.length === 0) {
    return {
      kind: 'skipped',
      reason: 'unchanged',
      detail: `${req.outDir} at ${headSha.slice(0, 7)} is up to date`,
    };
  }

  for (const change of changes) {
    if (change.sha === null) continue;
    const uploaded = await api.createBlob(wanted.get(change.path) ?? '');
    // Both sides hash the same bytes; a mismatch means the content was re-encoded on the way.
    if (uploaded !== change.sha) {
      throw new Error(`blob for ${change.path} came back as ${uploaded}, expected ${change.sha}`);
    }
  }
  const tree = await api.createTree(rootTree, changes);
  if (tree === rootTree) {
    return { kind: 'skipped', reason: 'unchanged', detail: 'the new tree equals the head tree' };
  }
  const commit = await api.createCommit(req.message, tree, [headSha]);
  const moved = await api.updateBranch(branch, commit);
  if (moved === 'not-fast-forward') {
    return {
      kind: 'skipped',
      reason: 'head-moved',
      detail: `branch ${branch} moved while the commit was being made (not a fast-forward); nothing was overwritten`,
    };
  }
  logger.info(`Committed ${written.length} file(s), deleted ${deleted.length}, as ${commit} on ${branch}`);
  return { kind: 'committed', sha: commit, written, deleted };
}

/** Entries below `dir` in the tree, keyed by repo-relative path. Walks one level per path component,
 *  then lists only that subtree recursively, so a huge repository cannot truncate the listing. */
async function listUnder(api: GitHubApi, rootTree: string, dir: string): Promise<Map<string, TreeEntry>> {
  const out = new Map<string, TreeEntry>();
  let tree = rootTree;
  for (const part of dir.split('/')) {
    const { entries } = await api.getTree(tree, false);
    const next = entries.find((e) => e.path === part);
    if (!next) return out; // the directory does not exist yet
    if (next.type !== 'tree')
      throw new Error(`cannot write into ${dir}: the head tree has a ${next.type} at ${part}`);
    tree = next.sha;
  }
  const { entries, truncated } = await api.getTree(tree, true);
  if (truncated)
    throw new Error(`the listing of ${dir} in the head tree was truncated; it holds too many files`);
  for (const e of entries) out.set(`${dir}/${e.path}`, { ...e, path: `${dir}/${e.path}` });
  return out;
}

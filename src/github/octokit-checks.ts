// ChecksApi and the pull request patches over the same Octokit (retry and throttling plugins) as the
// Git database calls, with the same error messages.
import type { PullPatch } from './changed-lines.js';
import type { CheckRunOutput, ChecksApi } from './checks.js';
import { apiCall, listPullRequestFiles, makeOctokit, type OctokitApiOptions } from './octokit.js';

export interface PullPatchApi {
  /** Every file of the pull request with its unified diff (`patch`; absent for binary or huge files). */
  listPullPatches(pullNumber: number): Promise<PullPatch[]>;
}

export function createChecksApi(options: OctokitApiOptions): ChecksApi & PullPatchApi {
  const octokit = makeOctokit(options);
  const { owner, repo } = options;
  const out = (o: CheckRunOutput) => ({
    title: o.title,
    summary: o.summary,
    ...(o.annotations ? { annotations: o.annotations } : {}),
  });
  return {
    async findCheckRun(sha, name) {
      const { data } = await apiCall('list check runs', () =>
        octokit.rest.checks.listForRef({ owner, repo, ref: sha, check_name: name, filter: 'latest' }),
      );
      const run = data.check_runs.find((r) => r.name === name && r.head_sha === sha);
      return run ? { id: run.id, annotationsCount: run.output.annotations_count } : undefined;
    },
    async createCheckRun(run) {
      const { data } = await apiCall('create a check run', () =>
        octokit.rest.checks.create({
          owner,
          repo,
          name: run.name,
          head_sha: run.headSha,
          status: 'completed',
          conclusion: run.conclusion,
          output: out(run.output),
          ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
        }),
      );
      return data.id;
    },
    async updateCheckRun(id, run) {
      await apiCall('update a check run', () =>
        octokit.rest.checks.update({
          owner,
          repo,
          check_run_id: id,
          status: 'completed',
          conclusion: run.conclusion,
          output: out(run.output),
        }),
      );
    },
    async listPullPatches(pullNumber) {
      const files = await listPullRequestFiles(octokit, owner, repo, pullNumber);
      return files.map((f) => ({
        filename: f.filename,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
      }));
    },
  };
}

// The shared pipeline words its messages for the CLI (`--private-registry`); in the action the same
// setting is an input (`private-registries`), and a message must name what the user can change.
import type { NotesInput } from '../github/summary-notes.js';
import type { Report } from '../model.js';
import type { RunContext } from './event.js';
import type { ActionInputs } from './inputs.js';
import { capCredentialFindings, hiddenCredentialsReason } from './mode.js';

const FLAG_TO_INPUT: [RegExp, string][] = [
  [/--private-registry\b/g, 'the private-registries input'],
  [/--public-registry\b/g, 'the public-registries input'],
  [/--insecure-registry\b/g, 'the insecure-registries input'],
  [/--registry-auth\b/g, 'the registry-auth input'],
  [/--proxy-domain\b/g, 'the proxy-domain input'],
  [/--registry-domain\b/g, 'the registry-domain input'],
  [/--fail-on\b/g, 'the fail-on input'],
  [/--out\b/g, 'the output-dir input'],
];

export function inputWording(text: string): string {
  let out = text;
  for (const [re, input] of FLAG_TO_INPUT) out = out.replace(re, input);
  return out;
}

/** The report with finding messages and image reasons in the action's words. */
function reportForAction(report: Report): Report {
  return {
    ...report,
    images: report.images.map((i) => (i.reason ? { ...i, reason: inputWording(i.reason) } : i)),
    findings: report.findings.map((f) => ({ ...f, message: inputWording(f.message) })),
  };
}

/** The report in the action's words; credential findings capped when the run cannot see secrets. */
export function actionReport(
  pipelineReport: Report,
  inputs: ActionInputs,
  ctx: RunContext,
  env: NodeJS.ProcessEnv,
): { report: Report; notes: NotesInput } {
  let report = reportForAction(pipelineReport);
  // Forks and Dependabot get no Actions secrets: "credentials missing" says nothing about the release.
  const hidden = hiddenCredentialsReason({
    fork: ctx.pullRequest?.fork ?? false,
    actor: env.GITHUB_ACTOR ?? '',
    noCredentials: inputs.credentials.size === 0,
  });
  const notes: NotesInput = { findings: [], failing: 0, failOn: inputs.failOn, outputDir: inputs.outputDir };
  if (hidden) {
    const c = capCredentialFindings(report.findings);
    report = { ...report, findings: c.findings };
    notes.hiddenCredentials = { reason: hidden, capped: c.capped };
  }
  notes.findings = report.findings;
  return { report, notes };
}

// Typed failures of a Helm render, so that the scanner can turn each into a finding at the HelmChart
// CR (a missing dependency, a chart Helm refuses) or into a notice (no usable helm binary).

export type HelmErrorCode =
  /** No helm binary at the given path or on PATH. */
  | 'helm-not-found'
  /** A helm binary whose version is neither 3.x nor 4.x. */
  | 'helm-unsupported-version'
  /** Chart.yaml declares a dependency that charts/ does not vendor (Helm must not fetch it). */
  | 'missing-dependency'
  /** The render ran past its time budget and was killed. */
  | 'timeout'
  /** The render printed more than its output budget and was killed. */
  | 'output-too-large'
  /** Helm ran and refused the chart or its values (template error, `required`, schema...). */
  | 'render-failed'
  /** The values could not be written as a values file (a cycle, a value JSON cannot hold). */
  | 'bad-values';

export class HelmError extends Error {
  override readonly name = 'HelmError';
  constructor(
    readonly code: HelmErrorCode,
    message: string,
    /** Helm's own error output, trimmed, when Helm ran. */
    readonly stderr = '',
  ) {
    super(message);
  }
}

export function isHelmError(e: unknown, code?: HelmErrorCode): e is HelmError {
  return e instanceof HelmError && (code === undefined || e.code === code);
}

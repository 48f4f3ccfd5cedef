// How the two passes' results make one verdict: only a manifest returned to the anonymous pass makes
// an image public; the credentialed pass then tells ok from rejected and missing from private.
import type { AccessVerdict } from '../model.js';
import type { ProbeResult } from './client.js';

/** Combines the two passes into the verdict of docs/interface.md. */
export function verdictOf(anonymous: ProbeResult, credentialed: ProbeResult | undefined): AccessVerdict {
  if (anonymous.kind === 'found') return { status: 'public', credentials: 'not-checked' };
  if (credentialed === undefined) {
    return { status: statusOf(anonymous), credentials: 'none', reason: anonymous.reason };
  }
  switch (credentialed.kind) {
    case 'found':
      // Anonymous failed to prove anything; the image is not public as far as anyone can tell.
      return {
        status: anonymous.kind === 'failed' ? anonymous.status : 'private',
        credentials: 'ok',
        reason: anonymous.reason,
      };
    case 'missing':
      return { status: 'not-found', credentials: 'ok', reason: credentialed.reason };
    case 'denied':
      return { status: 'private', credentials: 'rejected', reason: credentialed.reason };
    case 'failed':
      return { status: credentialed.status, credentials: 'not-checked', reason: credentialed.reason };
    case 'withheld':
      return { status: statusOf(anonymous), credentials: 'not-checked', reason: credentialed.reason };
  }
}

/** The status a failed anonymous probe stands for: registries answer "missing" like "private". */
function statusOf(probe: Exclude<ProbeResult, { kind: 'found' }>): AccessVerdict['status'] {
  if (probe.kind === 'failed') return probe.status;
  return probe.kind === 'missing' ? 'not-found' : 'private';
}

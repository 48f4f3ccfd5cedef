// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import { isKotsKind } from '../../src/kots/kinds.js';

describe('isKotsKind (pkg/kotsutil/kots.go IsKotsKind)', () => {
  it.each([
    ['velero.io/v1', 'Backup', true],
    ['velero.io/v1', 'Restore', true],
    ['velero.io/v1', 'Schedule', false],
    ['kots.io/v1beta1', 'Config', true],
    ['kots.io/v1beta2', 'HelmChart', true],
    ['kots.io/v1', 'Anything', false],
    ['troubleshoot.sh/v1beta2', 'Preflight', true],
    ['troubleshoot.sh/v1beta1', 'Preflight', false],
    ['troubleshoot.replicated.com/v1beta1', 'Collector', true],
    ['cluster.kurl.sh/v1beta1', 'Installer', true],
    ['kurl.sh/v1beta1', 'Installer', true],
    ['embeddedcluster.replicated.com/v1beta1', 'Config', true],
    ['app.k8s.io/v1beta1', 'Application', true],
    ['app.k8s.io/v1beta2', 'Application', false],
    ['apps/v1', 'Deployment', false],
    [undefined, 'Deployment', false],
  ])('%s %s → %s', (apiVersion, kind, expected) => {
    expect(isKotsKind(apiVersion, kind)).toBe(expected);
  });
});

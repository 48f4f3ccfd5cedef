// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import { getsPullSecret, pullSecretName, pullSecretPodSpecPath } from '../../src/kots/pull-secrets.js';

describe('pull secrets (pkg/base/base.go FindImages, pkg/k8sdoc/types.go, pkg/midstream/write.go)', () => {
  it('names the secret after the app, or the useHelmInstall chart directory', () => {
    expect(pullSecretName('app')).toBe('app-registry');
    // GetDirName: releaseName, else the CR's metadata.name (not the chart name)
    expect(pullSecretName('app', { name: 'redis-cr' })).toBe('app-redis-cr-registry');
    expect(pullSecretName('app', { name: 'redis-cr', releaseName: 'cache' })).toBe('app-cache-registry');
  });
  it('patches by kind where PatchWithPullSecret writes', () => {
    expect(pullSecretPodSpecPath('Pod')).toEqual(['spec']);
    expect(pullSecretPodSpecPath('CronJob')).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
    expect(pullSecretPodSpecPath('StatefulSet')).toEqual(['spec', 'template', 'spec']);
  });
  it('patches any object with a container, image private or not', () => {
    expect(getsPullSecret(1)).toBe(true);
    expect(getsPullSecret(0)).toBe(false);
  });
});

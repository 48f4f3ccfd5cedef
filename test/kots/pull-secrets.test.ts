// Table tests of the pure KOTS rules in src/kots/, each against the replicatedhq/kots code it mirrors.
import { describe, expect, it } from 'vitest';
import {
  getsPullSecret,
  helmSubBase,
  pullSecretName,
  pullSecretPodSpecPath,
  useHelmInstallSecrets,
} from '../../src/kots/pull-secrets.js';
import { type HelmChartInfo, KOTS_API_V1 } from '../../src/model-scan.js';

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

describe('useHelmInstall sub-bases (pkg/base/helm.go writeHelmBase, pkg/base/replicated.go extractHelmBases)', () => {
  it.each([
    ['my-chart/templates/pod.yaml', undefined],
    ['my-chart/crds/crd.yaml', 'crds'],
    ['my-chart/charts/sub/templates/cm.yaml', 'sub'],
    ['my-chart/charts/sub/charts/subsub/templates/pod.yaml', 'subsub'],
    ['my-chart/charts/sub/crds/crd.yaml', 'crds'],
    // `charts/<x>` only splits off a sub-base when something lies below it (SplitN(…, 3) has 3 parts)
    ['my-chart/charts/notes.yaml', undefined],
    ['my-chart/templates/crds/x.yaml', undefined],
  ])('%s → %s', (source, want) => {
    expect(helmSubBase(source)).toBe(want);
  });

  it('gives each sub-base its own secret; the crds base lies in the app namespace', () => {
    const chart: HelmChartInfo = {
      file: 'c.yaml',
      apiVersion: KOTS_API_V1,
      name: 'cr',
      chartName: 'my-chart',
      releaseName: 'rel',
      namespace: 'ns',
      useHelmInstall: true,
      subBases: ['crds', 'sub', 'subsub'],
      pos: { file: 'c.yaml', line: 1, column: 1 },
      passesPullSecret: false,
    };
    expect(pullSecretName('app', chart, 'sub')).toBe('app-sub-registry');
    expect(useHelmInstallSecrets([chart], 'app')).toEqual([
      { name: 'app-crds-registry' },
      { name: 'app-rel-registry', namespace: 'ns' },
      { name: 'app-sub-registry', namespace: 'ns' },
      { name: 'app-subsub-registry', namespace: 'ns' },
    ]);
  });
});

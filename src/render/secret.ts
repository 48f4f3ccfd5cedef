// Plan → the pull-secret template. It holds only KOTS template functions, never a credential: KOTS fills
// `LicenseDockerCfg` from the customer's license at install time.
import { posix } from 'node:path';
import { GENERATED_HEADER } from '../generated.js';
import type { GeneratedFile, Plan } from '../model.js';
import { q } from './kustomize.js';

const PULL_SECRET_FILE = 'pull-secret.yaml';

/** One Secret for the app's namespace and one for each additional namespace that runs a proxied image. */
export function renderPullSecret(plan: Plan, outDir: string): GeneratedFile {
  const name = `${plan.effective.appSlug}-registry`;
  const secret = (namespace?: string, secretName = name): string =>
    [
      'apiVersion: "v1"',
      'kind: "Secret"',
      'metadata:',
      `  name: ${q(secretName)}`,
      ...(namespace ? [`  namespace: ${q(namespace)}`] : []),
      'type: "kubernetes.io/dockerconfigjson"',
      'data:',
      `  .dockerconfigjson: ${q('{{repl LicenseDockerCfg }}')}`,
    ].join('\n');
  const header = [
    GENERATED_HEADER,
    `# The image pull secret KOTS creates from the customer license (referenced as '{{repl ImagePullSecretName }}').`,
    '# KOTS renders LicenseDockerCfg at install time; this file never holds a credential.',
  ].join('\n');
  const docs = [
    secret(),
    ...plan.overlay.secretNamespaces.map((ns) => secret(ns)),
    // v1 charts with useHelmInstall: their own midstream's secret, in the chart's namespace.
    ...plan.overlay.chartSecrets.map((s) => secret(s.namespace, s.name)),
  ];
  return { path: posix.join(outDir, PULL_SECRET_FILE), content: `${header}\n${docs.join('\n---\n')}\n` };
}

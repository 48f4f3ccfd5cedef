// Plan → the pull-secret template. It holds only KOTS template functions, never a credential: KOTS fills
// `LicenseDockerCfg` from the customer's license at install time.
import { posix } from 'node:path';
import { GENERATED_HEADER } from '../generated.js';
import type { GeneratedFile } from '../model.js';
import type { Plan } from '../model-plan.js';
import { doubleQuoted as q } from './yaml-scalar.js';

const PULL_SECRET_FILE = 'pull-secret.yaml';

/** pkg/docker/registry/registry.go PullSecretForRegistries: a midstream's secret.yaml holds the app
 *  secret and `kotsadm-replicated-registry`, with the same data; KOTS copies both into each listed
 *  additional namespace at deploy time. Vendors reference either name. */
const ADMIN_CONSOLE_SECRET = 'kotsadm-replicated-registry';

/** Both secrets for the app's namespace and each additional namespace, and each useHelmInstall chart's
 *  own secret (with its `kotsadm-replicated-registry`) in the chart's namespace; no object twice. */
export function renderPullSecret(plan: Plan, outDir: string): GeneratedFile {
  const name = `${plan.effective.appSlug}-registry`;
  const secret = (namespace: string | undefined, secretName: string): string =>
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
    `# The image pull secrets KOTS creates from the customer license: '{{repl ImagePullSecretName }}' and ${ADMIN_CONSOLE_SECRET}.`,
    '# KOTS renders LicenseDockerCfg at install time; this file never holds a credential.',
  ].join('\n');
  const wanted: Array<[string | undefined, string]> = [];
  for (const ns of [undefined, ...plan.overlay.secretNamespaces]) {
    wanted.push([ns, name], [ns, ADMIN_CONSOLE_SECRET]);
  }
  for (const s of plan.overlay.chartSecrets) {
    wanted.push([s.namespace, s.name], [s.namespace, ADMIN_CONSOLE_SECRET]);
  }
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const [ns, secretName] of wanted) {
    const key = `${ns ?? ''}/${secretName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    docs.push(secret(ns, secretName));
  }
  return { path: posix.join(outDir, PULL_SECRET_FILE), content: `${header}\n${docs.join('\n---\n')}\n` };
}

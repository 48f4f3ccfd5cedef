// Description and help text of each finding rule for SARIF's `tool.driver.rules`. The levels come
// from RULE_LEVELS; the texts say what the rule means for a KOTS install and what to do about it.
import { RULE_LEVELS, type RuleId } from '../model.js';

export interface RuleText {
  /** One sentence: what the rule reports. */
  description: string;
  /** What to do about it. */
  help: string;
}

export const RULE_TEXT: Record<RuleId, RuleText> = {
  'image-needs-proxy': {
    description: 'KOTS will pull this image through the Replicated proxy service.',
    help: 'Nothing to fix: the generated overlay shows the proxied name. Make sure the proxy service has read-only credentials for the registry.',
  },
  'credentials-missing': {
    description: 'The image is private and no registry credentials were given for its registry.',
    help: 'Give the proxy service read-only credentials for this registry in the Vendor Portal, and pass them as registry-auth (--registry-auth) to check the image.',
  },
  'credentials-rejected': {
    description: 'The registry refused the credentials given for this image (401/403).',
    help: 'Check the read-only credentials for this registry; the proxy service would be refused the same way.',
  },
  'image-not-found': {
    description: 'The registry answered that this image or tag does not exist.',
    help: 'Fix the repository name or tag, or push the image before releasing.',
  },
  'image-unreachable': {
    description: 'The registry could not be reached (timeout, DNS, TLS or a server error).',
    help: 'Check that the registry is reachable from the internet; the proxy service must reach it too.',
  },
  'rate-limited': {
    description: 'The registry kept rate-limiting the checks of this image.',
    help: 'Re-run later or pass credentials for the registry; the image was not checked.',
  },
  'invalid-image-reference': {
    description: 'The image string is not a valid image reference.',
    help: 'Write the reference as [registry/]repository[:tag][@digest], lowercase repository path.',
  },
  'dynamic-image': {
    description: 'The image is a KOTS template only KOTS can resolve at install time.',
    help: 'Wrap literal images in LocalImageName or list them in additionalImages so they can be checked.',
  },
  'namespace-not-in-additional-namespaces': {
    description: 'A workload with a proxied image runs in a namespace the Application does not list.',
    help: 'Add the namespace to the Application spec.additionalNamespaces so KOTS creates the pull secret there.',
  },
  'image-not-rewritten-by-kots': {
    description: 'KOTS does not rewrite the image at this place (for example ephemeralContainers).',
    help: 'Use the proxied name directly, or apply the generated overlay.',
  },
  'operator-image-reference': {
    description:
      'An image outside any PodSpec (env value, argument, custom resource field) that KOTS does not rewrite.',
    help: 'Write it as {{repl LocalImageName "IMAGE" }} and list the image in the Application additionalImages.',
  },
  'helm-v2-image-not-proxied': {
    description: 'A HelmChart v2 chart image that no value points at the proxy service.',
    help: 'Set the chart value to the proxied name in the HelmChart values (see the generated values file).',
  },
  'helm-v2-missing-pull-secret': {
    description: 'A HelmChart v2 passes no value with the KOTS image pull secret.',
    help: "Pass '{{repl ImagePullSecretName }}' in the chart's imagePullSecrets value.",
  },
  'proxy-reference-mismatch': {
    description: 'The image already names a proxy, but for another application or proxy domain.',
    help: 'Use the proxy domain and application slug of this application, or the upstream image name.',
  },
  'yaml-parse-error': {
    description: 'The file is not valid YAML; KOTS would refuse the release.',
    help: 'Fix the YAML syntax at the given line.',
  },
  'overlay-excluded-document': {
    description: 'A document the generated overlay cannot include (no kind, no name, or a duplicate).',
    help: 'Give the document a kind and a unique metadata.name.',
  },
  'dynamic-namespace': {
    description: 'A namespace given as a KOTS template: only KOTS can tell whether it is covered.',
    help: 'Make sure every namespace the template can produce is in additionalNamespaces.',
  },
  'path-skipped': {
    description:
      'A path was skipped while walking the release (symlink out of the tree, loop, unreadable file).',
    help: 'Keep release files inside the release directory and readable.',
  },
  'overlay-cannot-rewrite': {
    description: 'kustomize cannot match this image by name (an IPv6 registry), so no overlay rewrites it.',
    help: 'Use a registry host name instead of an IPv6 address.',
  },
};

export function ruleIds(): RuleId[] {
  return Object.keys(RULE_LEVELS) as RuleId[];
}

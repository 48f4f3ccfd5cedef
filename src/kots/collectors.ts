// Images that preflight and support-bundle collectors run. Mirrors replicatedhq/kots:
// - pkg/kotsutil/kots.go `GetImagesFromKotsKinds` lists, for SupportBundle, Collector and Preflight
//   specs, the image of every `collect.ImageRunner` collector and the containers and initContainers
//   of every `collect.PodSpecRunner` one, skipping templated images (`repl{{`, `{{repl`); those go to
//   the Installation's known images (pkg/midstream/write.go → `UpdateInstallationImages`) with their
//   private check, and to air-gap bundles.
// - pkg/registry/troubleshoot.go `updateCollectorsWithProxyRegistryData` (called by pkg/preflight and
//   pkg/supportbundle when they run) rewrites a collector image that is a known *private* image to
//   the proxy and gives the collector an `imagePullSecret` built from the license; a `runPod`
//   collector always gets that secret.
// Troubleshoot's ImageRunner collectors are `run`, `copyFromHost`, `sysctl` and `collectd`; `runPod`
// is its PodSpecRunner (replicatedhq/troubleshoot pkg/collect/interfaces.go).

import { makeProxiedImageURL, stripTagAndDigest } from './proxy-name.js';

/** Collector keys whose `image` field runs a pod. */
export const IMAGE_RUNNER_COLLECTORS: readonly string[] = ['run', 'copyFromHost', 'sysctl', 'collectd'];
/** Collector keys with a full PodSpec under `podSpec`. */
export const POD_SPEC_RUNNER_COLLECTORS: readonly string[] = ['runPod'];

/** Kinds whose `spec.collectors` KOTS reads: KotsKinds keeps `troubleshoot.sh/v1beta2` SupportBundle,
 *  Collector and Preflight (pkg/kotsutil/kots.go); the older troubleshoot.replicated.com/v1beta1
 *  kinds are not decoded into them. */
export function isCollectorSpec(apiVersion: string, kind: string): boolean {
  if (apiVersion !== 'troubleshoot.sh/v1beta2') return false;
  return kind === 'Preflight' || kind === 'SupportBundle' || kind === 'Collector';
}

/** `GetImagesFromKotsKinds` keeps only literal images. */
export function listedForKnownImages(image: string): boolean {
  return image !== '' && !image.includes('repl{{') && !image.includes('{{repl');
}

/** The `rewrite` closure of `updateCollectorsWithProxyRegistryData`: images on the Replicated
 *  registry keep their name; others get MakeProxiedImageURL plus the text after the image's last `:`
 *  (meant to be the tag). */
export function collectorProxyRewrite(
  image: string,
  proxyHost: string,
  registryHost: string,
  appSlug: string,
): string {
  if (image.split('/')[0] === registryHost) return image;
  const parts = image.split(':');
  let out = makeProxiedImageURL(proxyHost, appSlug, image);
  if (parts.length > 1) out = `${out}:${parts[parts.length - 1]}`;
  return out;
}

/** What a correct rewrite would give: the proxied name with the image's own tag and digest. */
export function intendedProxyRewrite(image: string, proxyHost: string, appSlug: string): string {
  const name = stripTagAndDigest(image);
  return `${makeProxiedImageURL(proxyHost, appSlug, image)}${image.slice(name.length)}`;
}

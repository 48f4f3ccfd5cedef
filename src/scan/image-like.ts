// Does a string outside a PodSpec's `image` field name an image? Operators pass images through env vars,
// args and custom resource fields, where KOTS does not look. A false positive makes noise on every pull request, so
// a value must be a valid reference AND look like one (see `looksLikeImage`).
import { parseReference } from '../reference.js';

/** How strong the surrounding signal is. `anywhere`: a bare env value or arg item, no hint at all.
 *  `named`: an env var named `RELATED_IMAGE_*` / `*_IMAGE`, or a custom resource `*Image` field.
 *  `image-field`: a custom resource field called exactly `image`. */
export type ImageHint = 'anywhere' | 'named' | 'image-field';

// Characters no reference contains; `://` marks a URL.
const NEVER_IN_IMAGE = /[\s=,;"'<>{}|\\]|:\/\//;

/** `anywhere`: a valid reference whose first component is a registry (has `.` or `:`, or is `localhost`)
 *  followed by a path (`quay.io/x/y`, `localhost:5000/x`). `named` also accepts a Docker Hub name with a
 *  `/` and an explicit tag or digest (`bitnami/redis:7`); not `nginx:1.25`, which reads like `host:port`.
 *  `image-field` accepts any valid reference. */
export function looksLikeImage(value: string, hint: ImageHint): boolean {
  // Cheap rejections first: whitespace, URLs, flags, paths, assignments never name an image.
  if (value.length < 2 || value.length > 512) return false;
  const c0 = value.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 47 /* / */ || c0 === 46 /* . */) return false;
  if (NEVER_IN_IMAGE.test(value)) return false;
  const parsed = parseReference(value);
  if (!parsed.ok) return false;
  const { domain, path, tag, digest } = parsed.ref;
  if (domain !== undefined && path.length > 0 && isRegistryDomain(domain)) return true;
  if (hint === 'anywhere') return false;
  if (hint === 'image-field') return true;
  return domain === undefined && path.includes('/') && (tag !== undefined || digest !== undefined);
}

function isRegistryDomain(domain: string): boolean {
  return domain.includes('.') || domain.includes(':') || domain === 'localhost';
}

/** Env var names that announce an image: OLM's `RELATED_IMAGE_*` and the common `*_IMAGE`. */
export function isImageEnvName(name: string): boolean {
  return name.startsWith('RELATED_IMAGE_') || name.endsWith('_IMAGE');
}

/** Splits `--flag=<value>` (or `-f=<value>`) into the offset of the value part; -1 when not that form. */
export function flagValueOffset(item: string): number {
  if (item.charCodeAt(0) !== 45 /* - */) return -1;
  const eq = item.indexOf('=');
  return eq > 1 ? eq + 1 : -1;
}

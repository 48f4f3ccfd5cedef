// Seeds a registry over HTTP without Docker (OCI distribution spec, push): blob uploads (POST, then PUT ?digest=),
// then the manifest PUT with its media type. Kinds: OCI manifest, Docker v2 manifest, OCI index.
import { createHash } from 'node:crypto';

export type ManifestKind = 'oci' | 'docker' | 'index';

/** Headers that authorise pushing to one repository (Basic, or a Bearer token with push access). */
export type Authorizer = (repository: string) => Promise<Record<string, string>>;

export const noAuth: Authorizer = async () => ({});

const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};

const digestOf = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function expectStatus(response: Response, wanted: number[], what: string): Promise<void> {
  if (!wanted.includes(response.status)) {
    throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  }
}

async function pushBlob(
  base: string,
  repository: string,
  data: Buffer,
  auth: Record<string, string>,
): Promise<string> {
  const digest = digestOf(data);
  const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers: auth });
  await expectStatus(start, [202], `start upload to ${repository}`);
  await start.arrayBuffer();
  const location = new URL(start.headers.get('location') ?? '', base);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/octet-stream' },
    body: data,
  });
  await expectStatus(put, [201], `finish upload to ${repository}`);
  await put.arrayBuffer();
  return digest;
}

async function putManifest(
  base: string,
  repository: string,
  reference: string,
  mediaType: string,
  manifest: unknown,
  auth: Record<string, string>,
): Promise<{ digest: string; size: number }> {
  const body = Buffer.from(JSON.stringify(manifest));
  const response = await fetch(`${base}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': mediaType },
    body,
  });
  await expectStatus(response, [201], `put manifest ${repository}:${reference}`);
  await response.arrayBuffer();
  return { digest: digestOf(body), size: body.length };
}

/** Pushes one image and returns its manifest digest. `salt` makes the content (and digest) unique. */
export async function pushImage(
  base: string,
  repository: string,
  tag: string,
  kind: ManifestKind,
  authorize: Authorizer = noAuth,
  salt = `${repository}:${tag}`,
): Promise<string> {
  const auth = await authorize(repository);
  const docker = kind === 'docker';
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, salt }),
  );
  const layer = Buffer.from(`layer of ${salt}`);
  const configDigest = await pushBlob(base, repository, config, auth);
  const layerDigest = await pushBlob(base, repository, layer, auth);
  const manifestType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
  const manifest = {
    schemaVersion: 2,
    mediaType: manifestType,
    config: {
      mediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
      digest: configDigest,
      size: config.length,
    },
    layers: [
      { mediaType: docker ? MEDIA.dockerLayer : MEDIA.ociLayer, digest: layerDigest, size: layer.length },
    ],
  };
  if (kind !== 'index')
    return (await putManifest(base, repository, tag, manifestType, manifest, auth)).digest;
  const child = await putManifest(
    base,
    repository,
    digestOf(Buffer.from(JSON.stringify(manifest))),
    manifestType,
    manifest,
    auth,
  );
  const index = {
    schemaVersion: 2,
    mediaType: MEDIA.ociIndex,
    manifests: [
      {
        mediaType: manifestType,
        digest: child.digest,
        size: child.size,
        platform: { architecture: 'amd64', os: 'linux' },
      },
    ],
  };
  return (await putManifest(base, repository, tag, MEDIA.ociIndex, index, auth)).digest;
}

// Reading an answer's body without trusting its size: registries' manifests and error documents are
// small, so only a bounded prefix is kept and a body far past that is not read at all.

/**
 * Most body bytes read from one answer (kept or drained for connection reuse). Manifests and error
 * documents are small; past this the connection is destroyed rather than read to its end.
 */
const MAX_BODY_BYTES = 1024 * 1024;

/** The first `limit` bytes of `body` as UTF-8; reads on (so the connection can be reused) up to
 *  MAX_BODY_BYTES or `limit`, whichever is larger, and destroys the body past that. */
export async function readBounded(
  body: AsyncIterable<Buffer> & { destroy(): void },
  limit: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.length;
    if (size > Math.max(limit, MAX_BODY_BYTES)) {
      // A body this large (or endless) is not worth the bandwidth: drop the connection instead.
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

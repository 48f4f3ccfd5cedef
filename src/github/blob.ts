// Git object ids computed locally, so the action can tell which generated files changed without
// downloading blobs: a blob's id is sha1("blob <byte length>\0" + bytes), exactly as `git hash-object`.
import { createHash } from 'node:crypto';

/** The git blob id of `content` encoded as UTF-8 (the encoding the action uploads with). */
export function gitBlobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

// Splits `helm template` output into its documents, each with the template it came from. Helm
// prints `---` and `# Source: <chart>/templates/<file>` before every document; a document with no
// Source line keeps the previous one, as pkg/base/helm_v4.go (replicatedhq/kots) does.

import { parseDocument } from 'yaml';

export interface RenderedManifest {
  /** Template path as Helm prints it, e.g. `istiod/charts/pilot/templates/deployment.yaml`. */
  source: string;
  /** 0-based position among the non-empty documents. */
  index: number;
  /** 1-based line of the document's first line in the output. */
  line: number;
  /** The document's text, without the `---` separator. */
  text: string;
  /** The parsed document (YAML 1.2 core schema, as JSON-compatible data). */
  object: unknown;
}

export class ManifestParseError extends Error {
  override readonly name = 'ManifestParseError';
  constructor(
    readonly source: string,
    readonly line: number,
    message: string,
  ) {
    super(`${source || '(rendered output)'} (output line ${line}): ${message}`);
  }
}

const SEPARATOR = /^---(?:\s.*)?$/;
const SOURCE = /^#\s*Source:\s*(.+?)\s*$/m;

/** The non-empty documents of `output`, in order. Throws ManifestParseError on YAML Helm should
 *  never print (Helm itself parses every document it sorts). */
export function parseRenderedManifests(output: string): RenderedManifest[] {
  const lines = output.split(/\r?\n/);
  const chunks: Array<{ line: number; text: string }> = [];
  let start = 0;
  let current: string[] = [];
  lines.forEach((l, i) => {
    if (SEPARATOR.test(l)) {
      chunks.push({ line: start + 1, text: current.join('\n') });
      current = [];
      start = i + 1;
    } else {
      current.push(l);
    }
  });
  chunks.push({ line: start + 1, text: current.join('\n') });

  const out: RenderedManifest[] = [];
  let source = '';
  for (const chunk of chunks) {
    const m = SOURCE.exec(chunk.text);
    if (m?.[1] !== undefined) source = m[1];
    const doc = parseDocument(chunk.text, { uniqueKeys: false });
    const firstError = doc.errors[0];
    if (firstError !== undefined) {
      const errLine = chunk.line + (firstError.linePos?.[0].line ?? 1) - 1;
      throw new ManifestParseError(source, errLine, firstError.message.split('\n')[0] ?? 'invalid YAML');
    }
    const object: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (object === null || object === undefined) continue;
    out.push({ source, index: out.length, line: chunk.line, text: chunk.text, object });
  }
  return out;
}

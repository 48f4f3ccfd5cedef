// Splits `helm template` output into its documents, each with the template it came from. Helm
// prints `---` and `# Source: <chart>/templates/<file>` before every document; a document with no
// Source line keeps the previous one, as pkg/base/helm_v4.go (replicatedhq/kots) does.

import { parseDocument } from 'yaml';
import { firstLine } from '../util.js';

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
    let text = chunk.text;
    let doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      // Go's YAML reader (which Helm and KOTS use) accepts flow collections whose continuation lines
      // sit at their key's indentation, as Istio's RBAC templates print them; the yaml package
      // does not. Indenting those lines further changes no value.
      const lenient = indentFlowContinuations(text);
      const again = lenient === text ? doc : parseDocument(lenient, { uniqueKeys: false });
      if (again.errors.length === 0) {
        text = lenient;
        doc = again;
      }
    }
    const firstError = doc.errors[0];
    if (firstError !== undefined) {
      const errLine = chunk.line + (firstError.linePos?.[0].line ?? 1) - 1;
      throw new ManifestParseError(source, errLine, firstLine(firstError.message));
    }
    const object: unknown = doc.toJS({ maxAliasCount: 1000 });
    if (object === null || object === undefined) continue;
    out.push({ source, index: out.length, line: chunk.line, text, object });
  }
  return out;
}

/** Lines inside a flow collection left open on an earlier line get indented past that line's key. */
function indentFlowContinuations(text: string): string {
  let depth = 0;
  let need = 0;
  return text
    .split('\n')
    .map((line) => {
      let out = line;
      if (depth > 0) {
        const indent = line.length - line.trimStart().length;
        if (indent < need && line.trim() !== '') out = ' '.repeat(need - indent) + line;
      } else {
        const key = /^(\s*(?:-\s+)*)/.exec(line)?.[1]?.length ?? 0;
        need = key + 1;
      }
      depth = Math.max(0, depth + flowDelta(line));
      return out;
    })
    .join('\n');
}

/** Open minus closed flow brackets on a line, outside quotes and comments. */
function flowDelta(line: string): number {
  let d = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote !== '') {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || line[i - 1] === ' ')) break;
    else if (ch === '[' || ch === '{') d++;
    else if (ch === ']' || ch === '}') d--;
  }
  return d;
}

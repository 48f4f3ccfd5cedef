// The report as a SARIF 2.1.0 log for GitHub code scanning (github/codeql-action/upload-sarif). A file
// inside a chart archive (`chart.tgz!templates/x.yaml`) is reported on the archive, the only file in
// the repository, with the inner path and line in the message. partialFingerprints are built from the
// rule, the file and the message (not the line), so an alert survives edits above it.
import { createHash } from 'node:crypto';
import type { Finding, Level, Report, RuleId } from '../model.js';
import { RULES } from '../rules.js';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const TOOL_URI = 'https://github.com/replicatedhq/kots';
const FINGERPRINT = 'kotsProxyFinding/v1';

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

export interface SarifOptions {
  toolVersion: string;
  /** Report path → URI relative to the repository root; undefined leaves the path as it is. */
  uri?: (file: string) => string | undefined;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region?: { startLine: number; startColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: Record<string, unknown> };
    originalUriBaseIds: Record<string, { description: { text: string } }>;
    results: SarifResult[];
  }[];
}

/** The catalog's one-line summary as a sentence, as SARIF viewers show descriptions. */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${text.endsWith('.') ? '' : '.'}`;
}

/** `a b.tgz!x.yaml` → `a%20b.tgz`: SARIF wants URI references. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function renderSarif(report: Report, options: SarifOptions): SarifLog {
  const ids = Object.keys(RULES) as RuleId[];
  const rules = ids.map((id) => ({
    id,
    name: id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: sentence(RULES[id].summary) },
    fullDescription: { text: sentence(RULES[id].summary) },
    help: { text: RULES[id].help, markdown: RULES[id].help },
    defaultConfiguration: { level: SARIF_LEVEL[RULES[id].level] },
    properties: { tags: ['kots', 'images'] },
  }));
  const seen = new Map<string, number>();
  const results = report.findings.map((f) => result(f, ids.indexOf(f.rule), options, seen));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kots-proxy',
            version: options.toolVersion,
            informationUri: TOOL_URI,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
      },
    ],
  };
}

function result(
  f: Finding,
  ruleIndex: number,
  options: SarifOptions,
  seen: Map<string, number>,
): SarifResult {
  const [outer = f.file, inner] = f.file.split('!');
  const path = options.uri?.(outer) ?? outer;
  const inArchive = inner !== undefined;
  const text = inArchive ? `${f.message} (in ${inner}, line ${f.line})` : f.message;
  // Identical rule/file/message triples (one image used twice in a file) are told apart by order.
  const key = `${f.rule}\0${path}\0${inner ?? ''}\0${f.message}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  const hash = createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  return {
    ruleId: f.rule,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' },
          ...(inArchive ? {} : { region: { startLine: f.line, startColumn: f.column } }),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT]: hash },
  };
}

export function sarifJson(log: SarifLog): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

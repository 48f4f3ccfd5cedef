// Go text/template with sprig's TxtFuncMap, evaluated in TypeScript. Pure: no I/O.
import { builtins } from './builtins.js';
import { FuncError, TemplateError } from './errors.js';
import { execute } from './exec.js';
import type { ExecHooks } from './exec-state.js';
import { type FuncMap, f, fv } from './funcs.js';
import type { StepPool } from './limits.js';
import { parse } from './parser.js';
import { listFuncs } from './sprig-lists.js';
import { moreFuncs } from './sprig-more.js';
import { stringFuncs } from './sprig-strings.js';
import { typeName, type Value } from './value.js';

export { TemplateError } from './errors.js';
export type { FuncMap } from './funcs.js';
export { fromJSON, type Value } from './value.js';

/** Every name in sprig v3.3.0's TxtFuncMap, so a template using one still parses. */
const SPRIG_NAMES =
  'hello ago date date_in_zone date_modify dateInZone dateModify duration durationRound htmlDate htmlDateInZone must_date_modify mustDateModify mustToDate now toDate unixEpoch abbrev abbrevboth trunc trim upper lower title untitle substr repeat trimall trimAll trimSuffix trimPrefix nospace initials randAlphaNum randAlpha randAscii randNumeric swapcase shuffle snakecase camelcase kebabcase wrap wrapWith contains hasPrefix hasSuffix quote squote cat indent nindent replace plural sha1sum sha256sum sha512sum adler32sum toString atoi int64 int float64 seq toDecimal split splitList splitn toStrings until untilStep add1 add sub div mod mul randInt add1f addf subf divf mulf biggest max min maxf minf ceil floor round join sortAlpha default empty coalesce all any compact mustCompact fromJson toJson toPrettyJson toRawJson mustFromJson mustToJson mustToPrettyJson mustToRawJson ternary deepCopy mustDeepCopy typeOf typeIs typeIsLike kindOf kindIs deepEqual env expandenv getHostByName base dir clean ext isAbs osBase osClean osDir osExt osIsAbs b64enc b64dec b32enc b32dec tuple list dict get set unset hasKey pluck keys pick omit merge mergeOverwrite mustMerge mustMergeOverwrite values append mustAppend prepend mustPrepend first mustFirst rest mustRest last mustLast initial mustInitial reverse mustReverse uniq mustUniq without mustWithout has mustHas slice mustSlice concat dig chunk mustChunk bcrypt htpasswd genPrivateKey derivePassword buildCustomCert genCA genCAWithKey genSelfSignedCert genSelfSignedCertWithKey genSignedCert genSignedCertWithKey encryptAES decryptAES randBytes uuidv4 semver semverCompare fail regexMatch mustRegexMatch regexFindAll mustRegexFindAll regexFind mustRegexFind regexReplaceAll mustRegexReplaceAll regexReplaceAllLiteral mustRegexReplaceAllLiteral regexSplit mustRegexSplit regexQuoteMeta urlParse urlJoin'.split(
    ' ',
  );

/** Thrown when a template calls a function the evaluator does not implement. */
class UnsupportedFunctionError extends FuncError {
  constructor(readonly functionName: string) {
    super(`function ${JSON.stringify(functionName)} is not supported by this evaluator`);
  }
}

function unsupported(name: string) {
  return fv([], 'any', () => {
    throw new UnsupportedFunctionError(name);
  });
}

/** text/template's builtins overlaid with sprig's TxtFuncMap, as template.Funcs(sprig.TxtFuncMap()) does. */
export function sprigFuncMap(): FuncMap {
  const m: FuncMap = builtins();
  for (const n of SPRIG_NAMES) m.set(n, unsupported(n));
  for (const [k, v] of stringFuncs()) m.set(k, v);
  for (const [k, v] of listFuncs()) m.set(k, v);
  m.set(
    'trimall',
    f(['string', 'string'], (c, s) => stringFuncs().get('trimAll')?.fn(c, s) ?? ''),
  );
  m.set(
    'tuple',
    fv([], 'any', (...a) => a),
  );
  m.set(
    'typeOf',
    f(['any'], (v) => typeName(v)),
  );
  m.set(
    'fail',
    f(['string'], (msg) => {
      throw new FuncError(msg as string);
    }),
  );
  m.set(
    'slice',
    fv(['any'], 'any', (l, ...ix) => {
      if (!Array.isArray(l)) throw new FuncError(`list should be type of slice or array but ${typeName(l)}`);
      const [a, b] = ix.map((x) => Number(x));
      return l.slice(a ?? 0, b ?? l.length);
    }),
  );
  for (const [k, v] of moreFuncs(m)) m.set(k, v);
  return m;
}

export interface RenderOptions {
  /** Template name used in error messages (Go's template.New(name)). */
  name?: string;
  leftDelim?: string;
  rightDelim?: string;
  /** Function map; defaults to sprigFuncMap(). */
  funcs?: FuncMap;
  /** Observers of execution (a source map of the output). */
  hooks?: ExecHooks;
  /** A step budget shared with other renders (see limits.ts). */
  pool?: StepPool;
}

/**
 * Parses and executes `text` as Go's text/template would with `data` as dot. Throws TemplateError
 * (message `template: NAME:LINE[:COL]: ...`, with `line`) on a parse or execution error.
 */
export function render(text: string, data: Value, opts: RenderOptions = {}): string {
  const name = opts.name ?? 't';
  const funcs = opts.funcs ?? sprigFuncMap();
  const set = parse(name, text, {
    leftDelim: opts.leftDelim,
    rightDelim: opts.rightDelim,
    hasFunction: (n) => funcs.has(n),
  });
  return execute(
    {
      name,
      source: text,
      set,
      funcs,
      ...(opts.hooks ? { hooks: opts.hooks } : {}),
      ...(opts.pool ? { pool: opts.pool } : {}),
    },
    data,
  );
}

/** The function an UnsupportedFunctionError names, if `e` (or its message) comes from one. */
export function unsupportedFunction(e: unknown): string | undefined {
  if (!(e instanceof TemplateError)) return undefined;
  const m = /error calling [^:]+: function "([^"]+)" is not supported by this evaluator/.exec(e.message);
  return m?.[1];
}

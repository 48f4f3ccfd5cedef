// Lexer for Go's text/template (text/template/parse/lex.go): text, delimiters with `-` trim markers,
// comments, and the tokens inside actions.

export type ItemType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'field'
  | 'identifier'
  | 'keyword'
  | 'variable'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'comment'
  | 'eof'
  | 'error';

export interface Item {
  type: ItemType;
  val: string;
  pos: number;
  line: number;
}

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'template',
  'with',
]);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isAlnum(c: string): boolean {
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}

const NUMBER =
  /^[+-]?(?:0[xX](?:[0-9a-fA-F_]*\.?[0-9a-fA-F_]*)(?:[pP][+-]?[0-9_]+)?|0[oObB][0-9a-fA-F_]*|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/;

/** Splits a template into items; stops after the first error item. */
export function lex(input: string, leftDelim: string, rightDelim: string): Item[] {
  const ld = leftDelim || '{{';
  const rd = rightDelim || '}}';
  const items: Item[] = [];
  let pos = 0;
  let line = 1;
  const lineAt = (p: number): number => {
    let n = line;
    for (let i = pos; i < p; i++) if (input[i] === '\n') n++;
    return n;
  };
  const emit = (type: ItemType, end: number, val?: string): void => {
    items.push({ type, val: val ?? input.slice(pos, end), pos, line });
    line = lineAt(end);
    pos = end;
  };
  const fail = (msg: string): Item[] => {
    items.push({ type: 'error', val: msg, pos, line });
    return items;
  };
  const atRightDelim = (p: number): [boolean, boolean] => {
    if (isSpace(input[p] ?? '') && input[p + 1] === '-' && input.startsWith(rd, p + 2)) return [true, true];
    if (input.startsWith(rd, p)) return [true, false];
    return [false, false];
  };

  for (;;) {
    // Text up to the next left delimiter.
    const next = input.indexOf(ld, pos);
    if (next < 0) {
      if (pos < input.length) emit('text', input.length);
      items.push({ type: 'eof', val: '', pos, line });
      return items;
    }
    let textEnd = next;
    const trimLeft = input[next + ld.length] === '-' && isSpace(input[next + ld.length + 1] ?? '');
    if (trimLeft) while (textEnd > pos && isSpace(input[textEnd - 1] as string)) textEnd--;
    if (textEnd > pos) emit('text', textEnd);
    line = lineAt(next);
    pos = next;
    let p = next + ld.length + (trimLeft ? 2 : 0);
    // Comments must follow the delimiter (and trim marker) directly.
    if (input.startsWith('/*', p)) {
      const close = input.indexOf('*/', p + 2);
      if (close < 0) return fail('unclosed comment');
      const after = close + 2;
      const [isDelim, trimRight] = atRightDelim(after);
      if (!isDelim) return fail('comment ends before closing delimiter');
      emit('comment', after, input.slice(p, after));
      let q = after + (trimRight ? 2 : 0) + rd.length;
      if (trimRight) while (q < input.length && isSpace(input[q] as string)) q++;
      line = lineAt(q);
      pos = q;
      continue;
    }
    emit('leftDelim', p);
    let parenDepth = 0;
    for (;;) {
      const [isDelim, trimRight] = atRightDelim(pos);
      if (isDelim) {
        if (parenDepth > 0) return fail('unclosed left paren');
        p = pos + (trimRight ? 2 : 0) + rd.length;
        emit('rightDelim', p, rd);
        if (trimRight) {
          let q = pos;
          while (q < input.length && isSpace(input[q] as string)) q++;
          line = lineAt(q);
          pos = q;
        }
        break;
      }
      if (pos >= input.length) return fail('unclosed action');
      const c = input[pos] as string;
      if (isSpace(c)) {
        let q = pos;
        while (q < input.length && isSpace(input[q] as string) && !atRightDelim(q)[1]) q++;
        if (q === pos) q++;
        emit('space', q);
      } else if (c === '=') emit('assign', pos + 1);
      else if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=');
        emit('declare', pos + 2);
      } else if (c === '|') emit('pipe', pos + 1);
      else if (c === ',') emit('comma', pos + 1);
      else if (c === '(') {
        parenDepth++;
        emit('leftParen', pos + 1);
      } else if (c === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail('unexpected right paren');
        emit('rightParen', pos + 1);
      } else if (c === '"') {
        let q = pos + 1;
        for (;;) {
          const d = input[q];
          if (d === undefined || d === '\n') return fail('unterminated quoted string');
          if (d === '\\') q += 2;
          else if (d === '"') break;
          else q++;
        }
        emit('string', q + 1);
      } else if (c === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string');
        emit('rawString', close + 1);
      } else if (c === "'") {
        let q = pos + 1;
        for (;;) {
          const d = input[q];
          if (d === undefined || d === '\n') return fail('unterminated character constant');
          if (d === '\\') q += 2;
          else if (d === "'") break;
          else q++;
        }
        emit('char', q + 1);
      } else if (c === '$' || c === '.' || isAlnum(c)) {
        if (c === '.' && /[0-9]/.test(input[pos + 1] ?? '')) {
          if (!lexNumber()) return items;
          continue;
        }
        if (/[0-9]/.test(c)) {
          if (!lexNumber()) return items;
          continue;
        }
        let q = pos + 1;
        while (q < input.length && isAlnum(input[q] as string)) q++;
        const word = input.slice(pos, q);
        if (!atTerminator(q)) return fail(`bad character ${JSON.stringify(input[q])}`);
        if (c === '$') emit('variable', q);
        else if (c === '.') emit(word === '.' ? 'dot' : 'field', q);
        else if (KEYWORDS.has(word)) emit('keyword', q);
        else if (word === 'true' || word === 'false') emit('bool', q);
        else if (word === 'nil') emit('nil', q);
        else emit('identifier', q);
      } else if (c === '+' || c === '-') {
        if (!lexNumber()) return items;
      } else return fail(`unrecognized character in action: ${JSON.stringify(c)}`);
    }
  }

  function atTerminator(q: number): boolean {
    const c = input[q];
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:()'.includes(c)) return true;
    return input.startsWith(rd, q);
  }

  function lexNumber(): boolean {
    const m = NUMBER.exec(input.slice(pos));
    const text = m ? m[0] : '';
    const end = pos + text.length;
    if (text === '' || text === '+' || text === '-' || isAlnum(input[end] ?? '')) {
      const q = end + 1;
      fail(`bad number syntax: ${JSON.stringify(input.slice(pos, q))}`);
      return false;
    }
    emit('number', end);
    return true;
  }
}

// Parser for Go's text/template (text/template/parse/parse.go): builds the tree of each template,
// checks variables and function names at parse time as Go does.
import type { Arg, Command, ListNode, Node, Pipe } from './ast.js';
import { TemplateError } from './errors.js';
import { type Item, type ItemType, lex } from './lexer.js';
import { parseNumber, unquote } from './literal.js';

export interface ParseOptions {
  leftDelim?: string;
  rightDelim?: string;
  hasFunction: (name: string) => boolean;
}

/** All templates of one source: the main one under `name`, plus every define/block. */
export type TreeSet = Map<string, ListNode>;

type End = { kind: 'end' | 'else'; item: Item };

export function parse(name: string, text: string, opts: ParseOptions): TreeSet {
  const items = lex(text, opts.leftDelim ?? '', opts.rightDelim ?? '');
  const set: TreeSet = new Map();
  let i = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  let treeName = name;

  const fail = (msg: string, it: Item = items[Math.min(i, items.length - 1)] as Item): never => {
    throw new TemplateError(`template: ${treeName}:${it.line}: ${msg}`, treeName, it.line);
  };
  const next = (): Item => {
    const it = items[i] as Item;
    if (it.type === 'error') fail(it.val, it);
    if (i < items.length - 1) i++;
    return it;
  };
  const peek = (): Item => {
    const it = items[i] as Item;
    if (it.type === 'error') fail(it.val, it);
    return it;
  };
  const nextNonSpace = (): Item => {
    let it = next();
    while (it.type === 'space') it = next();
    return it;
  };
  const peekNonSpace = (): Item => {
    const it = nextNonSpace();
    i--;
    return it;
  };
  const desc = (it: Item): string => (it.type === 'eof' ? 'EOF' : `<${it.val}>`);
  const unexpected = (it: Item, ctx: string): never => fail(`unexpected ${desc(it)} in ${ctx}`, it);
  const expect = (t: ItemType, ctx: string): Item => {
    const it = nextNonSpace();
    if (it.type !== t) unexpected(it, ctx);
    return it;
  };
  const add = (n: string, list: ListNode): void => {
    const old = set.get(n);
    if (old === undefined || isEmpty(old)) set.set(n, list);
    else if (!isEmpty(list)) fail(`template: multiple definition of template ${JSON.stringify(n)}`);
  };

  const itemList = (): [ListNode, End] => {
    const list: ListNode = { nodes: [] };
    while (peekNonSpace().type !== 'eof') {
      const n = textOrAction();
      if ('end' in n) return [list, n.end];
      if (n.node) list.nodes.push(n.node);
    }
    return fail('unexpected EOF');
  };

  const textOrAction = (): { node?: Node } | { end: End } => {
    const it = nextNonSpace();
    if (it.type === 'text') return { node: { kind: 'text', text: it.val, pos: it.pos, line: it.line } };
    if (it.type === 'comment') return {};
    if (it.type === 'leftDelim') return action();
    return unexpected(it, 'input');
  };

  const action = (): { node?: Node } | { end: End } => {
    const it = nextNonSpace();
    if (it.type === 'keyword') {
      switch (it.val) {
        case 'block':
          return { node: blockControl(it) };
        case 'break':
        case 'continue': {
          const t = nextNonSpace();
          if (t.type !== 'rightDelim') unexpected(t, `{{${it.val}}}`);
          if (rangeDepth === 0) fail(`{{${it.val}}} outside {{range}}`, it);
          return { node: { kind: it.val, pos: it.pos, line: it.line } };
        }
        case 'else': {
          const p = peekNonSpace();
          if (p.type === 'keyword' && (p.val === 'if' || p.val === 'with'))
            return { end: { kind: 'else', item: p } };
          expect('rightDelim', 'else');
          return { end: { kind: 'else', item: it } };
        }
        case 'end':
          expect('rightDelim', 'end');
          return { end: { kind: 'end', item: it } };
        case 'if':
        case 'range':
        case 'with':
          return { node: control(it.val, it) };
        case 'template':
          return { node: templateControl(it) };
        default:
          return unexpected(it, 'command');
      }
    }
    i--;
    const p = peek();
    return { node: { kind: 'action', pipe: pipeline('command', 'rightDelim'), pos: p.pos, line: p.line } };
  };

  const control = (ctx: 'if' | 'range' | 'with', it: Item): Node => {
    const mark = vars.length;
    const pipe = pipeline(ctx, 'rightDelim');
    if (ctx === 'range') rangeDepth++;
    let [list, end] = itemList();
    if (ctx === 'range') rangeDepth--;
    let elseList: ListNode | null = null;
    if (end.kind === 'else') {
      const p = peek();
      if (ctx !== 'range' && p.type === 'keyword' && p.val === ctx) {
        // `{{else if x}}` is `{{else}}{{if x}}…{{end}}{{end}}` with the inner end shared.
        next();
        elseList = { nodes: [control(ctx, p)] };
      } else {
        [elseList, end] = itemList();
        if (end.kind !== 'end') fail(`expected end; found {{else}}`, end.item);
      }
    }
    vars = vars.slice(0, mark);
    return { kind: ctx, pipe, list, elseList, pos: it.pos, line: it.line };
  };

  const templateName = (ctx: string): string => {
    const t = nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawString') unexpected(t, ctx);
    return literal(t);
  };

  const templateControl = (it: Item): Node => {
    const n = templateName('template clause');
    let pipe: Pipe | null = null;
    if (nextNonSpace().type !== 'rightDelim') {
      i--;
      pipe = pipeline('template clause', 'rightDelim');
    }
    return { kind: 'template', name: n, pipe, pos: it.pos, line: it.line };
  };

  const blockControl = (it: Item): Node => {
    const n = templateName('block clause');
    const pipe = pipeline('block clause', 'rightDelim');
    definition(n, 'block clause');
    return { kind: 'template', name: n, pipe, pos: it.pos, line: it.line };
  };

  const definition = (n: string, ctx: string): void => {
    const saved = { vars, rangeDepth, treeName };
    vars = ['$'];
    rangeDepth = 0;
    treeName = n;
    const [list, end] = itemList();
    if (end.kind !== 'end') fail(`unexpected {{else}} in ${ctx}`, end.item);
    add(n, list);
    ({ vars, rangeDepth, treeName } = saved);
  };

  const literal = (t: Item): string => {
    try {
      return unquote(t.val);
    } catch {
      return fail(`invalid syntax: ${t.val}`, t);
    }
  };

  const pipeline = (ctx: string, end: 'rightDelim' | 'rightParen'): Pipe => {
    const start = peekNonSpace();
    const pipe: Pipe = { decl: [], isAssign: false, cmds: [], pos: start.pos, line: start.line };
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const at = i;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.type === 'assign' || after.type === 'declare') {
        pipe.isAssign = after.type === 'assign';
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
        break;
      }
      if (after.type === 'comma') {
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
        const p = peekNonSpace();
        if (
          ctx === 'range' &&
          pipe.decl.length < 2 &&
          ['variable', 'rightDelim', 'rightParen'].includes(p.type)
        )
          continue;
        if (ctx === 'range' && pipe.decl.length < 2) fail('range can only initialize variables');
        fail(`too many declarations in ${ctx}`);
      }
      i = at;
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.type === end) {
        if (pipe.cmds.length === 0) fail(`missing value for ${ctx}`, t);
        pipe.cmds.slice(1).forEach((c, k) => {
          const a = c.args[0] as Arg;
          if (['bool', 'dot', 'nil', 'number', 'string'].includes(a.kind))
            fail(`non executable command in pipeline stage ${k + 2}`, t);
        });
        return pipe;
      }
      if (
        [
          'bool',
          'char',
          'dot',
          'field',
          'identifier',
          'number',
          'nil',
          'rawString',
          'string',
          'variable',
          'leftParen',
        ].includes(t.type)
      ) {
        i--;
        pipe.cmds.push(command());
      } else unexpected(t, ctx);
    }
  };

  const command = (): Command => {
    const s = peekNonSpace();
    const cmd: Command = { args: [], pos: s.pos, line: s.line };
    for (;;) {
      peekNonSpace();
      const a = operand();
      if (a) cmd.args.push(a);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') i--;
      else if (t.type !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) fail('empty command');
    return cmd;
  };

  const operand = (): Arg | null => {
    const node = term();
    if (node === null || peek().type !== 'field') return node;
    const fields: string[] = [];
    while (peek().type === 'field') fields.push(next().val.slice(1));
    switch (node.kind) {
      case 'field':
        return { ...node, ident: [...node.ident, ...fields] };
      case 'variable':
        return { ...node, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return fail(
          `unexpected . after term ${JSON.stringify(node.kind === 'string' ? node.text : node.kind === 'number' ? node.text : node.kind === 'bool' ? String(node.value) : node.kind === 'dot' ? '.' : 'nil')}`,
        );
      default:
        return { kind: 'chain', node, field: fields, pos: node.pos, line: node.line };
    }
  };

  const term = (): Arg | null => {
    const t = nextNonSpace();
    const at = { pos: t.pos, line: t.line };
    switch (t.type) {
      case 'identifier':
        if (!opts.hasFunction(t.val)) fail(`function ${JSON.stringify(t.val)} not defined`, t);
        return { kind: 'identifier', name: t.val, ...at };
      case 'dot':
        return { kind: 'dot', ...at };
      case 'nil':
        return { kind: 'nil', ...at };
      case 'variable':
        if (!vars.includes(t.val)) fail(`undefined variable ${JSON.stringify(t.val)}`, t);
        return { kind: 'variable', ident: [t.val], ...at };
      case 'field':
        return { kind: 'field', ident: [t.val.slice(1)], ...at };
      case 'bool':
        return { kind: 'bool', value: t.val === 'true', ...at };
      case 'char':
      case 'number':
        try {
          return { kind: 'number', text: t.val, num: parseNumber(t.val, t.type === 'char'), ...at };
        } catch (e: unknown) {
          return fail(e instanceof Error ? e.message : String(e), t);
        }
      case 'leftParen':
        return { kind: 'pipe', pipe: pipeline('parenthesized pipeline', 'rightParen'), ...at };
      case 'string':
      case 'rawString':
        return { kind: 'string', text: t.val, value: literal(t), ...at };
    }
    i--;
    return null;
  };

  // Top level: definitions are collected, everything else is the main template.
  const root: ListNode = { nodes: [] };
  while (peek().type !== 'eof') {
    if (peek().type === 'leftDelim') {
      const at = i;
      next();
      const k = nextNonSpace();
      if (k.type === 'keyword' && k.val === 'define') {
        const n = templateName('define clause');
        expect('rightDelim', 'define clause');
        definition(n, 'define clause');
        continue;
      }
      i = at;
    }
    const n = textOrAction();
    if ('end' in n) fail(`unexpected {{${n.end.kind}}}`, n.end.item);
    else if (n.node) root.nodes.push(n.node);
  }
  add(name, root);
  return set;
}

function isEmpty(l: ListNode): boolean {
  return l.nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

// Parser for Go's text/template (text/template/parse/parse.go): builds the tree of each template,
// checks variables and function names at parse time as Go does.
import type { ListNode, Node, Pipe } from './ast.js';
import { type Item, type ItemType, lex } from './lexer.js';
import { pipelineParser, type Scope } from './parse-pipeline.js';
import { TokenStream } from './parse-stream.js';

export interface ParseOptions {
  leftDelim?: string;
  rightDelim?: string;
  hasFunction: (name: string) => boolean;
}

/** All templates of one source: the main one under `name`, plus every define/block. */
export type TreeSet = Map<string, ListNode>;

type End = { kind: 'end' | 'else'; item: Item };

export function parse(name: string, text: string, opts: ParseOptions): TreeSet {
  const st = new TokenStream(lex(text, opts.leftDelim ?? '', opts.rightDelim ?? ''), name);
  const rightDelim = opts.rightDelim || '}}';
  const set: TreeSet = new Map();
  const scope: Scope = { vars: ['$'], hasFunction: opts.hasFunction };
  let rangeDepth = 0;
  const fail = (msg: string, it?: Item): never => st.fail(msg, it);
  const next = () => st.next();
  const peek = () => st.peek();
  const nextNonSpace = () => st.nextNonSpace();
  const peekNonSpace = () => st.peekNonSpace();
  const unexpected = (it: Item, ctx: string): never => st.unexpected(it, ctx);
  const expect = (t: ItemType, ctx: string): Item => st.expect(t, ctx);
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
    if (it.type === 'leftDelim') return action(it.pos);
    return unexpected(it, 'input');
  };

  const action = (start: number): { node?: Node } | { end: End } => {
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
    st.i--;
    const p = peek();
    const pipe = pipeline('command', 'rightDelim');
    // The right delimiter item starts at the delimiter or at the space before its trim marker.
    const close = st.items[st.i - 1] as Item;
    const end = text.indexOf(rightDelim, close.pos) + rightDelim.length;
    return { node: { kind: 'action', pipe, start, end, pos: p.pos, line: p.line } };
  };

  const control = (ctx: 'if' | 'range' | 'with', it: Item): Node => {
    const mark = scope.vars.length;
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
    scope.vars = scope.vars.slice(0, mark);
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
      st.i--;
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
    const saved = { vars: scope.vars, rangeDepth, treeName: st.treeName };
    scope.vars = ['$'];
    rangeDepth = 0;
    st.treeName = n;
    const [list, end] = itemList();
    if (end.kind !== 'end') fail(`unexpected {{else}} in ${ctx}`, end.item);
    add(n, list);
    scope.vars = saved.vars;
    rangeDepth = saved.rangeDepth;
    st.treeName = saved.treeName;
  };

  const literal = (t: Item): string => st.literal(t);

  const pipeline = pipelineParser(st, scope);

  // Top level: definitions are collected, everything else is the main template.
  const root: ListNode = { nodes: [] };
  while (peek().type !== 'eof') {
    if (peek().type === 'leftDelim') {
      const at = st.i;
      next();
      const k = nextNonSpace();
      if (k.type === 'keyword' && k.val === 'define') {
        const n = templateName('define clause');
        expect('rightDelim', 'define clause');
        definition(n, 'define clause');
        continue;
      }
      st.i = at;
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

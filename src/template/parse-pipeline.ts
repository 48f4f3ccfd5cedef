// Pipelines, commands and operands of Go's text/template (parse.go pipeline, command, operand,
// term): declarations, piped commands, field chains, and the checks Go makes while parsing.
import type { Arg, Command, Pipe } from './ast.js';
import { parseNumber } from './literal.js';
import type { TokenStream } from './parse-stream.js';

export interface Scope {
  /** Variables visible at this point ($ first). */
  vars: string[];
  hasFunction: (name: string) => boolean;
}

export type PipelineParser = (ctx: string, end: 'rightDelim' | 'rightParen') => Pipe;

export function pipelineParser(s: TokenStream, scope: Scope): PipelineParser {
  const next = () => s.next();
  const peek = () => s.peek();
  const nextNonSpace = () => s.nextNonSpace();
  const peekNonSpace = () => s.peekNonSpace();
  const fail = (msg: string, it?: Parameters<TokenStream['fail']>[1]): never => s.fail(msg, it);
  const unexpected = (it: Parameters<TokenStream['unexpected']>[0], ctx: string): never =>
    s.unexpected(it, ctx);
  const literal = (it: Parameters<TokenStream['literal']>[0]) => s.literal(it);

  const pipeline = (ctx: string, end: 'rightDelim' | 'rightParen'): Pipe => {
    const start = peekNonSpace();
    const pipe: Pipe = { decl: [], isAssign: false, cmds: [], pos: start.pos, line: start.line };
    for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const at = s.i;
      nextNonSpace();
      const after = peekNonSpace();
      if (after.type === 'assign' || after.type === 'declare') {
        pipe.isAssign = after.type === 'assign';
        nextNonSpace();
        pipe.decl.push(v.val);
        scope.vars.push(v.val);
        break;
      }
      if (after.type === 'comma') {
        nextNonSpace();
        pipe.decl.push(v.val);
        scope.vars.push(v.val);
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
      s.i = at;
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
        s.i--;
        pipe.cmds.push(command());
      } else unexpected(t, ctx);
    }
  };

  const command = (): Command => {
    const first = peekNonSpace();
    const cmd: Command = { args: [], pos: first.pos, line: first.line };
    for (;;) {
      peekNonSpace();
      const a = operand();
      if (a) cmd.args.push(a);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') s.i--;
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
        if (!scope.hasFunction(t.val)) fail(`function ${JSON.stringify(t.val)} not defined`, t);
        return { kind: 'identifier', name: t.val, ...at };
      case 'dot':
        return { kind: 'dot', ...at };
      case 'nil':
        return { kind: 'nil', ...at };
      case 'variable':
        if (!scope.vars.includes(t.val)) fail(`undefined variable ${JSON.stringify(t.val)}`, t);
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
    s.i--;
    return null;
  };

  return pipeline;
}

// Parse tree of a Go text/template (text/template/parse/node.go), reduced to what exec needs.

interface Pos {
  pos: number;
  line: number;
}

export type Node =
  | ({ kind: 'text'; text: string } & Pos)
  | ({ kind: 'action'; pipe: Pipe; start: number; end: number } & Pos)
  | ({ kind: 'if' | 'with'; pipe: Pipe; list: ListNode; elseList: ListNode | null } & Pos)
  | ({ kind: 'range'; pipe: Pipe; list: ListNode; elseList: ListNode | null } & Pos)
  | ({ kind: 'template'; name: string; pipe: Pipe | null } & Pos)
  | ({ kind: 'break' | 'continue' } & Pos);

/** `start`/`end` of an action: its source range, delimiters and trim markers included. */
export interface ListNode {
  nodes: Node[];
}

export interface Pipe extends Pos {
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export interface Command extends Pos {
  args: Arg[];
}

export type Arg =
  | ({ kind: 'field'; ident: string[] } & Pos)
  | ({ kind: 'chain'; node: Arg; field: string[] } & Pos)
  | ({ kind: 'identifier'; name: string } & Pos)
  | ({ kind: 'variable'; ident: string[] } & Pos)
  | ({ kind: 'dot' } & Pos)
  | ({ kind: 'nil' } & Pos)
  | ({ kind: 'bool'; value: boolean } & Pos)
  | ({ kind: 'number'; text: string; num: NumberConst } & Pos)
  | ({ kind: 'string'; text: string; value: string } & Pos)
  | ({ kind: 'pipe'; pipe: Pipe } & Pos);

/** A numeric constant as parse.NumberNode classifies it. */
export interface NumberConst {
  isInt: boolean;
  isFloat: boolean;
  int: bigint;
  float: number;
}

/** Renders an argument the way Go's String() methods do (used in error context `<...>`). */
export function argString(a: Arg): string {
  switch (a.kind) {
    case 'field':
      return a.ident.map((i) => `.${i}`).join('');
    case 'chain':
      return `${a.node.kind === 'pipe' ? `(${pipeString(a.node.pipe)})` : argString(a.node)}${a.field.map((f) => `.${f}`).join('')}`;
    case 'identifier':
      return a.name;
    case 'variable':
      return a.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(a.value);
    case 'number':
    case 'string':
      return a.text;
    case 'pipe':
      return `(${pipeString(a.pipe)})`;
  }
}

export function cmdString(c: Command): string {
  return c.args.map((a) => (a.kind === 'pipe' ? `(${pipeString(a.pipe)})` : argString(a))).join(' ');
}

export function pipeString(p: Pipe): string {
  const decl = p.decl.length > 0 ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(cmdString).join(' | ');
}

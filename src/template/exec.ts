// Executor for Go's text/template (text/template/exec.go): walks the parse tree with Go's rules for
// fields, variables, pipelines, function calls, truth and printing.
import {
  type Arg,
  argString,
  type Command,
  cmdString,
  type ListNode,
  type Node,
  type Pipe,
  pipeString,
} from './ast.js';
import { FuncError, TemplateError } from './errors.js';
import { assignable, constantArg, goType, idealConstant } from './exec-args.js';
import type { FuncMap, GoFunction, ParamType } from './funcs.js';
import { type Budget, budgetFor, MAX_VALUE_CHARS, type StepPool } from './limits.js';
import type { TreeSet } from './parser.js';
import { formatValue } from './print.js';
import { GoFunc, Int64, isTrue, typeName, type Value } from './value.js';

const MISSING = Symbol('missing');
type Final = Value | typeof MISSING;
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 1000;

interface Pos {
  pos: number;
  line: number;
}

/** One piece of output and the source it came from: a text node's copy or an action's printed value. */
export interface Chunk {
  text: string;
  /** Source range: the text node's own characters, or the whole action with its delimiters. */
  start: number;
  end: number;
  action: boolean;
  /** The action's pipeline as written (Go's String()), for actions. */
  pipe?: string;
}

/** Optional observers of execution, for a source map of the output. */
export interface ExecHooks {
  emit(chunk: Chunk): void;
  /** Around the body of an if/with/range, after its pipeline is evaluated: output there depends on it. */
  enter(): void;
  leave(): void;
}

export interface ExecInput {
  name: string;
  source: string;
  set: TreeSet;
  funcs: FuncMap;
  hooks?: ExecHooks;
  /** Steps shared with the other renders of the run. */
  pool?: StepPool;
}

export function execute(input: ExecInput, data: Value): string {
  const root = input.set.get(input.name);
  if (!root) throw new TemplateError(`template: ${input.name}: no such template`, input.name, 0);
  const out: string[] = [];
  const budget = budgetFor(input.source, input.pool);
  new State(input, input.name, [{ name: '$', value: data }], out, 0, budget).walk(data, root);
  return out.join('');
}

class State {
  constructor(
    readonly input: ExecInput,
    readonly tmpl: string,
    public vars: { name: string; value: Value }[],
    readonly out: string[],
    readonly depth: number,
    readonly budget: Budget,
  ) {}

  /** One unit of work; past the budget the render stops with an error at `at`. */
  step(at: Pos, context: string): void {
    if (++this.budget.steps > this.budget.maxSteps)
      this.fail(at, context, `template stopped after ${this.budget.maxSteps} steps (this preview's limit)`);
    const pool = this.budget.pool;
    if (pool && ++pool.used > pool.max)
      this.fail(at, context, `templates stopped after ${pool.max} steps in all files (this preview's limit)`);
  }

  /** Output written; past the budget the render stops with an error at `at`. */
  emitted(at: Pos, context: string, text: string): void {
    this.budget.chars += text.length;
    if (this.budget.chars > this.budget.maxChars)
      this.fail(at, context, `output passed ${this.budget.maxChars} characters (this preview's limit)`);
  }

  fail(at: Pos, context: string, msg: string): never {
    const before = this.input.source.slice(0, at.pos);
    const col = at.pos - (before.lastIndexOf('\n') + 1);
    const m = `template: ${this.input.name}:${at.line}:${col}: executing ${JSON.stringify(this.tmpl)} at <${context}>: ${msg}`;
    throw new TemplateError(m, this.input.name, at.line);
  }

  walk(dot: Value, list: ListNode): void {
    for (const n of list.nodes) this.walkNode(dot, n);
  }

  walkNode(dot: Value, n: Node): void {
    this.step(n, n.kind);
    switch (n.kind) {
      case 'text':
        this.emitted(n, 'text', n.text);
        this.out.push(n.text);
        this.input.hooks?.emit({ text: n.text, start: n.pos, end: n.pos + n.text.length, action: false });
        return;
      case 'action': {
        const v = this.evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) {
          const text = this.print(n.pipe, v);
          this.input.hooks?.emit({
            text,
            start: n.start,
            end: n.end,
            action: true,
            pipe: pipeString(n.pipe),
          });
        }
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, n.pipe);
        if (v instanceof GoFunc) this.fail(n.pipe, 'if', `if/with can't use ${formatValue(v)}`);
        this.input.hooks?.enter();
        try {
          if (isTrue(v)) this.walk(n.kind === 'with' ? v : dot, n.list);
          else if (n.elseList) this.walk(dot, n.elseList);
        } finally {
          this.input.hooks?.leave();
        }
        this.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(dot, n);
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'template': {
        const t = this.input.set.get(n.name);
        if (!t) this.fail(n, `template ${n.name}`, `template ${JSON.stringify(n.name)} not defined`);
        if (this.depth >= MAX_DEPTH)
          this.fail(n, `template ${n.name}`, `exceeded maximum template depth (${MAX_DEPTH})`);
        const d = n.pipe ? this.evalPipeline(dot, n.pipe) : undefined;
        new State(this.input, n.name, [{ name: '$', value: d }], this.out, this.depth + 1, this.budget).walk(
          d,
          t,
        );
        return;
      }
    }
  }

  walkRange(dot: Value, n: Extract<Node, { kind: 'range' }>): void {
    const outer = this.vars.length;
    const v = this.evalPipeline(dot, n.pipe);
    const mark = this.vars.length;
    const decl = n.pipe.decl;
    this.input.hooks?.enter();
    const one = (index: Value, elem: Value): boolean => {
      this.step(n, 'range');
      if (decl.length > 0) {
        if (n.pipe.isAssign)
          this.setVar(
            n.pipe,
            decl.length > 1 ? (decl[0] as string) : (decl[0] as string),
            decl.length > 1 ? index : elem,
          );
        else this.setTopVar(1, elem);
      }
      if (decl.length > 1) {
        if (n.pipe.isAssign) this.setVar(n.pipe, decl[1] as string, elem);
        else this.setTopVar(2, index);
      }
      try {
        this.walk(elem, n.list);
      } catch (e: unknown) {
        if (e === BREAK) return false;
        if (e !== CONTINUE) throw e;
      } finally {
        this.vars.length = mark;
      }
      return true;
    };
    let ran = false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        ran = true;
        if (!one(BigInt(i), v[i] ?? null)) break;
      }
    } else if (v instanceof Map) {
      for (const k of [...v.keys()].sort()) {
        ran = true;
        if (!one(k, v.get(k) ?? null)) break;
      }
    } else if (typeof v === 'bigint' || v instanceof Int64) {
      if (decl.length > 1)
        this.fail(
          n.pipe,
          argString(n.pipe.cmds[0]?.args[0] as Arg),
          `can't use ${formatValue(v)} to iterate over more than one variable`,
        );
      const count = typeof v === 'bigint' ? v : v.v;
      for (let i = 0n; i < count; i++) {
        ran = true;
        const iv = typeof v === 'bigint' ? i : new Int64(i);
        if (!one(iv, iv)) break;
      }
    } else if (v !== undefined && v !== null) {
      const c = n.pipe.cmds[n.pipe.cmds.length - 1] as Command;
      this.fail(c, cmdString(c), `range can't iterate over ${formatValue(v)}`);
    }
    if (!ran && n.elseList) this.walk(dot, n.elseList);
    this.input.hooks?.leave();
    this.vars.length = outer;
  }

  print(at: Pipe, v: Value): string {
    if (v instanceof GoFunc) this.fail(at, 'print', `can't print ${v.name} of type func`);
    const text = formatValue(v);
    this.emitted(at, 'print', text);
    this.out.push(text);
    return text;
  }

  setVar(at: Pos, name: string, v: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const slot = this.vars[i];
      if (slot && slot.name === name) {
        slot.value = v;
        return;
      }
    }
    this.fail(at, name, `undefined variable: ${name}`);
  }

  setTopVar(n: number, v: Value): void {
    const slot = this.vars[this.vars.length - n];
    if (slot) slot.value = v;
  }

  varValue(at: Pos, name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const slot = this.vars[i];
      if (slot && slot.name === name) return slot.value;
    }
    return this.fail(at, name, `undefined variable: ${name}`);
  }

  evalPipeline(dot: Value, pipe: Pipe): Value {
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // Go digs one level into interface{} results: a nil interface becomes "no value".
      if (value === null) value = undefined;
    }
    const v: Value = value === MISSING ? undefined : value;
    for (const d of pipe.decl) {
      if (pipe.isAssign) this.setVar(pipe, d, v);
      else this.vars.push({ name: d, value: v });
    }
    return v;
  }

  evalCommand(dot: Value, cmd: Command, final: Final): Value {
    const first = cmd.args[0] as Arg;
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        const recv = this.evalArg(dot, 'any', first.node, true);
        return this.evalFieldChain(dot, recv, first, first.field, cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.name, first, cmd, final);
      case 'pipe':
        this.notAFunction(cmd, final);
        return this.evalPipeline(dot, first.pipe);
      case 'variable': {
        const v = this.varValue(first, first.ident[0] as string);
        if (first.ident.length === 1) {
          this.notAFunction(cmd, final);
          return v;
        }
        return this.evalFieldChain(dot, v, first, first.ident.slice(1), cmd.args, final);
      }
    }
    this.notAFunction(cmd, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.fail(first, 'nil', 'nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.value;
    }
  }

  notAFunction(cmd: Command, final: Final): void {
    if (cmd.args.length > 1 || final !== MISSING)
      this.fail(cmd, cmdString(cmd), `can't give argument to non-function ${argString(cmd.args[0] as Arg)}`);
  }

  idealConstant(n: Extract<Arg, { kind: 'number' }>): Value {
    const r = idealConstant(n);
    return 'error' in r ? this.fail(n, n.text, r.error) : r.value;
  }

  evalFieldChain(_dot: Value, recv: Value, at: Arg, ident: string[], args: Arg[], final: Final): Value {
    let r = recv;
    for (let i = 0; i < ident.length - 1; i++) r = this.evalField(ident[i] as string, at, [], MISSING, r);
    return this.evalField(ident[ident.length - 1] as string, at, args, final, r);
  }

  evalField(name: string, at: Arg, args: Arg[], final: Final, recv: Value): Value {
    if (recv === undefined) return undefined;
    if (recv === null) return this.fail(at, argString(at), `nil pointer evaluating interface {}.${name}`);
    if (recv instanceof Map) {
      if (args.length > 1 || final !== MISSING)
        this.fail(at, argString(at), `${name} is not a method but has arguments`);
      // A missing key is "no value" (missingkey=default); a stored nil stays a nil interface.
      return recv.get(name);
    }
    return this.fail(at, argString(at), `can't evaluate field ${name} in type ${typeName(recv)}`);
  }

  evalFunction(dot: Value, name: string, at: Arg, cmd: Command, final: Final): Value {
    const fn = this.input.funcs.get(name);
    if (!fn) return this.fail(at, name, `${JSON.stringify(name)} is not a defined function`);
    const args = cmd.args.slice(1);
    if (name === 'and' || name === 'or') return this.evalAndOr(dot, name, cmd, args, final);
    return this.evalCall(dot, fn, name, cmd, args, final);
  }

  evalAndOr(dot: Value, name: string, cmd: Command, args: Arg[], final: Final): Value {
    if (args.length === 0 && final === MISSING)
      this.fail(cmd, cmdString(cmd), `wrong number of args for ${name}: want at least 1 got 0`);
    let v: Value;
    for (const a of args) {
      v = this.evalArg(dot, 'value', a);
      if (isTrue(v) === (name === 'or')) return v;
    }
    if (final !== MISSING) v = final;
    return v;
  }

  evalCall(dot: Value, fn: GoFunction, name: string, cmd: Command, args: Arg[], final: Final): Value {
    const numIn = args.length + (final === MISSING ? 0 : 1);
    const fixed = fn.params.length;
    if (fn.variadic !== undefined ? numIn < fixed : numIn !== fixed) {
      const want = fn.variadic !== undefined ? `at least ${fixed}` : `${fixed}`;
      this.fail(cmd, cmdString(cmd), `wrong number of args for ${name}: want ${want} got ${numIn}`);
    }
    const typeAt = (i: number): ParamType =>
      i < fixed ? (fn.params[i] as ParamType) : (fn.variadic as ParamType);
    const argv = args.map((a, i) => this.evalArg(dot, typeAt(i), a));
    if (final !== MISSING) argv.push(this.validateType(cmd, cmdString(cmd), final, typeAt(args.length)));
    this.step(cmd, cmdString(cmd));
    let r: Value;
    try {
      r = fn.fn(...argv);
    } catch (e: unknown) {
      if (e instanceof TemplateError) throw e;
      const msg = e instanceof FuncError || e instanceof Error ? e.message : String(e);
      return this.fail(cmd, cmdString(cmd), `error calling ${name}: ${msg}`);
    }
    // A value grown step by step (a string doubled in a loop) is stopped here.
    if ((typeof r === 'string' || Array.isArray(r)) && r.length > MAX_VALUE_CHARS)
      this.fail(
        cmd,
        cmdString(cmd),
        `error calling ${name}: result longer than this preview's limit of ${MAX_VALUE_CHARS}`,
      );
    return r;
  }

  evalArg(dot: Value, t: ParamType, a: Arg, chainRecv = false): Value {
    const ctx = argString(a);
    switch (a.kind) {
      case 'dot':
        return this.validateType(a, ctx, dot, t);
      case 'nil':
        if (['any', 'list', 'map', 'value'].includes(t)) return null;
        return this.fail(a, ctx, `cannot assign nil to ${goType(t)}`);
      case 'field':
        return this.validateType(a, ctx, this.evalFieldChain(dot, dot, a, a.ident, [a], MISSING), t);
      case 'variable':
        return this.validateType(
          a,
          ctx,
          this.evalCommand(dot, { args: [a], pos: a.pos, line: a.line }, MISSING),
          t,
        );
      case 'pipe':
        return this.validateType(a, ctx, this.evalPipeline(dot, a.pipe), t);
      case 'identifier':
        return this.validateType(
          a,
          ctx,
          this.evalFunction(dot, a.name, a, { args: [a], pos: a.pos, line: a.line }, MISSING),
          t,
        );
      case 'chain':
        return this.validateType(
          a,
          ctx,
          this.evalCommand(dot, { args: [a], pos: a.pos, line: a.line }, MISSING),
          t,
        );
    }
    if (chainRecv) return this.evalCommand(dot, { args: [a], pos: a.pos, line: a.line }, MISSING);
    const r = constantArg(a, t);
    return 'error' in r ? this.fail(a, ctx, r.error) : r.value;
  }

  validateType(at: Pos, ctx: string, v: Value, t: ParamType): Value {
    const r = assignable(v, t);
    return 'error' in r ? this.fail(at, ctx, r.error) : r.value;
  }
}

// Evaluation of pipelines and their commands (text/template/exec.go evalPipeline, evalCommand,
// evalField, evalFunction, evalCall, evalArg): fields of maps, variables, constants, function calls
// with Go's argument counts and types, and the short-circuit `and`/`or`.
import { type Arg, argString, type Command, cmdString, type Pipe } from './ast.js';
import { FuncError, TemplateError } from './errors.js';
import { assignable, constantArg, goType, idealConstant } from './exec-args.js';
import { ExecState, type Pos } from './exec-state.js';
import type { GoFunction, ParamType } from './funcs.js';
import { MAX_VALUE_CHARS } from './limits.js';
import { isTrue, typeName, type Value } from './value.js';

/** No value piped in yet: the first command of a pipeline, unlike a piped `undefined`. */
const MISSING = Symbol('missing');
type Final = Value | typeof MISSING;

export class Evaluator extends ExecState {
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
      case 'pipe':
        return this.validateType(a, ctx, this.evalPipeline(dot, a.pipe), t);
      case 'identifier':
        return this.validateType(
          a,
          ctx,
          this.evalFunction(dot, a.name, a, { args: [a], pos: a.pos, line: a.line }, MISSING),
          t,
        );
      case 'variable':
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

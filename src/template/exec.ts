// Executor for Go's text/template (text/template/exec.go): walks the parse tree with Go's rules for
// text, actions, if/with, range with break/continue, and nested templates. Pipelines are evaluated
// by exec-eval.ts; variables, budget and errors live in exec-state.ts.
import { type Arg, argString, type Command, cmdString, type ListNode, type Node, pipeString } from './ast.js';
import { TemplateError } from './errors.js';
import { Evaluator } from './exec-eval.js';
import type { ExecInput } from './exec-state.js';
import { budgetFor } from './limits.js';
import { formatValue } from './print.js';
import { GoFunc, Int64, isTrue, type Value } from './value.js';

// Thrown by {{break}} and {{continue}} and caught by the innermost range.
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');
const MAX_DEPTH = 1000;

export function execute(input: ExecInput, data: Value): string {
  const root = input.set.get(input.name);
  if (!root) throw new TemplateError(`template: ${input.name}: no such template`, input.name, 0);
  const out: string[] = [];
  const budget = budgetFor(input.source, input.pool);
  new TreeWalker(input, input.name, [{ name: '$', value: data }], out, 0, budget).walk(data, root);
  return out.join('');
}

class TreeWalker extends Evaluator {
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
        new TreeWalker(
          this.input,
          n.name,
          [{ name: '$', value: d }],
          this.out,
          this.depth + 1,
          this.budget,
        ).walk(d, t);
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
        if (n.pipe.isAssign) this.setVar(n.pipe, decl[0] as string, decl.length > 1 ? index : elem);
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
}

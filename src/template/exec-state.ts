// What one executing template carries (text/template/exec.go's `state`): its variables, the output
// it appends to, the shared step and size budget, and Go's error format with line and column. The
// evaluator (exec-eval.ts) and the tree walker (exec.ts) build on it.
import type { Pipe } from './ast.js';
import { TemplateError } from './errors.js';
import type { FuncMap } from './funcs.js';
import type { Budget, StepPool } from './limits.js';
import type { TreeSet } from './parser.js';
import { formatValue } from './print.js';
import { GoFunc, type Value } from './value.js';

/** Where a node starts in the source, for error messages. */
export interface Pos {
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

interface Variable {
  name: string;
  value: Value;
}

export class ExecState {
  constructor(
    readonly input: ExecInput,
    readonly tmpl: string,
    public vars: Variable[],
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

  /** Sets the variable `n` places from the top of the stack (range's declared variables). */
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
}

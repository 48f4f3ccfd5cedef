// The item stream a text/template parser reads, with Go's lookahead and error helpers.
import { TemplateError } from './errors.js';
import type { Item, ItemType } from './lexer.js';
import { unquote } from './literal.js';

export class TokenStream {
  i = 0;

  constructor(
    readonly items: Item[],
    public treeName: string,
  ) {}

  fail(msg: string, it: Item = this.items[Math.min(this.i, this.items.length - 1)] as Item): never {
    throw new TemplateError(`template: ${this.treeName}:${it.line}: ${msg}`, this.treeName, it.line);
  }

  next(): Item {
    const it = this.items[this.i] as Item;
    if (it.type === 'error') this.fail(it.val, it);
    if (this.i < this.items.length - 1) this.i++;
    return it;
  }

  peek(): Item {
    const it = this.items[this.i] as Item;
    if (it.type === 'error') this.fail(it.val, it);
    return it;
  }

  nextNonSpace(): Item {
    let it = this.next();
    while (it.type === 'space') it = this.next();
    return it;
  }

  peekNonSpace(): Item {
    const it = this.nextNonSpace();
    this.i--;
    return it;
  }

  unexpected(it: Item, ctx: string): never {
    return this.fail(`unexpected ${it.type === 'eof' ? 'EOF' : `<${it.val}>`} in ${ctx}`, it);
  }

  expect(t: ItemType, ctx: string): Item {
    const it = this.nextNonSpace();
    if (it.type !== t) this.unexpected(it, ctx);
    return it;
  }

  /** The value of a string item (Go's strconv.Unquote). */
  literal(t: Item): string {
    try {
      return unquote(t.val);
    } catch {
      return this.fail(`invalid syntax: ${t.val}`, t);
    }
  }
}

// Baseline: a bare streaming yaml parse (Parser + Composer with a LineCounter) of every file, with no
// extraction. The scan benchmark reports the CLI as a ratio of this.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Composer, LineCounter, Parser } from 'yaml';

const dir = process.argv[2];
let documents = 0;
for (const name of readdirSync(dir).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const lineCounter = new LineCounter();
  const composer = new Composer();
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text), true, text.length)) {
    if (doc.contents) documents++;
  }
}
if (documents === 0) process.exit(1);

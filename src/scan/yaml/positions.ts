// Source positions of a YAML file, computed from its text alone.
import { LineCounter } from 'yaml';

/** Line starts of `text`, found in the text itself. yaml's `Parser(onNewLine)` / `lineCounter` option
 *  misses newlines inside some malformed tokens (an unclosed flow collection, an alias used as a key),
 *  which shifted every later position by a line or more. */
export function lineCounterOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

// Small helpers every stage uses.

/** `to.push(...items)` without the spread: spread arguments overflow the stack beyond ~120k items, and
 *  a release can hold that many image uses or findings. */
export function append<T>(to: T[], items: Iterable<T>): void {
  for (const item of items) to.push(item);
}

/** Code-unit order: locale-independent, so output is byte-identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`…). */
export function errorCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** The message of anything thrown, after its system error code when it has one. */
export function errorWithCode(e: unknown): string {
  const code = errorCode(e);
  if (e instanceof Error) return code ? `${code}: ${e.message}` : e.message;
  return String(e);
}

/** Anything thrown, as an Error (kept as a result or collected, not rethrown). */
export function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** The message of anything thrown. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The first line of a message: file and parser errors may append a multi-line excerpt. */
export function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}

/** The first line of anything thrown. */
export function firstErrorLine(e: unknown): string {
  return e instanceof Error ? firstLine(e.message) : String(e);
}

/** Runs `work` on every item, at most `limit` at once (at least one), taking items in order. */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

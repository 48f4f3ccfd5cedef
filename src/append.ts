/** `to.push(...items)` without the spread: spread arguments overflow the stack beyond ~120k items, and
 *  a release can hold that many image uses or findings. */
export function append<T>(to: T[], items: Iterable<T>): void {
  for (const item of items) to.push(item);
}

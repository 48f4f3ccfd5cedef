// Reads a list of files in order with the next one already being read while the caller works on the
// current one, so the scan's parsing (synchronous CPU work) and the file system overlap instead of
// taking turns. At most one file beyond the current one is held, whatever the release's size.

export type ReadOutcome = { file: string; text: string } | { file: string; error: unknown };

/** Yields each file's text or read error, in order; `read` of file k+1 starts before k is yielded. */
export async function* readAhead(
  files: readonly string[],
  read: (file: string) => Promise<string>,
): AsyncGenerator<ReadOutcome> {
  // Every read settles into an outcome, so a failed read-ahead is never an unhandled rejection while
  // the caller is still busy with the file before it.
  const start = (file: string): Promise<ReadOutcome> =>
    read(file).then(
      (text) => ({ file, text }),
      (error: unknown) => ({ file, error }),
    );
  let next = files.length > 0 ? start(files[0]!) : undefined;
  for (let i = 0; next !== undefined; i++) {
    const current = next;
    next = i + 1 < files.length ? start(files[i + 1]!) : undefined;
    yield await current;
  }
}

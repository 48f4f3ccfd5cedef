/** A parse or execution error, with Go's `template: NAME:LINE[:COL]: ...` message. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly templateName: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Thrown by a function to report an error the way text/template wraps it ("error calling X: ..."). */
export class FuncError extends Error {}

/** A Go text/template parse error, worded like Go's own (`function "x" not defined`). */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based line of the template text where parsing stopped. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'TemplateSyntaxError';
  }
}

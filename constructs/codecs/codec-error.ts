/** A rule that one Terraform resource shape cannot carry; the message names the field and the way out. */
export class CodecError extends Error {
  constructor(
    /** JSON Pointer into the canonical rule payload. */
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'CodecError';
  }
}

import { ToolkitError } from '../model/toolkit-error';

/** A rule that one Terraform resource shape cannot carry; the message names the field and the way out. */
export class CodecError extends ToolkitError {
  constructor(
    /** JSON Pointer into the canonical rule payload. */
    readonly path: string,
    /** What cannot be carried and the way out. */
    readonly reason: string,
  ) {
    super('rule for this resource', { pointer: path }, [{ path, message: reason }]);
  }
}

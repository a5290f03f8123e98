import { ToolkitError, type ErrorLocation } from '../constructs/model/toolkit-error';

/**
 * Bad input to a pipeline function: a file that is not a Terraform plan, an unsupported format
 * version, an unknown stack. The message says what, where (`where.file`, and a JSON Pointer or a
 * field as the problem's `path`) and what is allowed; the CLI prints it with exit code 2.
 */
export class PipelineInputError extends ToolkitError {
  constructor(message: string, where: ErrorLocation = {}, subject = 'pipeline input', path = '') {
    super(subject, where, [{ path, message }]);
  }
}

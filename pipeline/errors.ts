/**
 * Bad input to a pipeline function: a file that is not a Terraform plan, an unsupported format
 * version, an unknown stack. The message says what, where and what is allowed; the CLI prints it as
 * one line with exit code 2.
 */
export class PipelineInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineInputError';
  }
}

import { Fn, TerraformStack, TerraformVariable, Token, type IConstruct } from '../engine';
import { PropsError } from '../model/props-error';

const VARIABLE_NAME = /^[a-z_][a-z0-9_]*$/;
const ENV_PREFIX = 'TF_VAR_';

export interface SecretOptions {
  /** What the secret is for, shown by `terraform plan` when the variable is missing. @default - names the env var to set */
  readonly description?: string;
}

/**
 * A secret value (webhook URL, routing key, API key, password) that reaches Terraform only through
 * a `sensitive = true` input variable. The synthesized files hold `var.<name>`, never the value, and
 * Terraform masks everything derived from it in plans.
 */
export class Secret {
  /**
   * The sensitive variable `name` of the stack that holds `scope`, created on first use and shared
   * by every later call with the same name. Terraform reads it from `TF_VAR_<name>` (or `-var`, or
   * a `*.tfvars` file kept out of version control).
   */
  static fromVariable(scope: IConstruct, name: string, options: SecretOptions = {}): Secret {
    if (!VARIABLE_NAME.test(name)) {
      throw new PropsError('Secret.fromVariable', scope.node.path, [
        {
          field: 'name',
          message:
            `'${name}' is not a usable variable name; use lower-case letters, digits and '_' ` +
            `(starting with a letter or '_'), so it can be set as TF_VAR_${name.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase()}`,
        },
      ]);
    }
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(`secret-${name}`);
    if (existing instanceof TerraformVariable) return new Secret(existing, name);
    if (existing)
      throw new PropsError('Secret.fromVariable', scope.node.path, [
        { field: 'name', message: `the id 'secret-${name}' is already used by another construct in stack '${stack.node.id}'; choose another name` },
      ]);
    const variable = new TerraformVariable(stack, `secret-${name}`, {
      type: 'string',
      sensitive: true,
      nullable: false,
      description: options.description ?? `Secret '${name}'. Set it with TF_VAR_${name}; it never appears in synthesized files.`,
      validation: [{ condition: `\${length(var.${name}) > 0}`, errorMessage: `Variable ${name} is empty; set TF_VAR_${name}.` }],
    });
    variable.overrideLogicalId(name);
    return new Secret(variable, name);
  }

  /**
   * The secret Terraform reads from the environment variable `envVar`, which must be spelled
   * `TF_VAR_<name>` because that is the only way Terraform takes input from the environment.
   * Synthesis never reads it; only `terraform plan`/`apply` do.
   */
  static fromEnv(scope: IConstruct, envVar: string, options: SecretOptions = {}): Secret {
    if (!envVar.startsWith(ENV_PREFIX) || !VARIABLE_NAME.test(envVar.slice(ENV_PREFIX.length))) {
      throw new PropsError('Secret.fromEnv', scope.node.path, [
        {
          field: 'envVar',
          message:
            `'${envVar}' cannot be read by Terraform; Terraform takes input from the environment only as ` +
            `TF_VAR_<name> with <name> in lower-case letters, digits and '_' (for example TF_VAR_slack_webhook_url)`,
        },
      ]);
    }
    return Secret.fromVariable(scope, envVar.slice(ENV_PREFIX.length), options);
  }

  static isSecret(value: unknown): value is Secret {
    return value instanceof Secret;
  }

  private constructor(
    /** The sensitive input variable that carries the value. */
    readonly variable: TerraformVariable,
    /** The variable's name (`var.<name>`). */
    readonly variableName: string,
  ) {}

  /** The environment variable that sets this secret for Terraform. */
  get envVar(): string {
    return `${ENV_PREFIX}${this.variableName}`;
  }

  /** The Terraform expression of the value, for use inside `${...}`. */
  get expression(): string {
    return `var.${this.variableName}`;
  }

  /** The value as a token, for attributes that take the secret directly. */
  get value(): string {
    return Token.asString(this.variable.value);
  }

  /** The value as a JSON string literal token (`${jsonencode(var.x)}`), for JSON documents. */
  get jsonValue(): string {
    return Token.asString(Fn.jsonencode(this.variable.value));
  }

  toString(): string {
    return `Secret(var.${this.variableName})`;
  }

  toJSON(): string {
    return this.toString();
  }
}

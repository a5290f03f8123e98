import { z } from 'zod';
import { App, TerraformStack, type Construct, type IConstruct, type TerraformBackend } from '../engine';
import { setEnvironment } from './environment';
import { parseProps } from '../model/parse-props';
import { SignozProviders } from '../providers/signoz-providers';
import { exactly } from '../providers/versions';
import type { EnvironmentSettings, ResolvedEnvironmentSettings } from './environment-settings';
import { environmentSettingsSchema } from './environment-settings-schema';
import { addStateBackend } from './state-backend';
import type { SameShape } from '../model/type-equality';
import { DEFAULT_CHECK_IDS, type DefaultCheckId } from '../validation/estate-checks';
import { addDefaultChecks } from './default-checks';
import { makeSynthAtomic } from './atomic-synth';

export interface AlertStackProps {
  /** The environment this stack deploys to. */
  readonly environment: EnvironmentSettings;
  /**
   * The checks run at synth, before the stack is written: `channel-references` (every channel an
   * alert or route policy names is declared in the environment), `unique-alert-names` and
   * `no-literal-secrets` (in alert annotations and labels). `false` turns all off; `{ skip }` names
   * the ones to leave out.
   * @default true - every default check
   */
  readonly checks?: boolean | { readonly skip: readonly DefaultCheckId[] };
}

const propsSchema = z.strictObject({
  environment: environmentSettingsSchema,
  checks: z.union([z.boolean(), z.strictObject({ skip: z.array(z.enum(DEFAULT_CHECK_IDS)).readonly() }).readonly()]).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameShape<z.input<typeof propsSchema>, AlertStackProps>;

/**
 * A stack of SigNoz alerting resources for one environment: Terraform pinned exactly
 * (`required_version`), the signoz and restapi providers pinned exactly and configured without
 * credentials in the files, and the state backend the environment names (local by default).
 */
export class AlertStack extends TerraformStack {
  /** The AlertStack that holds `scope`, if any. */
  static find(scope: IConstruct): AlertStack | undefined {
    const stack = TerraformStack.of(scope);
    return stack instanceof AlertStack ? stack : undefined;
  }

  readonly environment: ResolvedEnvironmentSettings;
  readonly providers: SignozProviders;
  readonly backend: TerraformBackend;

  constructor(scope: Construct, id: string, props: AlertStackProps) {
    super(scope, id);
    const parsed = parseProps(propsSchema, props, 'AlertStack', this.node.path);
    this.environment = parsed.environment;
    this.addOverride('terraform.required_version', exactly(this.environment.terraformVersion));
    this.providers = SignozProviders.of(this);
    this.backend = addStateBackend(this, this.environment.backend, this.environment.name);
    // The environment's labels, channel overrides, disabled alerts and overrides apply to every alert in the stack.
    setEnvironment(this, props.environment);
    // The app's output folder is written whole or not at all, and a refused synth reports one line per problem.
    const root = this.node.root;
    if (App.isApp(root)) makeSynthAtomic(root);
    const checks = parsed.checks ?? true;
    const name = this.environment.name;
    const app = this.node.root;
    const stacks = () => app.node.findAll().filter((c) => c instanceof AlertStack && c.environment.name === name);
    addDefaultChecks(this, { name, stacks }, checks === true ? [] : checks === false ? DEFAULT_CHECK_IDS : checks.skip);
  }
}

import { z } from 'zod';
import { TerraformStack, type Construct, type IConstruct, type TerraformBackend } from '../engine';
import { setEnvironment } from './environment';
import { parseProps } from '../model/props-error';
import { SignozProviders } from '../providers/signoz-providers';
import { exactly } from '../providers/versions';
import { environmentSettingsSchema, type EnvironmentSettings, type ResolvedEnvironmentSettings } from './environment-settings';
import { addStateBackend } from './state-backend';
import type { SameShape } from '../model/type-equality';

export interface AlertStackProps {
  /** The environment this stack deploys to. */
  readonly environment: EnvironmentSettings;
}

const propsSchema = z.strictObject({ environment: environmentSettingsSchema });
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
    this.environment = parseProps(propsSchema, props, 'AlertStack', this.node.path).environment;
    this.addOverride('terraform.required_version', exactly(this.environment.terraformVersion));
    this.providers = SignozProviders.of(this);
    this.backend = addStateBackend(this, this.environment.backend, this.environment.name);
    // The environment's labels, channel overrides, disabled alerts and overrides apply to every alert in the stack.
    setEnvironment(this, props.environment);
  }
}

/**
 * Terraform's built-in `terraform_data` resource, as cdktf's `DataResource` writes it, without
 * cdktf's synth-time check that runs `terraform version`: that check fails synth on machines without
 * the Terraform binary (synth must work offline and without it), and every stack of this library
 * pins `required_version` exactly, which Terraform itself enforces at init.
 */
import { TerraformResource, type Construct, type ITerraformDependable } from '../engine';

export interface TerraformDataProps {
  /** Any value; it is stored in state and shown in plans. */
  readonly input?: unknown;
  /** Values whose change replaces the resource. */
  readonly triggersReplace?: unknown;
  readonly dependsOn?: ITerraformDependable[];
}

export class TerraformData extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: TerraformDataProps = {},
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      ...(props.dependsOn ? { dependsOn: props.dependsOn } : {}),
    });
  }

  get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      ...(this.props.input !== undefined ? { input: this.props.input } : {}),
      ...(this.props.triggersReplace !== undefined ? { triggers_replace: this.props.triggersReplace } : {}),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.synthesizeAttributes()).map(([name, value]) => [name, { value, isBlock: false, type: 'simple', storageClassType: 'any' }]));
  }
}

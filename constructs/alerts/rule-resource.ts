/**
 * The Terraform resource behind an `AlertRule`: a `signoz_rule` or `signoz_alert` whose attributes
 * the codec writes in Terraform's shape when the stack is synthesized.
 *
 * Why not the generated L1 class: for `signoz_rule` it is ~18,000 lines of nested typed wrappers,
 * and instantiating them dominated synth time and memory (measured: 30,000 rules took 28 s and
 * 1.7 GB as L1 objects). The attributes here are exactly what the L1 class writes (a test
 * synthesizes both and compares them), and the codec's output is checked against the provider
 * schema at synth, so nothing is lost by skipping the wrappers.
 */
import { TerraformResource, type Construct, type ITerraformDependable } from '../engine';
import { escapedStrings } from '../model/terraform-literal';
import { SIGNOZ_PROVIDER } from '../providers/versions';
import type { RuleTarget } from './rule-target';
import { ToolkitError } from '../model/toolkit-error';
import { PASS_THROUGH_ATTRIBUTES_CONTEXT, passThroughAttributes } from './resolved-attribute';

export class RuleResource extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    resourceType: RuleTarget,
    private readonly attributes: () => Record<string, unknown>,
    dependsOn: ITerraformDependable[],
  ) {
    super(scope, id, {
      terraformResourceType: resourceType,
      terraformGeneratorMetadata: { providerName: 'signoz', providerVersion: SIGNOZ_PROVIDER.version, providerVersionConstraint: SIGNOZ_PROVIDER.version },
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
  }

  private importId?: string;

  /** The rule id SigNoz assigns (known after apply). */
  get id(): string {
    return this.getStringAttribute('id');
  }

  /**
   * Adopts the existing SigNoz rule `id` (a Terraform `import` block) instead of creating one.
   * Written here rather than through cdktf's `importFrom`, whose synth-time check runs the
   * `terraform` binary (synth must work without it); Terraform >= 1.5 reads import blocks, and
   * every stack pins its Terraform version exactly.
   */
  importFrom(id: string): void {
    this.importId = id;
  }

  toTerraform(): Record<string, unknown> {
    const out = super.toTerraform() as Record<string, unknown>;
    if (this.importId === undefined) return out;
    return { ...out, import: [{ to: `${this.terraformResourceType}.${this.friendlyUniqueId}`, id: this.importId }] };
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    // Terraform would read `${` and `%{` in queries or templates as its own syntax; SigNoz must get them verbatim.
    const attributes = escapedStrings(this.attributes());
    return this.node.tryGetContext(PASS_THROUGH_ATTRIBUTES_CONTEXT) === false ? attributes : passThroughAttributes(attributes);
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    throw new ToolkitError('synth output format', { constructPath: this.node.path }, [
      { path: '', message: 'alert rules synthesize to Terraform JSON only; run cdktf synth without --hcl' },
    ]);
  }
}

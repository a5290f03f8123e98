import { Lazy, TerraformLocal, TerraformStack, type Construct, type TerraformResource } from '../engine';
import { hclLiteral, hclTraversal } from '../model/hcl-expression';
import { escapeTemplateSequences } from '../model/terraform-literal';
import { Secret } from '../secrets/secret';
import { receiverLeaves, type ReceiverDocument } from './receiver-document';

export interface ChannelDriftCheckOptions {
  /** The definition, as sent to SigNoz. */
  readonly receiver: ReceiverDocument;
  /** Expression (no `${}`) of the receiver as SigNoz stores it, decoded. */
  readonly storedReceiverExpression: string;
  /** The resource that manages the channel, named in the fix hint. */
  readonly resource: TerraformResource;
}

/**
 * Adds a Terraform `check` that compares every field the definition sets with the receiver SigNoz
 * stores, one assertion per field, so `terraform plan` warns when someone edited the channel in the
 * UI (and says which field). SigNoz fills in defaults for fields the definition leaves out; those
 * are not compared. The stored receiver goes through a `sensitive()` local, so a failing assertion
 * never prints it (it holds the channel's secrets).
 */
export function addChannelDriftCheck(scope: Construct, options: ChannelDriftCheckOptions): void {
  const stored = new TerraformLocal(scope, 'stored_receiver', `\${try(sensitive(${options.storedReceiverExpression}), null)}`);
  const storedRef = `local.${stored.friendlyUniqueId}`;
  const address = Lazy.stringValue({
    produce: () => `${options.resource.terraformResourceType}.${options.resource.friendlyUniqueId}`,
  });
  const channel = escapeTemplateSequences(options.receiver.name);
  const assertions = receiverLeaves(options.receiver.body)
    .filter((leaf) => leaf.path.length > 0 && leaf.path[0] !== 'name')
    .map((leaf) => {
      const field = hclTraversal('', leaf.path).replace(/^\./, '');
      const expected = Secret.isSecret(leaf.value) ? leaf.value.expression : hclLiteral(leaf.value);
      return {
        condition: `\${${storedRef} == null ? true : try(${hclTraversal(storedRef, leaf.path)} == ${expected}, false)}`,
        error_message:
          `Notification channel '${channel}' was changed outside Terraform: ${escapeTemplateSequences(field)} in SigNoz differs ` +
          `from the code. Copy the change into the code, or restore the code's version with: terraform apply -replace=${address}`,
      };
    });
  TerraformStack.of(scope).addOverride(`check.${stored.friendlyUniqueId}_in_sync`, { assert: assertions });
}

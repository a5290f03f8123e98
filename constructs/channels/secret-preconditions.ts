import type { TerraformResource } from '../engine';
import { hclString } from '../model/hcl-expression';
import type { Secret } from '../secrets/secret';
import type { ChannelConfig } from './channel-config';

interface UrlRule {
  readonly secret: Secret;
  readonly pattern: string;
  readonly expectation: string;
}

function urlRules(config: ChannelConfig): UrlRule[] {
  switch (config.kind) {
    case 'slack':
      return [{ secret: config.webhookUrl, pattern: '^https://[^/]+/', expectation: 'an https URL (a Slack incoming webhook)' }];
    case 'webhook':
      return [{ secret: config.url, pattern: '^https?://[^/]+', expectation: 'an http(s) URL' }];
    case 'msteamsv2':
      return [{ secret: config.webhookUrl, pattern: '^https://[^/]+/', expectation: 'an https URL (a Teams workflow webhook)' }];
    case 'googlechat':
      return [{ secret: config.webhookUrl, pattern: '^https://chat\\.googleapis\\.com/', expectation: 'an https://chat.googleapis.com/ URL (SigNoz accepts no other)' }];
    default:
      return [];
  }
}

/**
 * Plan-time checks of secret URLs: their values are unknown at synth, so a wrong one would only
 * fail at the SigNoz API. The conditions read the sensitive variable; the messages never print it.
 */
export function addSecretPreconditions(resource: TerraformResource, config: ChannelConfig): void {
  const rules = urlRules(config);
  if (rules.length === 0) return;
  resource.addOverride(
    'lifecycle.precondition',
    rules.map((rule) => ({
      condition: `\${can(regex(${hclString(rule.pattern)}, ${rule.secret.expression}))}`,
      error_message: `Variable ${rule.secret.variableName} (${rule.secret.envVar}) must hold ${rule.expectation}.`,
    })),
  );
}

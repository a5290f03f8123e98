/** The default pack's rules, one module each; a rule's ID is its file name. */
import alertHasRoute from './alert-has-route';
import channelReferences from './channel-references';
import criticalAlertPages from './critical-alert-pages';
import disabledInProduction from './disabled-in-production';
import evaluationWindow from './evaluation-window';
import invisibleCharacters from './invisible-characters';
import noLiteralSecrets from './no-literal-secrets';
import noPagingWithoutOnCall from './no-paging-without-on-call';
import ownerLabel from './owner-label';
import pagingBudget from './paging-budget';
import providerVersionsPinned from './provider-versions-pinned';
import remoteStateLocking from './remote-state-locking';
import renotifyInterval from './renotify-interval';
import routePolicyReadable from './route-policy-readable';
import runbookLink from './runbook-link';
import severityLabel from './severity-label';
import severityOverridesTiers from './severity-overrides-tiers';
import terraformVersionPinned from './terraform-version-pinned';
import tierOrder from './tier-order';
import uniqueAlertNames from './unique-alert-names';
import type { PolicyRule } from '../rule';

export {
  alertHasRoute,
  channelReferences,
  criticalAlertPages,
  disabledInProduction,
  evaluationWindow,
  invisibleCharacters,
  noLiteralSecrets,
  noPagingWithoutOnCall,
  ownerLabel,
  pagingBudget,
  providerVersionsPinned,
  remoteStateLocking,
  renotifyInterval,
  routePolicyReadable,
  runbookLink,
  severityLabel,
  severityOverridesTiers,
  terraformVersionPinned,
  tierOrder,
  uniqueAlertNames,
};

/** Every rule of the default pack: alert rules, then stack rules, then environment rules. */
export const defaultRules: readonly PolicyRule[] = Object.freeze([
  severityLabel,
  severityOverridesTiers,
  ownerLabel,
  invisibleCharacters,
  runbookLink,
  criticalAlertPages,
  alertHasRoute,
  evaluationWindow,
  renotifyInterval,
  tierOrder,
  disabledInProduction,
  terraformVersionPinned,
  providerVersionsPinned,
  noLiteralSecrets,
  remoteStateLocking,
  routePolicyReadable,
  uniqueAlertNames,
  pagingBudget,
  channelReferences,
  noPagingWithoutOnCall,
]);

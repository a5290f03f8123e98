import { definePolicyRule, ruleIdFromFile } from '../rule';
import { nameOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'No alert is disabled in production without a recorded reason.',
  explanation:
    'A disabled production alert is a silent gap in coverage. Delete the alert, enable it, or keep it disabled ' +
    'with a suppression that says why, who owns the decision and until when (`Suppressions.add(alert, [{ id: ' +
    "'disabled-in-production', reason, owner, expires }])`). Production environments are those in " +
    '`productionEnvironments` (default prod, production, prd).',
  check: (alert, context) =>
    alert.payload.disabled === true && context.isProduction(alert.environment)
      ? `${nameOf(alert)} is disabled in production environment "${alert.environment}"; enable or delete it, or suppress this finding with a reason and an expiry date`
      : undefined,
});

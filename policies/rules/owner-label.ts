import { definePolicyRule, ruleIdFromFile } from '../rule';
import { nameOf, ownerOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Every alert names its owning team in a label.',
  explanation:
    'An alert nobody owns is an alert nobody fixes. The owner label (option `ownerLabels`, default `team` or ' +
    "`owner`) routes notifications, counts against the team's paging budget and tells the responder whom to call.",
  check: (alert, { options }) =>
    ownerOf(alert, options) === undefined ? `${nameOf(alert)} has no owner label; set ${options.ownerLabels.map((l) => `labels.${l}`).join(' or ')}` : undefined,
});

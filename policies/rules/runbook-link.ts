import { hasInterpolation } from '../../constructs/model/terraform-template';
import { definePolicyRule, ruleIdFromFile } from '../rule';
import { nameOf, severitiesOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'Critical and error alerts link a runbook.',
  explanation:
    'Whoever is woken up needs to know what to do. Alerts of the severities in `runbookSeverities` (default ' +
    'critical and error) carry an http(s) link in the `runbook_url` annotation (option `runbookAnnotation`); ' +
    'set it with the `runbook` prop of `AlertRule`.',
  check: (alert, { options }) => {
    const severities = severitiesOf(alert).filter((s) => options.runbookSeverities.includes(s));
    if (severities.length === 0) return undefined;
    const link = alert.payload.annotations?.[options.runbookAnnotation];
    if (link === undefined || link.trim() === '') {
      return `${nameOf(alert)} is ${severities.join('/')} but has no ${options.runbookAnnotation} annotation; link its runbook (AlertRule prop "runbook")`;
    }
    if (!/^https?:\/\/\S+$/.test(link) && !hasInterpolation(link)) {
      return `${nameOf(alert)} has ${options.runbookAnnotation} "${link}", which is not an http(s) URL`;
    }
    return undefined;
  },
});

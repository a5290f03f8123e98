import { formatShortDuration, parseGoDuration } from '../../constructs/model/duration';
import { definePolicyRule, ruleIdFromFile } from '../rule';
import { nameOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  description: 'The evaluation window is at least as long as the evaluation frequency.',
  explanation:
    'A rolling rule looks at the last `evalWindow` of data every `frequency`. A window shorter than the ' +
    'frequency leaves gaps no evaluation ever sees, so short spikes and whole incidents can pass unnoticed. ' +
    'Make the window at least the frequency (the default is a 5m window every 1m). Cumulative schedules are not ' +
    'judged by this rule.',
  check: (alert) => {
    const evaluation = alert.payload.evaluation;
    if (evaluation?.kind !== 'rolling') return undefined;
    const { evalWindow, frequency } = evaluation.spec;
    const window = parseGoDuration(evalWindow);
    const every = parseGoDuration(frequency);
    if (window === undefined || every === undefined) {
      return `${nameOf(alert)} has an evaluation window "${evalWindow}" or frequency "${frequency}" that is not a Go duration such as 5m`;
    }
    if (window < every) {
      return `${nameOf(alert)} looks at ${formatShortDuration(window)} of data every ${formatShortDuration(every)}, so ${formatShortDuration(every - window)} of each period is never evaluated; make the window at least ${formatShortDuration(every)}`;
    }
    return undefined;
  },
});

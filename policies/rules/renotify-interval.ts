import { formatShortDuration, parseGoDuration } from '../../constructs/model/duration';
import { definePolicyRule, ruleIdFromFile } from '../rule';
import { nameOf } from './shared/alert-facts';

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'warning',
  description: 'Alerts do not re-notify more often than the floor (default every 30m).',
  explanation:
    'Repeating a notification every few minutes trains people to mute channels. When re-notification is on, its ' +
    'interval must be at least `minRenotifyInterval` (default 30m); the AlertRule default is 4h.',
  check: (alert, { options }) => {
    const renotify = alert.payload.notificationSettings?.renotify;
    if (!renotify?.enabled || renotify.interval === undefined) return undefined;
    const interval = parseGoDuration(renotify.interval);
    if (interval === undefined) return `${nameOf(alert)} has a renotify interval "${renotify.interval}" that is not a Go duration such as 4h`;
    if (interval < options.minRenotifyIntervalMs) {
      return `${nameOf(alert)} re-notifies every ${formatShortDuration(interval)}, more often than the floor of ${options.minRenotifyInterval}`;
    }
    return undefined;
  },
});

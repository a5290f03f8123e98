/** Re-notification and grouping (`ruletypes.NotificationSettings`). */
import { parseGoDuration } from '../model/duration';
import { arrayAt, recordAt, stringAt } from './json-value';
import { invalidDuration } from './check-evaluation';
import type { IssueCollector } from './issue-collector';

const PATH = '/notificationSettings';

export function checkNotificationSettings(payload: unknown, out: IssueCollector): void {
  const settings = recordAt(payload, 'notificationSettings');
  const delay = stringAt(settings, 'newGroupEvalDelay');
  if (delay !== undefined && parseGoDuration(delay) === undefined) out.error(`${PATH}/newGroupEvalDelay`, invalidDuration(delay));
  const renotify = recordAt(settings, 'renotify');
  if (!renotify) return;
  const interval = stringAt(renotify, 'interval');
  const millis = interval === undefined ? undefined : parseGoDuration(interval);
  if (interval !== undefined && millis === undefined) {
    out.error(`${PATH}/renotify/interval`, invalidDuration(interval));
    return;
  }
  if (renotify.enabled !== true) return;
  if (millis === undefined || millis <= 0) {
    out.error(`${PATH}/renotify/interval`, 'must be a positive duration when renotify is enabled');
  }
  if ((arrayAt(renotify, 'alertStates') ?? []).length === 0) {
    out.warn(`${PATH}/renotify/alertStates`, 'renotify is enabled but alertStates is empty, so nothing is re-notified; list "firing" and/or "nodata"');
  }
}

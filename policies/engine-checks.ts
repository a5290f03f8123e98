/** Checks the policy engine makes itself; their IDs are reserved and their findings cannot be suppressed. */
import type { RuleDescriptor } from './finding';

export const ENGINE_CHECKS = {
  suppressionInvalid: {
    id: 'suppression-invalid',
    level: 'error',
    description: 'Every suppression names a rule, gives a reason of at least 10 characters and, if it expires, a valid date.',
    explanation:
      'A suppression is a recorded decision. It needs the rule ID it hides, a reason a reviewer can judge (at least 10 characters), and optionally an owner and an expiry date written as YYYY-MM-DD.',
  },
  suppressionExpired: {
    id: 'suppression-expired',
    level: 'error',
    description: 'No suppression is past its expiry date.',
    explanation:
      'An expired suppression no longer hides anything: the finding it covered is reported again, and the expiry itself is an error until the suppression is renewed with a new date and reason, or removed.',
  },
  suppressionExpiring: {
    id: 'suppression-expiring',
    level: 'warning',
    description: 'No suppression expires within 14 days of the reference date unannounced.',
    explanation:
      "A suppression that expires within 14 days still hides its finding, but it may lapse between review and apply and then fail the apply job. The warning names its expiry date and the days left so it is renewed or the finding fixed in time. The reference date is --now, else SOURCE_DATE_EPOCH, else the runner's clock (UTC).",
  },
  suppressionUnused: {
    id: 'suppression-unused',
    level: 'error',
    description: 'Every suppression still hides a finding.',
    explanation:
      'A suppression that matches no finding is stale: the problem was fixed, the construct moved, or the rule ID or appliesTo is misspelled. Remove it so suppressions keep meaning something.',
  },
  unreadableResource: {
    id: 'unreadable-resource',
    level: 'error',
    description: 'Every alert resource can be read by the policy checks.',
    explanation: 'A signoz_rule or signoz_alert resource whose attributes cannot be decoded to a rule cannot be judged, so it fails the check rather than pass unseen.',
  },
  ruleFailed: {
    id: 'rule-failed',
    level: 'error',
    description: 'Every policy rule runs to completion.',
    explanation: 'A rule that throws judged nothing; the failure is reported against the subject it was checking so the run still completes.',
  },
} as const satisfies Record<string, RuleDescriptor>;

export const ENGINE_CHECK_IDS: ReadonlySet<string> = new Set(Object.values(ENGINE_CHECKS).map((c) => c.id));

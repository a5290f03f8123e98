import { AlertRule, LogsQuery, PromQLQuery, type AlertRuleProps } from '../../constructs/alerts';
import { newStack, synth, thrownBy } from '../support/synth';

const logsRule = (query: LogsQuery): AlertRuleProps => ({ name: 'Errors', queries: [query], tiers: { critical: { target: 5 } }, channels: ['slack-alerts'] });

/** The message synth fails with for a stack holding one rule made of `props`. */
function synthError(props: AlertRuleProps): string {
  const { stack } = newStack();
  new AlertRule(stack, 'Rule', props);
  return thrownBy(() => synth(stack)).message;
}

// The construct refuses the same query text `validate` refuses, when the stack is synthesized.
describe('query text checked when an AlertRule is synthesized', () => {
  it('refuses a PromQL label regex Go cannot compile, at its line and column', () => {
    const message = synthError({
      name: 'Targets down',
      queries: [new PromQLQuery('A', 'sum(up{job=~"api|(?!web)"} == 0)')],
      tiers: { critical: { target: 0, op: '>' } },
      channels: ['pagerduty-oncall'],
    });
    expect(message).toContain('invalid PromQL at line 1, column 13: invalid regular expression "api|(?!web)"');
    expect(message).toContain('look-ahead and look-behind');
  });

  it('refuses a broken having expression', () => {
    expect(synthError(logsRule(new LogsQuery('A').count().having('count() >')))).toContain('invalid having expression at line 1, column 10: unexpected end of the expression');
  });

  it('refuses a REGEXP pattern RE2 refuses', () => {
    expect(synthError(logsRule(new LogsQuery('A').count().where("body REGEXP 'a(?=b)'")))).toContain(
      "invalid filter expression at line 1, column 13: invalid regular expression 'a(?=b)'",
    );
  });

  it('synthesizes a rule with RE2 idioms and a valid having', () => {
    const { stack } = newStack();
    new AlertRule(stack, 'Rule', logsRule(new LogsQuery('A').count().where("body REGEXP '(?i)timeout' AND service.name = 'checkout'").having('count() > 5')));
    expect(Object.keys(synth(stack).resource?.signoz_rule ?? {})).toHaveLength(1);
  });
});

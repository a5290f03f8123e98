import { OpenSloError, openSloToProps, ServiceLevelObjective, SloIndicators } from '../../constructs/slo';
import { newStack, thrownBy } from '../support/synth';

const SLO_YAML = `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  description: Checkout requests succeed.
  service: checkout
  indicator:
    metadata:
      name: checkout-errors
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: SigNoz
            spec:
              signal: metrics
              aggregations:
                - metricName: signoz_calls_total
                  timeAggregation: increase
                  spaceAggregation: sum
              filter:
                expression: "service.name = 'checkout' AND status.code = 'STATUS_CODE_ERROR'"
        total:
          metricSource:
            type: SigNoz
            spec:
              signal: metrics
              aggregations:
                - metricName: signoz_calls_total
                  timeAggregation: increase
                  spaceAggregation: sum
              filter:
                expression: "service.name = 'checkout'"
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Most requests succeed
      targetPercent: 99.9
`;

const channels = { page: ['payments-pager'], ticket: ['payments-tickets'] };

function openSloProblems(input: unknown, options = {}): string[] {
  const error = thrownBy(() => openSloToProps(input, options));
  expect(error).toBeInstanceOf(OpenSloError);
  return (error as OpenSloError).problems.map((p) => `${p.path}: ${p.message}`);
}

const replaced = (from: string, to: string) => SLO_YAML.replace(from, to);

describe('OpenSLO documents', () => {
  it('reads name, objective, period, description, service and the SigNoz queries', () => {
    const props = openSloToProps(SLO_YAML, { channels });
    expect(props).toMatchObject({
      name: 'Checkout availability',
      sloId: 'checkout-availability',
      objective: 0.999,
      period: '28d',
      description: 'Checkout requests succeed',
      labels: { service: 'checkout' },
      channels,
    });
    expect(props.indicator).toEqual({
      bad: {
        type: 'builder_query',
        spec: expect.objectContaining({ name: 'bad', signal: 'metrics', filter: { expression: "service.name = 'checkout' AND status.code = 'STATUS_CODE_ERROR'" } }),
      },
      total: { type: 'builder_query', spec: expect.objectContaining({ name: 'total', signal: 'metrics' }) },
    });
  });

  it('ServiceLevelObjective.fromOpenSlo builds the same alerts as the equivalent props', () => {
    const { stack } = newStack();
    const fromDoc = ServiceLevelObjective.fromOpenSlo(stack, 'FromDoc', SLO_YAML, { channels });
    const fromProps = new ServiceLevelObjective(stack, 'FromProps', openSloToProps(SLO_YAML, { channels }));
    expect(fromDoc.alerts.map((a) => a.payload)).toEqual(fromProps.alerts.map((a) => a.payload));
    expect(fromDoc.alerts[0]!.payload.labels).toMatchObject({ slo: 'checkout-availability', service: 'checkout', burn_tier: 'page' });
    expect(fromDoc.periodMs).toBe(28 * 86_400_000);
  });

  it('resolves indicatorRef to an SLI document in the same text, and picks one of several SLOs', () => {
    const sli = `
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-errors
spec:
  ratioMetric:
    counter: true
    good:
      metricSource:
        type: signoz
        spec: { signal: traces, aggregations: [{ expression: count() }], filter: { expression: "service.name = 'checkout' AND has_error = false" } }
    total:
      metricSource:
        type: signoz
        spec: { signal: traces, aggregations: [{ expression: count() }], filter: { expression: "service.name = 'checkout'" } }
`;
    const byRef = `${SLO_YAML.replace(/ {2}indicator:[\s\S]*?(?= {2}timeWindow:)/, '  indicatorRef: checkout-errors\n')}---${sli}---\n${SLO_YAML.replace('checkout-availability', 'other')}`;
    const props = openSloToProps(byRef, { sloName: 'checkout-availability' });
    expect(Object.keys(props.indicator)).toEqual(['good', 'total']);
    expect(openSloProblems(byRef)).toEqual(['kind: 2 SLO documents (checkout-availability, other); choose one with options.sloName']);
  });

  it("reads a top-level YAML list of documents, as OpenSLO's tools do, also mixed with --- documents", () => {
    const item = (doc: string) => `- ${doc.trim().split('\n').join('\n  ')}\n`;
    const list = item(SLO_YAML) + item(SLO_YAML.replace('name: checkout-availability', 'name: checkout-strict').replace('targetPercent: 99.9', 'targetPercent: 99.99'));
    expect(openSloProblems(list)).toEqual(['kind: 2 SLO documents (checkout-availability, checkout-strict); choose one with options.sloName']);
    expect(openSloToProps(list, { sloName: 'checkout-strict' })).toMatchObject({ sloId: 'checkout-strict', objective: 0.9999, period: '28d' });
    const { stack } = newStack();
    const slo = ServiceLevelObjective.fromOpenSlo(stack, 'FromList', list, { channels, sloName: 'checkout-availability' });
    expect(slo.alerts).toHaveLength(4);
    const mixed = `${list}---\n${SLO_YAML.replace('name: checkout-availability', 'name: third')}`;
    expect(openSloToProps(mixed, { sloName: 'third' }).sloId).toBe('third');
  });

  it('takes the queries from options.indicator when the document reads another source', () => {
    const prometheus = SLO_YAML.replace(/type: SigNoz/g, 'type: Prometheus');
    expect(openSloProblems(prometheus)).toEqual([
      "spec.indicator.spec.ratioMetric.bad.metricSource.type: 'Prometheus' is not supported: use type SigNoz with a SigNoz v5 builder query as spec, or give the queries in code as options.indicator",
      "spec.indicator.spec.ratioMetric.total.metricSource.type: 'Prometheus' is not supported: use type SigNoz with a SigNoz v5 builder query as spec, or give the queries in code as options.indicator",
    ]);
    const props = openSloToProps(prometheus, { indicator: SloIndicators.spanMetricsAvailability({ service: 'checkout' }) });
    expect(Object.keys(props.indicator)).toEqual(['bad', 'total']);
  });

  it('refuses what burn-rate alerts cannot honour, listing every field', () => {
    const doc = SLO_YAML.replace('openslo/v1', 'openslo/v1alpha')
      .replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices')
      .replace('isRolling: true', 'isRolling: false')
      .replace('targetPercent: 99.9', 'targetPercent: 99.9\n      target: 0.999');
    expect(openSloProblems(doc)).toEqual([
      'apiVersion: "openslo/v1alpha" is not supported; write the document for openslo/v1',
      "spec.budgetingMethod: 'Timeslices' is not supported: burn-rate alerts count events; use Occurrences",
      'spec.objectives[0]: give exactly one of target (0-1) and targetPercent (0-100)',
      'spec.timeWindow[0]: calendar-aligned windows are not supported: burn-rate alerts measure a rolling period; set isRolling: true and drop calendar',
    ]);
  });

  it('refuses threshold and raw indicators, bad targets, several objectives and unknown durations', () => {
    expect(openSloProblems(replaced('ratioMetric:', 'thresholdMetric:'))).toEqual([
      'spec.indicator.spec.thresholdMetric: threshold indicators are not supported: burn-rate alerts need a ratio of event counts (ratioMetric with good or bad, and total)',
    ]);
    expect(openSloProblems(replaced('targetPercent: 99.9', 'targetPercent: 100'))).toEqual([
      'spec.objectives[0].targetPercent: must be a number greater than 0 and less than 100, got 100',
    ]);
    expect(openSloProblems(replaced('duration: 28d', 'duration: 1M'))).toEqual([
      'spec.timeWindow[0].duration: must be a rolling duration with the unit m, h, d or w, such as 28d or 4w, got "1M"',
    ]);
    const two = replaced('      targetPercent: 99.9', '      targetPercent: 99.9\n    - displayName: Nearly all\n      target: 0.9999');
    expect(openSloProblems(two)).toEqual(['spec.objectives: 2 objectives; a ServiceLevelObjective guards one; choose it with options.objectiveName (its displayName)']);
    expect(openSloToProps(two, { objectiveName: 'Nearly all' }).objective).toBe(0.9999);
    expect(openSloProblems(replaced('        bad:\n', '        good:\n        bad:\n'))).toEqual(['spec.indicator.spec.ratioMetric: give exactly one of good and bad, and total']);
  });

  it('reports YAML syntax errors with line and column, and documents without an SLO', () => {
    const [problem] = openSloProblems('apiVersion: openslo/v1\nkind: SLO\nmetadata: [unclosed\n');
    expect(problem).toMatch(/^: invalid YAML at line \d+, column \d+: /);
    expect(openSloProblems('apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n')).toEqual(['kind: no document of kind SLO (found: Service)']);
    expect(thrownBy(() => openSloToProps(SLO_YAML.replace('budgetingMethod: Occurrences', ''))).message).toBe(
      "Invalid OpenSLO SLO 'checkout-availability':\n  - spec.budgetingMethod: is missing: burn-rate alerts count events; use Occurrences",
    );
  });

  it('reads an already parsed document too', () => {
    const parsed = { apiVersion: 'openslo/v1', kind: 'SLO', metadata: { name: 'x' }, spec: { budgetingMethod: 'Occurrences', objectives: [{ target: 0.99 }] } };
    expect(openSloProblems(parsed)).toEqual(['spec.indicator: needs an indicator (or indicatorRef) with a ratioMetric']);
    const props = openSloToProps(parsed, { indicator: SloIndicators.spanMetricsAvailability({ service: 'x' }) });
    expect(props).toMatchObject({ name: 'x', objective: 0.99 });
    expect(props.period).toBeUndefined();
  });
});

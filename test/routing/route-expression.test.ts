import { allOf, anyOf, label, Labels, not, RouteExpression } from '../../constructs/routing/route-expression';

describe('RouteExpression builder', () => {
  it('renders comparisons in the syntax SigNoz evaluates', () => {
    expect(Labels.service.eq('payments').toString()).toBe('service == "payments"');
    expect(Labels.severity.ne('info').toString()).toBe('severity != "info"');
    expect(Labels.severity.in(['critical', 'warning']).toString()).toBe('severity in ["critical", "warning"]');
    expect(label('team').notIn(['qa']).toString()).toBe('team not in ["qa"]');
    expect(label('host').contains('prod').toString()).toBe('host contains "prod"');
    expect(label('host').startsWith('db-').toString()).toBe('host startsWith "db-"');
    expect(label('host').endsWith('.internal').toString()).toBe('host endsWith ".internal"');
    expect(label('host').matches('^db-[0-9]+$').toString()).toBe('host matches "^db-[0-9]+$"');
  });

  it('reads dotted labels as nested maps, nil-safe after the first segment', () => {
    expect(Labels.thresholdName.eq('critical').toString()).toBe('threshold?.name == "critical"');
    expect(label('k8s.namespace.name').eq('checkout').toString()).toBe('k8s?.namespace?.name == "checkout"');
  });

  it('quotes segments that are not identifiers or are reserved words', () => {
    expect(label('k8s-cluster').eq('a').toString()).toBe('$env["k8s-cluster"] == "a"');
    expect(label('app.kubernetes-io').eq('a').toString()).toBe('app?.["kubernetes-io"] == "a"');
    expect(label('in').eq('a').toString()).toBe('$env["in"] == "a"');
  });

  it('escapes values', () => {
    expect(label('msg').eq('say "hi"\n').toString()).toBe('msg == "say \\"hi\\"\\n"');
  });

  it('combines with the fewest parentheses, flattening same-kind groups', () => {
    const critical = Labels.severity.eq('critical');
    const payments = Labels.service.eq('payments');
    const checkout = Labels.service.eq('checkout');
    expect(critical.and(payments.or(checkout)).toString()).toBe('severity == "critical" && (service == "payments" || service == "checkout")');
    expect(anyOf(critical.and(payments), checkout).toString()).toBe('severity == "critical" && service == "payments" || service == "checkout"');
    expect(allOf(critical, allOf(payments, checkout)).toString()).toBe('severity == "critical" && service == "payments" && service == "checkout"');
    expect(not(payments.or(checkout)).toString()).toBe('!(service == "payments" || service == "checkout")');
    expect(critical.negate().toString()).toBe('!(severity == "critical")');
  });

  it('lists the labels it reads', () => {
    expect(allOf(Labels.severity.eq('critical'), Labels.thresholdName.eq('x'), Labels.severity.ne('y')).labels).toEqual(['severity', 'threshold.name']);
  });

  it('keeps parsed text as written', () => {
    expect(RouteExpression.parse('  service = "a" AND severity IN ["critical"] ').toString()).toBe('service = "a" AND severity IN ["critical"]');
  });

  describe('rejects meaningless conditions with a clear message', () => {
    it.each([
      [() => label(''), 'route expression: label name must be a non-empty string'],
      [() => label('a..b'), "route expression: label name 'a..b' is not usable: each dot-separated part must be non-empty, without spaces, quotes or brackets"],
      [() => label('my label'), "route expression: label name 'my label' is not usable"],
      [() => Labels.severity.in([]), "route expression: 'in' on label 'severity' needs at least one value"],
      [() => Labels.severity.in(['a', 'a']), "route expression: 'in' on label 'severity' lists a value twice"],
      [() => label('host').contains(''), "route expression: 'contains' on label 'host' with an empty string always matches; give the text to look for"],
      [() => label('port').eq(8080 as never), "route expression: '==' takes a string (label values are strings), got 8080"],
      [() => label('host').matches('(?<=db)x'), "route expression: invalid regular expression for label 'host': look-ahead and look-behind"],
      [() => label('host').matches('(a'), "route expression: invalid regular expression for label 'host':"],
      [() => allOf(), 'route expression: allOf needs at least one condition'],
    ])('%#', (build, message) => {
      expect(build).toThrow(message);
    });
  });
});

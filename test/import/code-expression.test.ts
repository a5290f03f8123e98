import { evaluateExpr, literal, object, quoteString, renderExpr, type CodeExpr } from '../../import/code-expression';

describe('generated code expressions', () => {
  it('quotes strings so that TypeScript reads them back unchanged', () => {
    const odd = ['plain', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'line\nbreak\ttab', '\u2028\u0000', '${not a template}', '{{$value}}'];
    for (const text of odd) expect(eval(quoteString(text))).toBe(text);
    expect(quoteString("service.name = 'checkout'")).toBe(`"service.name = 'checkout'"`);
    expect(quoteString('plain')).toBe("'plain'");
  });

  it('writes identifier keys bare and others quoted', () => {
    expect(
      renderExpr(
        object([
          ['name', literal('x')],
          ['service.name', literal(1)],
          ['runbook_url', literal(true)],
        ]),
      ),
    ).toBe("{ name: 'x', 'service.name': 1, runbook_url: true }");
  });

  it('breaks long builder chains and objects over lines, two spaces per level', () => {
    const chain: CodeExpr = {
      kind: 'new',
      className: 'MetricsQuery',
      args: [literal('A'), literal('system.cpu.utilization')],
      calls: [
        { method: 'timeAggregation', args: [literal('avg')] },
        { method: 'spaceAggregation', args: [literal('max')] },
        { method: 'where', args: [literal("service.name = 'checkout' AND host.name != 'canary'")] },
      ],
    };
    expect(renderExpr(chain, '  ')).toBe(
      [
        "new MetricsQuery('A', 'system.cpu.utilization')",
        "    .timeAggregation('avg')",
        "    .spaceAggregation('max')",
        `    .where("service.name = 'checkout' AND host.name != 'canary'")`,
      ].join('\n'),
    );
    const query = evaluateExpr(chain) as { toEnvelope(): unknown };
    expect(query.toEnvelope()).toMatchObject({ spec: { aggregations: [{ metricName: 'system.cpu.utilization', timeAggregation: 'avg', spaceAggregation: 'max' }] } });
  });
});

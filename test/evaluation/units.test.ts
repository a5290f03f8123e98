import { convertUnit, unitFamily } from '../../constructs/evaluation/units';
import { unitConversionWarning } from '../../constructs/evaluation/units';

// Factors from SigNoz pkg/units (converter_time.go, converter_data.go, converter_data_rate.go, converter_percent.go).
describe('unit conversion of threshold targets (units.ConverterFromUnit(...).Convert)', () => {
  const cases: [number, string, string, number][] = [
    [1500, 'ms', 's', 1.5],
    [2, 'm', 's', 120],
    [1, 'h', 'ms', 3_600_000],
    [1, 'd', 'h', 24],
    [1, 'us', 'ns', 1000],
    [1, 'kbytes', 'bytes', 1024], // IEC for the Grafana-style names
    [1, 'decKbytes', 'bytes', 1000], // SI for the dec* names
    [1, 'MiBy', 'By', 1_048_576],
    [1.5, 'MBy', 'By', 1_500_000], // SigNoz's unit_conversion_bytes_to_mb scenario: MBy is base 10
    [1, 'bytes', 'bits', 8],
    [1, 'GBs', 'MBs', 1000],
    [1, 'Gibit/s', 'Mibit/s', 1024],
    [0.05, 'percentunit', 'percent', 5],
    [5, 'percent', 'percentunit', 0.05],
    [7, 'reqps', 'rpm', 7], // throughput: no conversion
    [1, 'bool', 'percent', 1], // bool: no conversion
    [3, 'widgets', 's', 3], // unknown unit: no conversion
  ];
  for (const [value, from, to, expected] of cases) {
    it(`${value} ${from} = ${expected} ${to}`, () => expect(convertUnit(value, from, to)).toBeCloseTo(expected, 9));
  }

  it('falls back like SigNoz when the rule unit is empty: a duration target is read as seconds', () => {
    expect(convertUnit(500, 'ms', '')).toBeCloseTo(0.5, 12);
    expect(unitConversionWarning('ms', '')).toMatch(/as if the series were in s/);
  });

  it('warns about units SigNoz does not convert and about mixed families', () => {
    expect(unitFamily('widgets')).toBe('none');
    expect(unitConversionWarning('widgets', 's')).toMatch(/not a unit SigNoz converts/);
    expect(unitConversionWarning('ms', 'bytes')).toMatch(/different kinds of unit/);
    expect(unitConversionWarning('ms', 's')).toBeUndefined();
  });
});

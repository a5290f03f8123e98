/**
 * Unit conversion of threshold targets, as SigNoz's `pkg/units` converters do it: the converter
 * is chosen by the threshold's `targetUnit`, and the target is converted into the query's
 * `compositeQuery.unit` (`ruletypes.BasicRuleThreshold.convertToRuleUnit`).
 *
 * SigNoz quirks kept on purpose: an unknown destination unit counts as the family's fallback
 * factor (seconds for durations, 1 bit for data), and `bytes` are base 2 only in their prefixed
 * IEC forms (`kbytes` = KiB); `decKbytes`/`kBy` are base 10.
 */
import { ownEntry } from '../util/json';

export type UnitFamily = 'duration' | 'data' | 'data_rate' | 'percent' | 'bool' | 'throughput' | 'none';

const SECOND = 1;
const DURATION: Readonly<Record<string, number>> = {
  ns: 1e-9 * SECOND,
  us: 1e-6 * SECOND,
  µs: 1e-6 * SECOND,
  ms: 1e-3 * SECOND,
  cs: 1e-2 * SECOND,
  ds: 1e-1 * SECOND,
  s: SECOND,
  m: 60 * SECOND,
  min: 60 * SECOND,
  h: 3600 * SECOND,
  d: 86400 * SECOND,
  w: 604800 * SECOND,
  wk: 604800 * SECOND,
};
const DURATION_SELECTORS = ['ns', 'us', 'µs', 'ms', 's', 'm', 'h', 'd', 'min', 'w', 'wk'];

const BIT = 1;
const BYTE = 8 * BIT;
const si = (base: number, power: number): number => base * 10 ** power;
const iec = (base: number, power: number): number => base * 1024 ** power;
const DATA: Readonly<Record<string, number>> = {
  bytes: BYTE,
  By: BYTE,
  decbytes: BYTE,
  bits: BIT,
  bit: BIT,
  decbits: BIT,
  kbytes: iec(BYTE, 1),
  KiBy: iec(BYTE, 1),
  decKbytes: si(BYTE, 3),
  deckbytes: si(BYTE, 3),
  kBy: si(BYTE, 3),
  mbytes: iec(BYTE, 2),
  MiBy: iec(BYTE, 2),
  decMbytes: si(BYTE, 6),
  decmbytes: si(BYTE, 6),
  MBy: si(BYTE, 6),
  gbytes: iec(BYTE, 3),
  GiBy: iec(BYTE, 3),
  decGbytes: si(BYTE, 9),
  decgbytes: si(BYTE, 9),
  GBy: si(BYTE, 9),
  tbytes: iec(BYTE, 4),
  TiBy: iec(BYTE, 4),
  decTbytes: si(BYTE, 12),
  dectbytes: si(BYTE, 12),
  TBy: si(BYTE, 12),
  pbytes: iec(BYTE, 5),
  PiBy: iec(BYTE, 5),
  decPbytes: si(BYTE, 15),
  decpbytes: si(BYTE, 15),
  PBy: si(BYTE, 15),
  EBy: si(BYTE, 18),
  ZBy: si(BYTE, 21),
  YBy: si(BYTE, 24),
  EiBy: iec(BYTE, 6),
  ZiBy: iec(BYTE, 7),
  YiBy: iec(BYTE, 8),
  Kibit: iec(BIT, 1),
  Mibit: iec(BIT, 2),
  Gibit: iec(BIT, 3),
  Tibit: iec(BIT, 4),
  Pibit: iec(BIT, 5),
  kbit: si(BIT, 3),
  Mbit: si(BIT, 6),
  Gbit: si(BIT, 9),
  Tbit: si(BIT, 12),
  Pbit: si(BIT, 15),
  Ebit: si(BIT, 18),
  Zbit: si(BIT, 21),
  Ybit: si(BIT, 24),
};
const DATA_SELECTORS = [
  'bytes',
  'decbytes',
  'bits',
  'bit',
  'decbits',
  'kbytes',
  'decKbytes',
  'deckbytes',
  'mbytes',
  'decMbytes',
  'decmbytes',
  'gbytes',
  'decGbytes',
  'decgbytes',
  'tbytes',
  'decTbytes',
  'dectbytes',
  'pbytes',
  'decPbytes',
  'decpbytes',
  'By',
  'kBy',
  'MBy',
  'GBy',
  'TBy',
  'PBy',
  'EBy',
  'ZBy',
  'YBy',
  'KiBy',
  'MiBy',
  'GiBy',
  'TiBy',
  'PiBy',
  'EiBy',
  'ZiBy',
  'YiBy',
  'kbit',
  'Mbit',
  'Gbit',
  'Tbit',
  'Pbit',
  'Ebit',
  'Zbit',
  'Ybit',
  'Kibit',
  'Mibit',
  'Gibit',
  'Tibit',
  'Pibit',
];

const DATA_RATE: Readonly<Record<string, number>> = {
  binBps: BYTE,
  Bps: BYTE,
  'By/s': BYTE,
  binbps: BIT,
  bps: BIT,
  'bit/s': BIT,
  KiBs: iec(BYTE, 1),
  'KiBy/s': iec(BYTE, 1),
  Kibits: iec(BIT, 1),
  'Kibit/s': iec(BIT, 1),
  KBs: si(BYTE, 3),
  'kBy/s': si(BYTE, 3),
  Kbits: si(BIT, 3),
  'kbit/s': si(BIT, 3),
  MiBs: iec(BYTE, 2),
  'MiBy/s': iec(BYTE, 2),
  Mibits: iec(BIT, 2),
  'Mibit/s': iec(BIT, 2),
  MBs: si(BYTE, 6),
  'MBy/s': si(BYTE, 6),
  Mbits: si(BIT, 6),
  'Mbit/s': si(BIT, 6),
  GiBs: iec(BYTE, 3),
  'GiBy/s': iec(BYTE, 3),
  Gibits: iec(BIT, 3),
  'Gibit/s': iec(BIT, 3),
  GBs: si(BYTE, 9),
  'GBy/s': si(BYTE, 9),
  Gbits: si(BIT, 9),
  'Gbit/s': si(BIT, 9),
  TiBs: iec(BYTE, 4),
  'TiBy/s': iec(BYTE, 4),
  Tibits: iec(BIT, 4),
  'Tibit/s': iec(BIT, 4),
  TBs: si(BYTE, 12),
  'TBy/s': si(BYTE, 12),
  Tbits: si(BIT, 12),
  'Tbit/s': si(BIT, 12),
  PiBs: iec(BYTE, 5),
  'PiBy/s': iec(BYTE, 5),
  Pibits: iec(BIT, 5),
  'Pibit/s': iec(BIT, 5),
  PBs: si(BYTE, 15),
  'PBy/s': si(BYTE, 15),
  Pbits: si(BIT, 15),
  'Pbit/s': si(BIT, 15),
  'EBy/s': si(BYTE, 18),
  'Ebit/s': si(BIT, 18),
  'EiBy/s': iec(BYTE, 6),
  'Eibit/s': iec(BIT, 6),
  'ZBy/s': si(BYTE, 21),
  'Zbit/s': si(BIT, 21),
  'ZiBy/s': iec(BYTE, 7),
  'Zibit/s': iec(BIT, 7),
  'YBy/s': si(BYTE, 24),
  'Ybit/s': si(BIT, 24),
  'YiBy/s': iec(BYTE, 8),
  'Yibit/s': iec(BIT, 8),
};
const DATA_RATE_SELECTORS = [
  'binBps',
  'Bps',
  'binbps',
  'bps',
  'KiBs',
  'Kibits',
  'KBs',
  'Kbits',
  'MiBs',
  'Mibits',
  'MBs',
  'Mbits',
  'GiBs',
  'Gibits',
  'GBs',
  'Gbits',
  'TiBs',
  'Tibits',
  'TBs',
  'Tbits',
  'PiBs',
  'Pibits',
  'PBs',
  'Pbits',
  'By/s',
  'kBy/s',
  'MBy/s',
  'GBy/s',
  'TBy/s',
  'PBy/s',
  'EBy/s',
  'ZBy/s',
  'YBy/s',
  'bit/s',
  'kbit/s',
  'Mbit/s',
  'Gbit/s',
  'Tbit/s',
  'Pbit/s',
  'Ebit/s',
  'Zbit/s',
  'Ybit/s',
  'KiBy/s',
  'MiBy/s',
  'GiBy/s',
  'TiBy/s',
  'PiBy/s',
  'EiBy/s',
  'ZiBy/s',
  'YiBy/s',
  'Kibit/s',
  'Mibit/s',
  'Gibit/s',
  'Tibit/s',
  'Pibit/s',
  'Eibit/s',
  'Zibit/s',
  'Yibit/s',
];

const PERCENT: Readonly<Record<string, number>> = { percent: 1, '%': 1, percentunit: 100 };
const BOOL_SELECTORS = ['bool', 'bool_yes_no', 'bool_true_false', 'bool_1_0'];
const THROUGHPUT_SELECTORS = [
  'cps',
  'ops',
  'reqps',
  'rps',
  'wps',
  'iops',
  'cpm',
  'opm',
  'rpm',
  'wpm',
  '{count}/s',
  '{ops}/s',
  '{req}/s',
  '{read}/s',
  '{write}/s',
  '{iops}/s',
  '{count}/min',
  '{ops}/min',
  '{read}/min',
  '{write}/min',
];

const FAMILY_BY_UNIT: ReadonlyMap<string, UnitFamily> = new Map<string, UnitFamily>([
  ...DURATION_SELECTORS.map((u) => [u, 'duration'] as const),
  ...DATA_SELECTORS.map((u) => [u, 'data'] as const),
  ...DATA_RATE_SELECTORS.map((u) => [u, 'data_rate'] as const),
  ...Object.keys(PERCENT).map((u) => [u, 'percent'] as const),
  ...BOOL_SELECTORS.map((u) => [u, 'bool'] as const),
  ...THROUGHPUT_SELECTORS.map((u) => [u, 'throughput'] as const),
]);

/** The converter family SigNoz picks for a unit (`units.ConverterFromUnit`); `none` converts nothing. */
export function unitFamily(unit: string): UnitFamily {
  return FAMILY_BY_UNIT.get(unit) ?? 'none';
}

/** Size of one `unit` in the family's base, with SigNoz's fallback for units the family does not know. */
function factor(family: UnitFamily, unit: string): number {
  switch (family) {
    case 'duration':
      return ownEntry(DURATION, unit) ?? SECOND;
    case 'data':
      return ownEntry(DATA, unit) ?? 1;
    case 'data_rate':
      return ownEntry(DATA_RATE, unit) ?? 1;
    case 'percent':
      return ownEntry(PERCENT, unit) ?? 1;
    default:
      return 1;
  }
}

/** `value` in `fromUnit`, expressed in `toUnit`, exactly as SigNoz converts a threshold target. */
export function convertUnit(value: number, fromUnit: string, toUnit: string): number {
  const family = unitFamily(fromUnit);
  if (family === 'none' || family === 'bool' || family === 'throughput') return value;
  return (value * factor(family, fromUnit)) / factor(family, toUnit);
}

/**
 * Why a `targetUnit` -> rule-unit conversion may not be what the author meant, or `undefined`.
 * SigNoz does not reject these; the evaluator reproduces it and says so.
 */
export function unitConversionWarning(targetUnit: string, ruleUnit: string): string | undefined {
  if (targetUnit === '' || targetUnit === ruleUnit) return undefined;
  const from = unitFamily(targetUnit);
  if (from === 'none') {
    return `targetUnit "${targetUnit}" is not a unit SigNoz converts: the target is compared with the series as written`;
  }
  if (from === 'bool' || from === 'throughput') return undefined;
  if (ruleUnit === '') {
    const assumed = from === 'duration' ? 's' : from === 'data' || from === 'data_rate' ? 'bits' : 'percent';
    return `compositeQuery.unit is empty: SigNoz converts the ${targetUnit} target as if the series were in ${assumed}`;
  }
  const to = unitFamily(ruleUnit);
  if (to !== from) {
    return `targetUnit "${targetUnit}" (${from}) and compositeQuery.unit "${ruleUnit}" (${to}) are different kinds of unit: SigNoz converts with its ${from} table anyway`;
  }
  return undefined;
}

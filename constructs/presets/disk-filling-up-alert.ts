/**
 * Disk filling up: bytes in the `used` state of the host metrics receiver's
 * `system.filesystem.usage` (a default metric with attributes `device`, `mountpoint`, `type`,
 * `mode`, `state`) over all states, per host and mount point, as SigNoz's Hosts list computes
 * disk usage (pkg/modules/inframonitoring/implinframonitoring/hosts_constants.go, queries H and I).
 * Pseudo file systems (tmpfs, overlay, ...) are left out by default since they fill and empty by
 * design.
 *
 * ```ts
 * new DiskFillingUpAlert(stack, 'Disk', { channels: ['ops-pager'], where: "mountpoint = '/var/lib/postgresql'" });
 * ```
 */
import { z } from 'zod';
import type { Construct } from '../engine';
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Evaluation } from '../alerts/evaluation';
import { Formula, MetricsQuery } from '../alerts/queries';
import { parseProps } from '../model/parse-props';
import { allOf, futurePath, presetRuleProps, quoted, type PresetProps } from './preset-props';
import { presetPropsShape } from './preset-props-schema';
import type { SameKeys, SameShape } from '../model/type-equality';

/** File system types whose usage says nothing about a disk filling up. */
export const PSEUDO_FILESYSTEM_TYPES: readonly string[] = ['tmpfs', 'devtmpfs', 'overlay', 'squashfs', 'iso9660', 'nsfs', 'autofs'];

export interface DiskFillingUpAlertProps extends PresetProps {
  /** File system `type` values to leave out. @default PSEUDO_FILESYSTEM_TYPES */
  readonly excludeFilesystemTypes?: readonly string[];
}

const schema = z.strictObject({
  ...presetPropsShape,
  excludeFilesystemTypes: z.array(z.string().min(1, 'must not be empty')).optional(),
});
// Props interface and schema are written twice; this fails to compile when they drift apart.
true satisfies SameKeys<z.input<typeof schema>, DiskFillingUpAlertProps>;
true satisfies SameShape<Omit<z.input<typeof schema>, keyof PresetProps>, Omit<DiskFillingUpAlertProps, keyof PresetProps>>;

/** The `AlertRuleProps` of a disk alert: used percent per host and mount point, tiers on the last value. */
export function diskFillingUpAlertProps(props: DiskFillingUpAlertProps = {}): AlertRuleProps {
  const excluded = props.excludeFilesystemTypes ?? PSEUDO_FILESYSTEM_TYPES;
  const typeFilter = excluded.length > 0 ? `type NOT IN [${excluded.map(quoted).join(', ')}]` : undefined;
  const usage = (name: string, filter?: string) => {
    const query = new MetricsQuery(name, 'system.filesystem.usage').timeAggregation('avg').spaceAggregation('sum').groupBy('host.name', 'device', 'mountpoint').disabled();
    const where = allOf(filter, typeFilter, props.where);
    return where ? query.where(where) : query;
  };
  return presetRuleProps(
    {
      name: 'Disk filling up',
      queries: [usage('A', "state = 'used'"), usage('B'), new Formula('F1', 'A / B * 100').legend('{{host.name}} {{mountpoint}}')],
      unit: 'percent',
      tiers: { critical: { target: 90 }, warning: { target: 80 } },
      op: 'above',
      matchType: 'last',
      evaluation: Evaluation.rolling({ window: '15m', frequency: '5m' }),
      summary: '{{$mountpoint}} on {{$host.name}} is {{$value}} full',
      description: 'File system {{$device}} mounted at {{$mountpoint}} on {{$host.name}} is {{$value}} full (threshold {{$threshold}}).',
    },
    props,
  );
}

/** Alerts when a file system fills up: critical at 90 %, warning at 80 % used. */
export class DiskFillingUpAlert extends AlertRule {
  constructor(scope: Construct, id: string, props: DiskFillingUpAlertProps = {}) {
    super(scope, id, diskFillingUpAlertProps(parseProps(schema, props, 'DiskFillingUpAlert', futurePath(scope, id)) as DiskFillingUpAlertProps));
  }
}

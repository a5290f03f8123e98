/**
 * The zod shape of `PresetProps`, spread into each preset's schema. Internal: the interface in
 * preset-props.ts is the public truth; each preset holds its schema to its props at compile time.
 */
import { z } from 'zod';
import { SEVERITIES } from '../model/enums';

/** The zod shape of `PresetProps`; AlertRule checks the values, this only rejects unknown fields. */
export const presetPropsShape = {
  name: z.string().trim().min(1, 'must not be empty').optional(),
  tiers: z
    .strictObject(
      Object.fromEntries(
        SEVERITIES.map((s) => [
          s,
          z
            .union([z.null(), z.record(z.string(), z.unknown())], {
              error: 'must be tier changes such as { target: 95 }, or null to drop the tier',
            })
            .optional(),
        ]),
      ),
    )
    .optional(),
  channels: z.array(z.unknown()).optional(),
  routing: z.unknown().optional(),
  where: z.string().trim().min(1, 'must not be empty; leave it out for no extra filter').optional(),
  evaluation: z.unknown().optional(),
  notifications: z.unknown().optional(),
  labels: z.unknown().optional(),
  annotations: z.unknown().optional(),
  summary: z.unknown().optional(),
  description: z.unknown().optional(),
  runbook: z.unknown().optional(),
  disabled: z.unknown().optional(),
};

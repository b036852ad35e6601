import { z } from 'zod';
import { Id, IsoDate, text, Timestamp, Version } from './common';

export const Programme = z.strictObject({
  id: Id,
  name: text().min(1).max(200),
  funder: text().max(200),
  description: text().max(2000),
  startDate: IsoDate,
  endDate: IsoDate,
  /** Counts and numerators below this are shown as "< n" to observers and in exports. */
  smallCountThreshold: z.number().int().min(1).max(100),
  /** Forecast slippage beyond this many days puts a milestone at risk. */
  slippageToleranceDays: z.number().int().min(0).max(365),
  /** Whether consortium leads may set their own baselines, targets and bands (managers always may). */
  leadsSetTargets: z.boolean(),
  version: Version,
  updatedAt: Timestamp,
});
export type Programme = z.infer<typeof Programme>;

/**
 * What a manager may change from Administration. The dates frame every consortium, milestone and
 * reporting period, so they are fixed at creation; the rest is derived.
 */
export const ProgrammePatch = z
  .strictObject({
    name: text().trim().min(1).max(200),
    funder: text().trim().max(200),
    description: text().trim().max(2000),
    smallCountThreshold: Programme.shape.smallCountThreshold,
    slippageToleranceDays: Programme.shape.slippageToleranceDays,
    leadsSetTargets: Programme.shape.leadsSetTargets,
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'at least one field is required');
export type ProgrammePatch = z.infer<typeof ProgrammePatch>;

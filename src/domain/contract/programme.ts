import { z } from 'zod';
import { Id, IsoDate, Timestamp, Version } from './common';

export const Programme = z.strictObject({
  id: Id,
  name: z.string().min(1).max(200),
  funder: z.string().max(200),
  description: z.string().max(2000),
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

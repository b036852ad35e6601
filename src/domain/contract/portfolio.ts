import { z } from 'zod';
import { Id, IsoDate, LocalizedText, text } from './common';
import { ConsortiumStatus, OrganisationType } from './consortium';
import { MilestoneStatus } from './milestone';
import { Programme } from './programme';

export const Health = z.enum(['on_track', 'at_risk', 'off_track']);
export type Health = z.infer<typeof Health>;

export const HealthReasonCode = z.enum([
  'milestones_late',
  'milestones_severely_late',
  'milestones_at_risk',
  'kpis_red',
  'kpis_amber',
]);
export type HealthReasonCode = z.infer<typeof HealthReasonCode>;
export const HealthReason = z.strictObject({
  code: HealthReasonCode,
  count: z.number().int().min(1),
});
export type HealthReason = z.infer<typeof HealthReason>;

export const KpiStatusCounts = z.strictObject({
  green: z.number().int().min(0),
  amber: z.number().int().min(0),
  red: z.number().int().min(0),
  no_data: z.number().int().min(0),
});
export type KpiStatusCounts = z.infer<typeof KpiStatusCounts>;

export const NextMilestone = z.strictObject({
  id: Id,
  title: LocalizedText,
  forecastDate: IsoDate,
  status: MilestoneStatus,
});

export const ConsortiumCard = z.strictObject({
  id: Id,
  code: text(),
  name: text(),
  solution: text(),
  status: ConsortiumStatus,
  lead: z.strictObject({ name: text(), type: OrganisationType }).nullable(),
  health: Health,
  healthReasons: z.array(HealthReason),
  milestones: z.strictObject({
    approved: z.number().int().min(0),
    /** Milestones that count towards the plan (waived ones excluded). */
    planned: z.number().int().min(0),
    waived: z.number().int().min(0),
    late: z.number().int().min(0),
    atRisk: z.number().int().min(0),
    awaitingReview: z.number().int().min(0),
  }),
  nextDue: NextMilestone.nullable(),
  kpis: KpiStatusCounts,
});
export type ConsortiumCard = z.infer<typeof ConsortiumCard>;

export const Portfolio = z.strictObject({
  programme: Programme,
  asOf: IsoDate,
  consortia: z.array(ConsortiumCard),
});
export type Portfolio = z.infer<typeof Portfolio>;

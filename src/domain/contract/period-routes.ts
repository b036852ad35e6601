import { z } from 'zod';
import { Id, IsoDate, LocalizedText, Period, text } from './common';
import { MilestoneStatus } from './milestone';
import { ReportingPeriod } from './reporting';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;

export const PeriodCreate = z.strictObject({ period: Period, deadline: IsoDate });
export type PeriodCreate = z.infer<typeof PeriodCreate>;

export const PeriodPatch = z
  .strictObject({ deadline: IsoDate, commentary: text().trim().max(10_000) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'at least one field is required');
export type PeriodPatch = z.infer<typeof PeriodPatch>;

export const PeriodReopen = z.strictObject({ reason: text().trim().min(1).max(2000) });
export type PeriodReopen = z.infer<typeof PeriodReopen>;

/** One KPI value the period expects from a consortium and does not have as final. */
export const MissingKpiValue = z.strictObject({
  kpiId: Id,
  code: text().max(40),
  name: LocalizedText,
  state: z.enum(['missing', 'provisional']),
});
export type MissingKpiValue = z.infer<typeof MissingKpiValue>;

/** A milestone due within the period and not yet handed in for review. */
export const MissingMilestone = z.strictObject({
  id: Id,
  code: text().max(40),
  title: LocalizedText,
  forecastDate: IsoDate,
  status: MilestoneStatus,
});
export type MissingMilestone = z.infer<typeof MissingMilestone>;

export const ConsortiumChecklist = z.strictObject({
  consortium: z.strictObject({ id: Id, code: text().max(40), name: text().max(200) }),
  kpiValues: z.array(MissingKpiValue),
  milestones: z.array(MissingMilestone),
});
export type ConsortiumChecklist = z.infer<typeof ConsortiumChecklist>;

/** What a period still waits for, per consortium the reader may see. */
export const PeriodChecklist = z.strictObject({
  period: ReportingPeriod,
  consortia: z.array(ConsortiumChecklist),
});
export type PeriodChecklist = z.infer<typeof PeriodChecklist>;

const periodParams = z.strictObject({ periodId: Id });
const manage = { kind: 'scoped', permission: 'period.manage', scope: 'period' } as const;

/** The reporting cycle: a manager opens a period, follows what is missing, locks and reopens it. */
export const periodRoutes = {
  createPeriod: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'period.manage', scope: 'programme' },
    path: '/programmes/:programmeId/periods',
    params: z.strictObject({ programmeId: Id }),
    body: PeriodCreate,
    response: ReportingPeriod,
    status: 201,
  }),
  getPeriod: route({
    method: 'GET',
    access: { kind: 'scoped', permission: 'programme.read', scope: 'period' },
    path: '/periods/:periodId',
    params: periodParams,
    response: ReportingPeriod,
  }),
  patchPeriod: route({
    method: 'PATCH',
    access: manage,
    path: '/periods/:periodId',
    params: periodParams,
    body: PeriodPatch,
    response: ReportingPeriod,
    ifMatch: 'required',
  }),
  lockPeriod: route({
    method: 'POST',
    access: manage,
    path: '/periods/:periodId/lock',
    params: periodParams,
    response: ReportingPeriod,
    ifMatch: 'required',
  }),
  reopenPeriod: route({
    method: 'POST',
    access: manage,
    path: '/periods/:periodId/reopen',
    params: periodParams,
    body: PeriodReopen,
    response: ReportingPeriod,
    ifMatch: 'required',
  }),
  getPeriodChecklist: route({
    method: 'GET',
    access: { kind: 'scoped', permission: 'programme.read', scope: 'period' },
    path: '/periods/:periodId/checklist',
    params: periodParams,
    response: PeriodChecklist,
  }),
} as const;

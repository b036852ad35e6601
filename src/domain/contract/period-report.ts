import { z } from 'zod';
import { Id, IsoDate, Locale, LocalizedText, text, Timestamp } from './common';
import { HeatmapCell, HeatmapKpi } from './heatmap';
import { KpiSeries } from './kpi';
import { MilestoneStatus } from './milestone';
import { Health, HealthReason } from './portfolio';
import { ReportingPeriod } from './reporting';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;

/** One change of a milestone's forecast date and the reason given for it. */
export const MilestoneSlip = z.strictObject({
  previousDate: IsoDate.nullable(),
  newDate: IsoDate.nullable(),
  reason: text().max(4000).nullable(),
  at: Timestamp,
});
export type MilestoneSlip = z.infer<typeof MilestoneSlip>;

/** A milestone the period concerns: due in it, approved in it, or late at its end. */
export const ReportMilestone = z.strictObject({
  id: Id,
  code: text().max(40),
  title: LocalizedText,
  status: MilestoneStatus,
  baselineDate: IsoDate.nullable(),
  forecastDate: IsoDate,
  actualDate: IsoDate.nullable(),
  dueInPeriod: z.boolean(),
  approvedInPeriod: z.boolean(),
  late: z.boolean(),
  daysLate: z.number().int().min(0),
  slips: z.array(MilestoneSlip),
});
export type ReportMilestone = z.infer<typeof ReportMilestone>;

export const ReportConsortium = z.strictObject({
  id: Id,
  code: text().max(40),
  name: text().max(200),
  health: Health,
  healthReasons: z.array(HealthReason),
  milestones: z.array(ReportMilestone),
  /** The KPI table: one cell per KPI the consortium tracks, as the reader may see it. */
  kpis: z.array(HeatmapCell),
  /** One line per tracked KPI up to the period, for the chart (value against target and bands). */
  series: z.array(z.strictObject({ kpiId: Id, series: KpiSeries })),
});
export type ReportConsortium = z.infer<typeof ReportConsortium>;

/** Everything the steering-committee report of one period shows, for one reader. */
export const PeriodReport = z.strictObject({
  programme: z.strictObject({ id: Id, name: text().max(200) }),
  period: ReportingPeriod,
  /** The day health and lateness are read at: the period's last day, or today if sooner. */
  asOf: IsoDate,
  generatedAt: Timestamp,
  smallCountThreshold: z.number().int().min(1),
  kpis: z.array(HeatmapKpi),
  consortia: z.array(ReportConsortium),
});
export type PeriodReport = z.infer<typeof PeriodReport>;

export const ReportArchive = z.strictObject({
  periodId: Id,
  version: z.number().int().min(1),
  status: z.enum(['pending', 'ready', 'failed']),
  language: Locale,
  sha256: text()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  sizeBytes: z.number().int().min(0).nullable(),
  generatedAt: Timestamp.nullable(),
  requestedAt: Timestamp,
  attempts: z.number().int().min(0),
  error: text().max(2000).nullable(),
});
export type ReportArchive = z.infer<typeof ReportArchive>;

const read = { kind: 'scoped', permission: 'programme.read', scope: 'period' } as const;
/** The archive shows every consortium: the committee's file, for managers and observers. */
const exportRead = { kind: 'scoped', permission: 'export.read', scope: 'period' } as const;
const periodParams = z.strictObject({ periodId: Id });
const archiveParams = z.strictObject({
  periodId: Id,
  version: text().regex(/^[1-9]\d{0,5}$/, 'expected a version number'),
});

/** The steering-committee report of a period and the PDF archived each time it is locked. */
export const periodReportRoutes = {
  getPeriodReport: route({
    method: 'GET',
    access: read,
    path: '/periods/:periodId/report',
    params: periodParams,
    response: PeriodReport,
  }),
  listReportArchives: route({
    method: 'GET',
    access: exportRead,
    path: '/periods/:periodId/report/archives',
    params: periodParams,
    response: z.strictObject({ items: z.array(ReportArchive) }),
  }),
  downloadReportArchive: route({
    method: 'GET',
    access: exportRead,
    path: '/periods/:periodId/report/archives/:version',
    params: archiveParams,
    /** The stored PDF as an attachment, byte for byte as it was generated. */
    rawResponse: true,
    response: z.unknown(),
  }),
  retryReportArchive: route({
    method: 'POST',
    access: { kind: 'scoped', permission: 'period.manage', scope: 'period' },
    path: '/periods/:periodId/report/archives/:version/retry',
    params: archiveParams,
    response: ReportArchive,
  }),
} as const;

import { describe, expect, it } from 'vitest';
import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Milestone, MilestoneEvent } from '../contract/milestone';
import { PeriodReport } from '../contract/period-report';
import type { ReportingPeriod } from '../contract/reporting';
import { buildPeriodReport, reportAsOf, type PeriodReportSource } from './period-report';

const AT = '2025-06-01T08:00:00.000Z';
const programme = {
  id: 'tsn',
  name: 'Pépinière',
  smallCountThreshold: 10,
  slippageToleranceDays: 30,
};
const period: ReportingPeriod = {
  id: 'p1',
  programmeId: 'tsn',
  period: '2025-06',
  status: 'open',
  deadline: '2025-07-15',
  openedAt: AT,
  lockedAt: null,
  reopenedAt: null,
  reopenReason: null,
  commentary: 'Bon mois.',
  version: 1,
};
const consortium = (id: string): Consortium => ({
  id,
  programmeId: 'tsn',
  code: id.toUpperCase(),
  name: `Consortium ${id}`,
  solution: 'coordination',
  description: '',
  territory: 'Est lyonnais',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  budgetEur: 500_000,
  status: 'active',
  partners: [],
  version: 1,
  updatedAt: AT,
});
const kpi: KpiDefinition = {
  id: 'pat',
  programmeId: 'tsn',
  code: 'PAT',
  name: { fr: 'Patients', en: 'Patients' },
  definition: { fr: '…', en: '…' },
  unit: 'count',
  ratePer: null,
  direction: 'higher',
  aggregation: 'stock',
  frequency: 'monthly',
  decimals: 0,
  sourceType: 'vendor_log',
  reportingLagMonths: 0,
  definitionVersions: [{ version: 1, validFrom: '2025-01', changeNote: '' }],
  version: 1,
  updatedAt: AT,
};
// Target 0 at 2025-01 → 100 at 2025-11: 50 at 2025-06.
const settings = (consortiumId: string): ConsortiumKpi => ({
  id: `${consortiumId}-pat`,
  consortiumId,
  kpiId: 'pat',
  baseline: { value: 0, period: '2025-01', source: 'log' },
  targets: [{ period: '2025-11', value: 100 }],
  tolerance: { mode: 'absolute', amber: 5, red: 15 },
  version: 1,
  updatedAt: AT,
});
const value = (consortiumId: string, p: string, v: number): KpiValue => ({
  id: `${consortiumId}-${p}`,
  consortiumId,
  kpiId: 'pat',
  period: p,
  value: v,
  numerator: null,
  denominator: null,
  suppressed: false,
  provisional: p === '2025-06' && consortiumId === 'b',
  source: 'log',
  note: '',
  explanation: '',
  definitionVersion: 1,
  revision: 1,
  enteredBy: 'Lead',
  enteredAt: AT,
  version: 1,
});
const ms = (id: string, o: Partial<Milestone>): Milestone => ({
  id,
  consortiumId: 'a',
  phase: 'build',
  code: id.toUpperCase(),
  title: { fr: id, en: id },
  description: '',
  status: 'in_progress',
  baselineDate: '2025-06-30',
  forecastDate: '2025-06-30',
  actualDate: null,
  progress: 50,
  startDate: '2025-01-01',
  evidenceExpected: [],
  requiresKpiValues: false,
  evidenceCount: 0,
  version: 1,
  updatedAt: AT,
  ...o,
});
const replan = (milestoneId: string, from: string, to: string, why: string): MilestoneEvent => ({
  id: `${milestoneId}-${to}`,
  milestoneId,
  type: 'replan',
  action: null,
  fromStatus: null,
  toStatus: null,
  previousDate: from,
  newDate: to,
  comment: why,
  actorName: 'Lead',
  at: AT,
});

const source = (o: Partial<PeriodReportSource> = {}): PeriodReportSource => ({
  programme,
  period,
  consortia: [consortium('b'), consortium('a')],
  kpis: [kpi],
  settings: [settings('a'), settings('b')],
  values: [value('a', '2025-05', 41), value('a', '2025-06', 52), value('b', '2025-06', 8)],
  milestones: [
    ms('due', {}),
    ms('done', { status: 'approved', actualDate: '2025-06-10', forecastDate: '2025-06-10' }),
    ms('slipped', { baselineDate: '2025-04-30', forecastDate: '2025-08-31' }),
    ms('later', { baselineDate: '2025-12-31', forecastDate: '2025-12-31' }),
    ms('other', { consortiumId: 'b', baselineDate: '2025-03-31', forecastDate: '2025-03-31' }),
  ],
  events: [
    replan('slipped', '2025-06-30', '2025-08-31', 'Recrutement retardé'),
    replan('slipped', '2025-04-30', '2025-06-30', 'Contrat signé tard'),
    { ...replan('due', '2025-06-01', '2025-06-30', 'x'), type: 'comment' },
  ],
  today: '2025-09-15',
  generatedAt: '2025-09-15T10:00:00.000Z',
  readerOf: () => ({ suppressSmallCounts: false, smallCountThreshold: 10 }),
  ...o,
});

describe('buildPeriodReport', () => {
  it('reads a past period at its last day, a running one at today', () => {
    expect(reportAsOf(period, '2025-09-15')).toBe('2025-06-30');
    expect(reportAsOf(period, '2025-06-12')).toBe('2025-06-12');
  });

  it('lists the milestones due, approved or late in the period with each slip and its reason', () => {
    const report = buildPeriodReport(source());
    expect(PeriodReport.safeParse(report).success).toBe(true);
    const a = report.consortia.find((c) => c.id === 'a')!;
    expect(a.milestones.map((m) => m.id).sort()).toEqual(['done', 'due', 'slipped']);
    const slipped = a.milestones.find((m) => m.id === 'slipped')!;
    expect(slipped).toMatchObject({ late: true, dueInPeriod: false, daysLate: 123 });
    expect(slipped.slips.map((s) => s.reason)).toEqual([
      'Recrutement retardé',
      'Contrat signé tard',
    ]);
    expect(a.milestones.find((m) => m.id === 'done')).toMatchObject({ approvedInPeriod: true });
    expect(a.milestones.find((m) => m.id === 'due')!.slips).toEqual([]);
  });

  it('gives each consortium its health and why, from the period cells', () => {
    const report = buildPeriodReport(source());
    expect(report.consortia.map((c) => c.id)).toEqual(['a', 'b']);
    const [a, b] = report.consortia;
    expect(a!.health).toBe('off_track');
    expect(a!.healthReasons).toContainEqual({ code: 'milestones_severely_late', count: 1 });
    // 8 against 50: red.
    expect(b!.kpis[0]).toMatchObject({ value: 8, target: 50, status: 'red', provisional: true });
    expect(b!.healthReasons).toContainEqual({ code: 'kpis_red', count: 1 });
  });

  it('draws each KPI up to the period, not beyond', () => {
    const values = [...source().values, value('a', '2025-07', 70)];
    const a = buildPeriodReport(source({ values })).consortia[0]!;
    expect(a.series[0]!.series.points.map((p) => p.period)).toEqual(['2025-05', '2025-06']);
  });

  it('hides small counts from a reader who may not see them, in the table and the chart', () => {
    const observer = () => ({ suppressSmallCounts: true, smallCountThreshold: 10 });
    const b = buildPeriodReport(source({ readerOf: observer })).consortia[1]!;
    expect(b.kpis[0]).toMatchObject({ value: null, suppressed: true, target: null, status: null });
    expect(b.series[0]!.series.points[0]).toMatchObject({ value: null, target: null });
    expect(b.healthReasons.some((r) => r.code === 'kpis_red')).toBe(false);
  });
});

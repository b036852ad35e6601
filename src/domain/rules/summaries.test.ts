import { describe, expect, it } from 'vitest';
import type { Consortium } from '../contract/consortium';
import { ConsortiumKpiSummary } from '../contract/kpi';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Milestone } from '../contract/milestone';
import { Portfolio } from '../contract/portfolio';
import type { Programme } from '../contract/programme';
import { addPeriods } from './periods';
import {
  buildPortfolio,
  countStatuses,
  statusOfValue,
  summariseConsortiumKpis,
  type PortfolioSource,
} from './summaries';

const AT = '2025-06-01T08:00:00.000Z';
const programme: Programme = {
  id: 'tsn',
  name: 'Pépinière',
  funder: 'ARS',
  description: '',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  smallCountThreshold: 10,
  slippageToleranceDays: 30,
  leadsSetTargets: false,
  version: 1,
  updatedAt: AT,
};
const kpi = (id: string, o: Partial<KpiDefinition> = {}): KpiDefinition => ({
  id,
  programmeId: 'tsn',
  code: id.toUpperCase(),
  name: { fr: id, en: id },
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
  ...o,
});
const settings = (
  consortiumId: string,
  kpiId: string,
  o: Partial<ConsortiumKpi> = {},
): ConsortiumKpi => ({
  id: `${consortiumId}-${kpiId}`,
  consortiumId,
  kpiId,
  baseline: { value: 0, period: '2025-01', source: 'vendor log' },
  targets: [{ period: '2025-11', value: 100 }],
  tolerance: { mode: 'absolute', amber: 5, red: 15 },
  version: 1,
  updatedAt: AT,
  ...o,
});
const value = (
  consortiumId: string,
  kpiId: string,
  period: string,
  v: number,
  o: Partial<KpiValue> = {},
): KpiValue => ({
  id: `${consortiumId}-${kpiId}-${period}`,
  consortiumId,
  kpiId,
  period,
  value: v,
  numerator: null,
  denominator: null,
  suppressed: false,
  provisional: false,
  source: 'vendor log',
  note: '',
  explanation: '',
  definitionVersion: 1,
  revision: 1,
  enteredBy: 'Lead',
  enteredAt: AT,
  version: 1,
  ...o,
});

const PAT = kpi('pat_inc');
const noSuppress = { suppressSmallCounts: false, smallCountThreshold: 10 };
const observer = { suppressSmallCounts: true, smallCountThreshold: 10 };

describe('summariseConsortiumKpis', () => {
  // Target: 0 at 2025-01 → 100 at 2025-11, i.e. 10 per month.
  const s = settings('a', 'pat_inc');

  it('takes the latest period as latest, whatever the input order', () => {
    const values = [
      value('a', 'pat_inc', '2025-03', 22),
      value('a', 'pat_inc', '2025-05', 41),
      value('a', 'pat_inc', '2025-04', 30),
    ];
    const [row] = summariseConsortiumKpis([PAT], [s], values, noSuppress);
    expect(row!.latest?.period).toBe('2025-05');
    expect(row!.latest?.value).toBe(41);
    expect(row!.targetAtLatest).toBe(40);
    expect(row!.status).toBe('green');
    expect(row!.trend).toBe('improving');
    expect(row!.recent).toEqual([
      { period: '2025-03', value: 22 },
      { period: '2025-04', value: 30 },
      { period: '2025-05', value: 41 },
    ]);
    expect(ConsortiumKpiSummary.safeParse(row).success).toBe(true);
  });

  it('hides a small count from the reader with its status, target and trend', () => {
    // 2025-02: target 10, value 3 → 7 below with amber 5 / red 15 → amber.
    const values = [value('a', 'pat_inc', '2025-01', 12), value('a', 'pat_inc', '2025-02', 3)];
    const [shown] = summariseConsortiumKpis([PAT], [s], values, observer);
    expect(shown!.status).toBeNull();
    expect(shown!.targetAtLatest).toBeNull();
    expect(shown!.latest).toMatchObject({ value: null, suppressed: true, period: '2025-02' });
    expect(shown!.recent).toEqual([
      { period: '2025-01', value: 12 },
      { period: '2025-02', value: null },
    ]);
    expect(shown!.trend).toBe('unknown');
    const [raw] = summariseConsortiumKpis([PAT], [s], values, noSuppress);
    expect(raw!.latest).toMatchObject({ value: 3, suppressed: false });
    expect(raw!.status).toBe('amber');
    expect(raw!.trend).toBe('worsening');
  });

  it('gives no red status to a suppressed value: with the target it would bound it', () => {
    const red = settings('a', 'pat_inc', { tolerance: { mode: 'absolute', amber: 1, red: 2 } });
    const [row] = summariseConsortiumKpis(
      [PAT],
      [red],
      [value('a', 'pat_inc', '2025-06', 4)],
      observer,
    );
    expect(row!.status).toBeNull();
    expect(row!.latest?.value).toBeNull();
    expect(JSON.stringify(row!.recent)).not.toContain('4');
  });

  it('suppresses rates on their numerator', () => {
    const rate = kpi('pps', { unit: 'percent', aggregation: 'rate', decimals: 1 });
    const v = value('a', 'pps', '2025-06', 5, { numerator: 2, denominator: 40 });
    const [row] = summariseConsortiumKpis([rate], [settings('a', 'pps')], [v], observer);
    expect(row!.latest).toMatchObject({ value: null, numerator: null, denominator: null });
  });

  it('has no data without values, and skips KPIs missing from the catalogue', () => {
    const rows = summariseConsortiumKpis([PAT], [s, settings('a', 'ghost')], [], noSuppress);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      latest: null,
      status: 'no_data',
      trend: 'unknown',
      recent: [],
    });
    expect(rows[0]!.targetAtLatest).toBeNull();
  });

  it('keeps the last twelve points and ignores other KPIs', () => {
    const values = Array.from({ length: 15 }, (_, i) =>
      value('a', 'pat_inc', addPeriods('2025-01', i), i * 10),
    );
    values.push(value('a', 'other', '2026-06', 999));
    const [row] = summariseConsortiumKpis([PAT], [s], values, noSuppress);
    expect(row!.recent).toHaveLength(12);
    expect(row!.recent[0]!.period).toBe('2025-04');
    expect(row!.latest?.period).toBe('2026-03');
  });

  it('statusOfValue and countStatuses', () => {
    expect(statusOfValue(PAT, s, null)).toBe('no_data');
    expect(statusOfValue(PAT, s, value('a', 'pat_inc', '2025-06', 20))).toBe('red');
    expect(countStatuses(['green', 'red', 'red', 'no_data'])).toEqual({
      green: 1,
      amber: 0,
      red: 2,
      no_data: 1,
    });
  });
});

describe('buildPortfolio', () => {
  const consortium = (id: string, programmeId = 'tsn'): Consortium => ({
    id,
    programmeId,
    code: id.toUpperCase(),
    name: `Consortium ${id}`,
    solution: 'coordination',
    description: '',
    territory: 'Est lyonnais',
    startDate: '2025-01-01',
    endDate: '2026-12-31',
    budgetEur: 500_000,
    status: 'active',
    partners: [
      {
        organisationId: 'had',
        name: 'HAD Rhône-Est',
        type: 'hospital_at_home',
        role: '',
        isLead: false,
      },
      {
        organisationId: 'saas',
        name: 'CoordSaaS',
        type: 'software_vendor',
        role: '',
        isLead: true,
      },
    ],
    version: 1,
    updatedAt: AT,
  });
  const ms = (id: string, o: Partial<Milestone>): Milestone => ({
    id,
    consortiumId: 'a',
    phase: 'build',
    code: id.toUpperCase(),
    title: { fr: id, en: id },
    description: '',
    status: 'in_progress',
    baselineDate: '2025-09-30',
    forecastDate: '2025-09-30',
    actualDate: null,
    progress: 50,
    startDate: '2025-05-01',
    evidenceExpected: [],
    requiresKpiValues: false,
    evidenceCount: 0,
    version: 1,
    updatedAt: AT,
    ...o,
  });
  const milestones = [
    ms('m1', { status: 'approved', forecastDate: '2025-02-01', baselineDate: '2025-01-15' }),
    ms('m2', { status: 'waived', forecastDate: '2025-03-01', baselineDate: '2025-03-01' }),
    ms('m3', { status: 'submitted', forecastDate: '2025-09-30', progress: 100 }),
    ms('m4', { baselineDate: '2025-05-31', forecastDate: '2025-07-15', progress: 80 }),
    ms('m5', {
      status: 'planned',
      forecastDate: '2025-12-31',
      baselineDate: '2025-12-31',
      startDate: '2025-10-01',
      progress: 0,
    }),
    ms('m6', {
      status: 'planned',
      forecastDate: '2025-08-01',
      baselineDate: '2025-08-01',
      startDate: '2025-03-01',
      progress: 0,
    }),
    ms('x1', { consortiumId: 'b', status: 'submitted' }),
  ];
  const src: PortfolioSource = {
    programme,
    consortia: [consortium('a'), consortium('b'), consortium('z', 'other')],
    milestones,
    kpis: [PAT],
    settings: [settings('a', 'pat_inc'), settings('b', 'pat_inc')],
    values: [value('a', 'pat_inc', '2025-05', 41), value('b', 'pat_inc', '2025-05', 5)],
    today: '2025-06-15',
    readerOf: () => noSuppress,
  };

  it('builds one valid card per consortium of the programme', () => {
    const p = buildPortfolio(src);
    expect(Portfolio.safeParse(p).success).toBe(true);
    expect(p.asOf).toBe('2025-06-15');
    expect(p.consortia.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('counts milestones', () => {
    const a = buildPortfolio(src).consortia[0]!;
    expect(a.milestones).toEqual({
      approved: 1,
      planned: 5,
      waived: 1,
      late: 1,
      atRisk: 1,
      awaitingReview: 1,
    });
    expect(a.lead).toEqual({ name: 'CoordSaaS', type: 'software_vendor' });
  });

  it('names the earliest open forecast as next due', () => {
    const a = buildPortfolio(src).consortia[0]!;
    expect(a.nextDue).toEqual({
      id: 'm4',
      title: { fr: 'm4', en: 'm4' },
      forecastDate: '2025-07-15',
      status: 'in_progress',
    });
  });

  it('derives health and KPI counts', () => {
    const [a, b] = buildPortfolio(src).consortia;
    // m4: 45 days of slip > 30 days of tolerance.
    expect(a!.health).toBe('off_track');
    expect(a!.healthReasons[0]).toEqual({ code: 'milestones_severely_late', count: 1 });
    expect(a!.kpis).toEqual({ green: 1, amber: 0, red: 0, no_data: 0 });
    // b: target 40 at 2025-05, value 5 → red; a single red KPI puts it at risk.
    expect(b!.kpis).toEqual({ green: 0, amber: 0, red: 1, no_data: 0 });
    expect(b!.health).toBe('at_risk');
    expect(b!.milestones.awaitingReview).toBe(1);
  });

  it("counts a hidden small count's status for nobody who may not see it", () => {
    const b = buildPortfolio({ ...src, readerOf: () => observer }).consortia[1]!;
    // The manager's red (5 against 40) would tell an observer the hidden count is far below 10.
    expect(b.kpis).toEqual({ green: 0, amber: 0, red: 0, no_data: 0 });
    expect(b.healthReasons).not.toContainEqual(expect.objectContaining({ code: 'kpis_red' }));
  });

  it('has no next due when every milestone is done', () => {
    const done = { ...src, milestones: milestones.filter((m) => m.id === 'm1' || m.id === 'm2') };
    expect(buildPortfolio(done).consortia[0]!.nextDue).toBeNull();
  });
});

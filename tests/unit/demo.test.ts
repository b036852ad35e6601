import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Consortium } from '@domain/contract/consortium';
import { ConsortiumKpi, KpiDefinition, KpiValue } from '@domain/contract/kpi';
import {
  Evidence,
  Milestone,
  MilestoneEvent,
  MilestonePlan,
  MilestoneTemplate,
} from '@domain/contract/milestone';
import { Programme } from '@domain/contract/programme';
import { ReportingPeriod, User } from '@domain/contract/reporting';
import type { Dataset } from '@domain/demo/dataset';
import { currentValues } from '@domain/rules/kpi-revisions';
import { generateDemo, generateScale } from '@domain/demo/generate';
import { addMonthsToDate, comparePeriods, periodEndDate } from '@domain/rules/periods';
import { buildPortfolio, statusOfValue } from '@domain/rules/summaries';
import { DEMO_TODAY } from '@tests/contract/target';

const schemas: { [K in keyof Dataset]: z.ZodType } = {
  programmes: Programme,
  consortia: Consortium,
  milestones: Milestone,
  milestoneEvents: MilestoneEvent,
  evidence: Evidence,
  milestoneTemplates: MilestoneTemplate,
  milestonePlans: MilestonePlan.omit({ milestoneCount: true }).extend({
    status: z.enum(['draft', 'approved']),
    updatedAt: MilestoneTemplate.shape.updatedAt,
  }),
  kpis: KpiDefinition,
  consortiumKpis: ConsortiumKpi,
  kpiValues: KpiValue,
  periods: ReportingPeriod,
  users: User,
};

/** Days of the month that move the calendar: first, last, and 31-day month ends. */
const TODAYS = [DEMO_TODAY, '2026-06-01', '2026-06-30', '2025-01-31', '2027-03-10', '2028-02-29'];

function portfolioHealth(data: Dataset, today: string) {
  const portfolio = buildPortfolio({
    programme: data.programmes[0]!,
    consortia: data.consortia,
    milestones: data.milestones,
    kpis: data.kpis,
    settings: data.consortiumKpis,
    values: currentValues(data.kpiValues),
    today,
  });
  return Object.fromEntries(portfolio.consortia.map((c) => [c.name, c.health]));
}

const demo = generateDemo({ today: DEMO_TODAY });
const consortiumId = (name: string) => demo.consortia.find((c) => c.name === name)!.id;
const milestoneOf = (name: string, phase: Milestone['phase']) =>
  demo.milestones.find((m) => m.consortiumId === consortiumId(name) && m.phase === phase)!;
const eventsOf = (m: Milestone) => demo.milestoneEvents.filter((e) => e.milestoneId === m.id);
const valuesOf = (name: string, code: string) => {
  const kpi = demo.kpis.find((k) => k.code === code)!;
  return demo.kpiValues
    .filter((v) => v.consortiumId === consortiumId(name) && v.kpiId === kpi.id)
    .sort((a, b) => comparePeriods(a.period, b.period) || a.revision - b.revision);
};

describe('generateDemo', () => {
  it.each(TODAYS)('produces rows that all parse with their contract schema (today %s)', (today) => {
    const data = generateDemo({ today });
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = data[table as keyof Dataset] as unknown[];
      for (const row of rows)
        expect(() => schema.parse(row), `${table} ${JSON.stringify(row)}`).not.toThrow();
      // Templates and plans are keyed by their programme or consortium, the rest by id.
      const idsInTable = rows.map((r) => {
        const row = r as { id?: string; programmeId?: string; consortiumId?: string };
        return row.id ?? row.consortiumId ?? row.programmeId;
      });
      expect(new Set(idsInTable).size, table).toBe(idsInTable.length);
    }
  });

  it('is deterministic for a given today and anchored on it', () => {
    expect(generateDemo({ today: DEMO_TODAY })).toEqual(demo);
    const programme = demo.programmes[0]!;
    expect(programme).toMatchObject({
      name: 'Pascaline — incubateur',
      startDate: '2024-10-01',
      endDate: '2026-09-30',
    });
    expect(generateDemo({ today: '2026-07-02' }).programmes[0]!.startDate).toBe('2024-11-01');
  });

  it('never dates anything after today', () => {
    const dates = [
      ...demo.milestones.flatMap((m) => (m.actualDate ? [m.actualDate] : [])),
      ...demo.milestoneEvents.map((e) => e.at.slice(0, 10)),
      ...demo.evidence.map((e) => e.uploadedAt.slice(0, 10)),
      ...demo.kpiValues.map((v) => v.enteredAt.slice(0, 10)),
      ...demo.kpiValues.map((v) => periodEndDate(v.period)),
    ];
    expect(dates.filter((d) => d > DEMO_TODAY)).toEqual([]);
  });

  it('has the three consortia, each with the twelve-phase plan and 5–8 KPIs', () => {
    // The next cohort's consortium, without a plan yet, belongs to another programme.
    const running = demo.consortia.filter((c) => c.programmeId === demo.programmes[0]!.id);
    expect(running.map((c) => c.name)).toEqual(['Coord@Dom', 'Sortie+', 'EHPAD Connect']);
    for (const c of running) {
      expect(c.partners.filter((p) => p.isLead)).toHaveLength(1);
      expect(demo.milestones.filter((m) => m.consortiumId === c.id)).toHaveLength(12);
      const tracked = demo.consortiumKpis.filter((s) => s.consortiumId === c.id);
      expect(tracked.length).toBeGreaterThanOrEqual(5);
      expect(tracked.length).toBeLessThanOrEqual(8);
      for (const s of tracked) {
        expect(s.targets.length).toBeGreaterThanOrEqual(2);
        expect(s.targets.length).toBeLessThanOrEqual(4);
        expect(s.baseline?.source).toBeTruthy();
      }
    }
    expect(demo.users.map((u) => u.email)).toEqual(
      expect.arrayContaining([
        'manager@jalon.test',
        'observer@jalon.test',
        'lead@jalon.test',
        'member@jalon.test',
      ]),
    );
  });

  it('records a transition event for every status, with evidence on approved gates', () => {
    for (const m of demo.milestones) {
      const transitions = eventsOf(m).filter((e) => e.type === 'transition');
      if (m.status === 'planned') expect(transitions).toEqual([]);
      else expect(transitions[transitions.length - 1]?.toStatus, m.id).toBe(m.status);
      // Declared at submission, kept by the approval.
      expect(m.actualDate !== null, m.id).toBe(m.status === 'approved' || m.status === 'submitted');
      const evidence = demo.evidence.filter((e) => e.milestoneId === m.id);
      expect(evidence).toHaveLength(m.evidenceCount);
      if (m.status === 'approved') expect(evidence.length).toBeGreaterThanOrEqual(2);
    }
    const statuses = demo.milestones.map((m) => m.status);
    expect(statuses).toContain('submitted');
    expect(statuses).toContain('changes_requested');
  });

  it('seeds the slipped, late and waived milestones of the brief', () => {
    const dataProtection = milestoneOf('Coord@Dom', 'data_protection');
    expect(addMonthsToDate(dataProtection.baselineDate!.slice(0, 8) + '01', 3).slice(0, 7)).toBe(
      dataProtection.forecastDate.slice(0, 7),
    );
    const replans = eventsOf(dataProtection).filter((e) => e.type === 'replan');
    expect(replans.length).toBeGreaterThanOrEqual(1);
    expect(replans.every((e) => (e.comment ?? '').length > 10)).toBe(true);

    const agreement = milestoneOf('Sortie+', 'agreement');
    expect(agreement.baselineDate).toBe('2024-12-31');
    expect(agreement.actualDate?.slice(0, 7)).toBe('2025-02');

    const ethics = milestoneOf('Sortie+', 'ethics');
    expect(ethics.status).toBe('waived');
    const [waive] = eventsOf(ethics);
    expect(waive?.action).toBe('waive');
    expect(waive?.comment?.length).toBeGreaterThan(20);
  });

  it('defines the 18 programme KPIs, with PAT_INC redefined at M13 and a break in A', () => {
    const codes = demo.kpis.map((k) => k.code);
    for (const code of [
      'PRO_EQ',
      'PRO_ACT',
      'PAT_INC',
      'PPS',
      'DELAI',
      'MSG',
      'RH30',
      'URG',
      'HPE',
      'NPROG',
      'JOURS',
      'URG_EHPAD',
      'POLY',
      'SAT_PRO',
      'SAT_PAT',
      'TEMPS',
      'JALONS',
      'BUDGET',
    ]) {
      expect(codes).toContain(code);
    }
    expect(
      demo.kpis.find((k) => k.code === 'PAT_INC')!.definitionVersions.map((v) => v.validFrom),
    ).toEqual(['2024-10', '2025-10']);
    const series = valuesOf('Coord@Dom', 'PAT_INC');
    const lastV1 = series.filter((v) => v.definitionVersion === 1).pop()!;
    const firstV2 = series.find((v) => v.definitionVersion === 2)!;
    expect(firstV2.period).toBe('2025-10');
    expect(firstV2.value!).toBeLessThan(lastV1.value! * 0.8);
  });

  it('gives rate KPIs numerators and denominators and explains every red value', () => {
    const kpis = new Map(demo.kpis.map((k) => [k.id, k]));
    for (const v of demo.kpiValues) {
      const rate = kpis.get(v.kpiId)!.aggregation === 'rate';
      expect(v.numerator !== null && v.denominator !== null, v.id).toBe(rate);
    }
    for (const v of currentValues(demo.kpiValues)) {
      const settings = demo.consortiumKpis.find(
        (s) => s.consortiumId === v.consortiumId && s.kpiId === v.kpiId,
      )!;
      if (statusOfValue(kpis.get(v.kpiId)!, settings, v) === 'red')
        expect(v.explanation, v.id).not.toBe('');
    }
  });

  it('marks B\u2019s last RH30 quarters provisional and keeps a revised quarter', () => {
    const current = currentValues(valuesOf('Sortie+', 'RH30')).sort((a, b) =>
      comparePeriods(a.period, b.period),
    );
    expect(current.slice(-2).every((v) => v.provisional)).toBe(true);
    expect(current.slice(0, -2).every((v) => !v.provisional)).toBe(true);
    const revised = valuesOf('Sortie+', 'RH30').filter((v) => v.period === '2025-Q2');
    expect(revised.map((v) => v.revision)).toEqual([1, 2]);
    expect(revised[0]!.value).not.toBe(revised[1]!.value);
  });

  it('gives C small monthly counts and a smaller denominator after M15', () => {
    const transfers = valuesOf('EHPAD Connect', 'TRANSF_URG');
    expect(transfers.some((v) => v.numerator! < 10)).toBe(true);
    expect(Math.max(...transfers.map((v) => v.numerator!))).toBeLessThanOrEqual(24);
    const residents = (period: string) => transfers.find((v) => v.period === period)!.denominator!;
    expect(residents('2025-08')).toBeGreaterThan(460);
    expect(residents('2026-03')).toBeLessThan(420);
  });

  it.each(TODAYS)('shows a mix of health states in the portfolio (today %s)', (today) => {
    expect(portfolioHealth(generateDemo({ today }), today)).toEqual({
      'Coord@Dom': 'at_risk',
      'Sortie+': 'off_track',
      'EHPAD Connect': 'on_track',
    });
  });
});

describe('generateScale', () => {
  it('repeats the demo consortia with unique ids and the same shapes', () => {
    const data = generateScale(4, DEMO_TODAY);
    expect(data.consortia).toHaveLength(12);
    expect(data.milestones).toHaveLength(12 * 12);
    for (const [table, schema] of Object.entries(schemas)) {
      const rows = data[table as keyof Dataset] as {
        id?: string;
        programmeId?: string;
        consortiumId?: string;
      }[];
      const keys = rows.map((r) => r.id ?? r.consortiumId ?? r.programmeId);
      expect(new Set(keys).size, table).toBe(rows.length);
      for (const row of rows.slice(-50)) schema.parse(row);
    }
    // The demo adds the next cohort's programme beside the running one; the scale copies the latter.
    const single = generateScale(1, DEMO_TODAY);
    expect(single.consortia).toEqual(demo.consortia.filter((c) => c.programmeId === 'pascaline'));
    expect({ ...single, programmes: [], consortia: [], milestoneTemplates: [], users: [] }).toEqual(
      { ...demo, programmes: [], consortia: [], milestoneTemplates: [], users: [] },
    );
    expect(() => generateScale(0, DEMO_TODAY)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneStatus } from '../contract/milestone';
import type { Health, KpiStatusCounts } from '../contract/portfolio';
import { consortiumHealth, type HealthInput } from './health';

type M = HealthInput['milestones'][number];

const TODAY = '2025-06-15';
const onTrack: M = {
  status: 'in_progress',
  baselineDate: '2025-09-30',
  forecastDate: '2025-09-30',
  startDate: '2025-06-01',
  progress: 20,
};
/** Baseline 2025-06-01, forecast slipped by 10 days: late, within a 30-day tolerance. */
const late: M = {
  ...onTrack,
  baselineDate: '2025-06-01',
  forecastDate: '2025-06-11',
  progress: 90,
};
/** 45 days of slip: beyond tolerance. */
const severe: M = { ...late, forecastDate: '2025-07-16' };
/** Progress far behind elapsed time. */
const atRisk: M = { ...onTrack, startDate: '2025-01-01', progress: 0 };
const none: KpiStatusCounts = { green: 0, amber: 0, red: 0, no_data: 0 };
const kpis = (o: Partial<KpiStatusCounts>) => ({ ...none, ...o });
const health = (milestones: M[], k: Partial<KpiStatusCounts> = {}, tolerance = 30) =>
  consortiumHealth({ milestones, kpis: kpis(k), today: TODAY, slippageToleranceDays: tolerance });
const RANK: Record<Health, number> = { on_track: 0, at_risk: 1, off_track: 2 };

describe('consortiumHealth examples', () => {
  it('is on track with nothing wrong', () => {
    expect(health([])).toEqual({ health: 'on_track', reasons: [] });
    expect(health([onTrack], { green: 5, no_data: 3 })).toEqual({
      health: 'on_track',
      reasons: [],
    });
  });

  it('tolerates a single amber KPI, but not two', () => {
    expect(health([onTrack], { green: 4, amber: 1 })).toEqual({
      health: 'on_track',
      reasons: [{ code: 'kpis_amber', count: 1 }],
    });
    expect(health([onTrack], { green: 4, amber: 2 }).health).toBe('at_risk');
  });

  it('is at risk with one red KPI among more than three with data', () => {
    expect(health([], { green: 3, red: 1 })).toEqual({
      health: 'at_risk',
      reasons: [{ code: 'kpis_red', count: 1 }],
    });
    expect(health([], { green: 3, red: 1, no_data: 8 }).health).toBe('at_risk');
  });

  it('is only at risk with a single red KPI, however few KPIs have data', () => {
    expect(health([], { green: 2, red: 1 }).health).toBe('at_risk');
    expect(health([], { red: 1 }).health).toBe('at_risk');
    expect(health([], { red: 1, no_data: 10 }).health).toBe('at_risk');
  });

  it('is off track with two red KPIs', () => {
    expect(health([], { green: 20, red: 2 })).toEqual({
      health: 'off_track',
      reasons: [{ code: 'kpis_red', count: 2 }],
    });
  });

  it('is at risk with a milestone late within tolerance', () => {
    expect(health([onTrack, late])).toEqual({
      health: 'at_risk',
      reasons: [{ code: 'milestones_late', count: 1 }],
    });
  });

  it('is off track with a milestone late beyond tolerance (strictly)', () => {
    expect(health([severe, late])).toEqual({
      health: 'off_track',
      reasons: [
        { code: 'milestones_severely_late', count: 1 },
        { code: 'milestones_late', count: 1 },
      ],
    });
    // 45 days late: exactly at a 45-day tolerance is not beyond it.
    expect(health([severe], {}, 45).health).toBe('at_risk');
    expect(health([severe], {}, 44).health).toBe('off_track');
  });

  it('counts time overdue as lateness too', () => {
    const overdue: M = { ...onTrack, baselineDate: '2025-05-01', forecastDate: '2025-05-01' };
    expect(health([overdue]).health).toBe('off_track'); // 45 days overdue
    expect(health([overdue], {}, 60).health).toBe('at_risk');
  });

  it('is at risk with a milestone at risk', () => {
    expect(health([atRisk])).toEqual({
      health: 'at_risk',
      reasons: [{ code: 'milestones_at_risk', count: 1 }],
    });
  });

  it('ignores done milestones, however late', () => {
    expect(
      health([
        { ...severe, status: 'approved' },
        { ...severe, status: 'waived' },
      ]).health,
    ).toBe('on_track');
  });
});

describe('consortiumHealth properties', () => {
  const dateArb = fc
    .date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const milestoneArb: fc.Arbitrary<M> = fc.record({
    status: fc.constantFrom(...MilestoneStatus.options),
    baselineDate: fc.option(dateArb, { nil: null }),
    forecastDate: dateArb,
    startDate: dateArb,
    progress: fc.integer({ min: 0, max: 100 }),
  });
  const countsArb = fc.record({
    green: fc.nat({ max: 10 }),
    amber: fc.nat({ max: 10 }),
    red: fc.nat({ max: 10 }),
    no_data: fc.nat({ max: 10 }),
  });
  const inputArb = fc.record({
    milestones: fc.array(milestoneArb, { maxLength: 8 }),
    kpis: countsArb,
    today: dateArb,
    slippageToleranceDays: fc.integer({ min: 0, max: 90 }),
  });
  const lateArb = fc.record({
    status: fc.constantFrom<M['status']>(
      'planned',
      'in_progress',
      'submitted',
      'changes_requested',
    ),
    baselineDate: fc.constant('2024-06-01'),
    forecastDate: fc.constantFrom('2024-06-01', '2024-06-20', '2024-12-31'),
    startDate: fc.constant('2024-01-01'),
    progress: fc.integer({ min: 0, max: 100 }),
  });

  it('adding a red KPI never improves health', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const before = consortiumHealth(input).health;
        const after = consortiumHealth({
          ...input,
          kpis: { ...input.kpis, red: input.kpis.red + 1 },
        });
        expect(RANK[after.health]).toBeGreaterThanOrEqual(RANK[before]);
        expect(after.health).not.toBe('on_track');
      }),
      { numRuns: 1000 },
    );
  });

  it('turning a green KPI red never improves health', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.kpis.green > 0);
        const k = input.kpis;
        const after = consortiumHealth({
          ...input,
          kpis: { ...k, green: k.green - 1, red: k.red + 1 },
        });
        expect(RANK[after.health]).toBeGreaterThanOrEqual(RANK[consortiumHealth(input).health]);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a late milestone never improves health', () => {
    fc.assert(
      fc.property(inputArb, lateArb, (input, m) => {
        // today is in 2025, after the 2024 baseline: m is always late.
        const before = consortiumHealth(input).health;
        const after = consortiumHealth({ ...input, milestones: [...input.milestones, m] });
        expect(RANK[after.health]).toBeGreaterThanOrEqual(RANK[before]);
        expect(after.health).not.toBe('on_track');
        const codes = after.reasons.map((r) => r.code);
        expect(
          codes.includes('milestones_late') || codes.includes('milestones_severely_late'),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('off track always has a reason, and no reason means on track', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { health: h, reasons } = consortiumHealth(input);
        if (h !== 'on_track') expect(reasons.length).toBeGreaterThan(0);
        if (reasons.length === 0) expect(h).toBe('on_track');
        for (const r of reasons) expect(r.count).toBeGreaterThanOrEqual(1);
        const red = reasons.find((r) => r.code === 'kpis_red')?.count ?? 0;
        expect(red).toBe(input.kpis.red);
      }),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneStatus } from '../contract/milestone';
import type { Milestone } from '../contract/milestone';
import { daysLate, isLate, milestoneHealth, slippageDays } from './milestone-health';
import { daysBetween } from './periods';

type M = Pick<Milestone, 'status' | 'baselineDate' | 'forecastDate' | 'startDate' | 'progress'>;

const ms = (o: Partial<M> = {}): M => ({
  status: 'in_progress',
  baselineDate: '2025-06-30',
  forecastDate: '2025-06-30',
  startDate: '2025-03-01',
  progress: 50,
  ...o,
});
const opts = (today: string, progressMargin?: number) => ({
  today,
  slippageToleranceDays: 30,
  ...(progressMargin === undefined ? {} : { progressMargin }),
});

const dateArb = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const milestoneArb = fc.record({
  status: fc.constantFrom(...MilestoneStatus.options),
  baselineDate: fc.option(dateArb, { nil: null }),
  forecastDate: dateArb,
  startDate: dateArb,
  progress: fc.integer({ min: 0, max: 100 }),
});
const RUNS = { numRuns: 1000 };

describe('slippageDays', () => {
  it('counts how far the forecast moved past the baseline', () => {
    expect(slippageDays(ms({ forecastDate: '2025-07-10' }))).toBe(10);
    expect(slippageDays(ms({ forecastDate: '2025-09-30' }))).toBe(92);
    expect(slippageDays(ms({ forecastDate: '2025-06-01' }))).toBe(0);
    expect(slippageDays(ms({ baselineDate: null, forecastDate: '2026-01-01' }))).toBe(0);
  });

  it('is never negative and equals the gap when the forecast is later', () => {
    fc.assert(
      fc.property(milestoneArb, (m) => {
        const s = slippageDays(m);
        expect(s).toBeGreaterThanOrEqual(0);
        if (m.baselineDate && m.forecastDate > m.baselineDate) {
          expect(s).toBe(daysBetween(m.baselineDate, m.forecastDate));
        } else expect(s).toBe(0);
      }),
      RUNS,
    );
  });
});

describe('isLate / daysLate', () => {
  it('is late the day after the baseline, not on it', () => {
    expect(isLate(ms(), '2025-06-30')).toBe(false);
    expect(isLate(ms(), '2025-07-01')).toBe(true);
    expect(daysLate(ms(), '2025-07-01')).toBe(1);
    expect(daysLate(ms(), '2025-06-30')).toBe(0);
  });

  it('is late as soon as the forecast passes the baseline', () => {
    const m = ms({ forecastDate: '2025-07-10' });
    expect(isLate(m, '2025-04-01')).toBe(true);
    expect(daysLate(m, '2025-04-01')).toBe(10);
    expect(daysLate(m, '2025-07-01')).toBe(10);
    expect(daysLate(m, '2025-07-20')).toBe(20);
  });

  it('judges a draft plan (no baseline) against its forecast', () => {
    const m = ms({ baselineDate: null, forecastDate: '2025-06-30' });
    expect(isLate(m, '2025-06-30')).toBe(false);
    expect(isLate(m, '2025-07-05')).toBe(true);
    expect(daysLate(m, '2025-07-05')).toBe(5);
  });

  it('never counts approved or waived milestones as late', () => {
    for (const status of ['approved', 'waived'] as const) {
      const m = ms({ status, forecastDate: '2025-09-30' });
      expect(isLate(m, '2026-01-01')).toBe(false);
      expect(daysLate(m, '2026-01-01')).toBe(0);
      expect(milestoneHealth(m, opts('2026-01-01'))).toBe('done');
    }
  });

  it('property: done statuses are never late', () => {
    const done = milestoneArb.map((m) => ({
      ...m,
      status: m.progress % 2 ? ('approved' as const) : ('waived' as const),
    }));
    fc.assert(
      fc.property(done, dateArb, (m, today) => {
        expect(isLate(m, today)).toBe(false);
        expect(daysLate(m, today)).toBe(0);
        expect(milestoneHealth(m, opts(today))).toBe('done');
      }),
      RUNS,
    );
  });

  it('property: forecast after baseline and not done means late', () => {
    const open = milestoneArb.filter(
      (m) => m.status !== 'approved' && m.status !== 'waived' && m.baselineDate !== null,
    );
    fc.assert(
      fc.property(open, dateArb, fc.integer({ min: 1, max: 400 }), (m, today, slip) => {
        const forecastDate = new Date(Date.parse(`${m.baselineDate}T00:00:00Z`) + slip * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const late = { ...m, forecastDate };
        expect(isLate(late, today)).toBe(true);
        expect(milestoneHealth(late, opts(today))).toBe('late');
        expect(daysLate(late, today)).toBeGreaterThanOrEqual(slip);
      }),
      RUNS,
    );
  });

  it('property: late exactly when daysLate is positive, and health says so', () => {
    fc.assert(
      fc.property(milestoneArb, dateArb, (m, today) => {
        const late = isLate(m, today);
        expect(daysLate(m, today) > 0).toBe(late);
        const h = milestoneHealth(m, opts(today));
        if (h !== 'done') expect(h === 'late').toBe(late);
      }),
      RUNS,
    );
  });
});

describe('milestoneHealth', () => {
  // start 2025-03-01, due 2025-06-30: a 121-day span.
  it('is at risk when progress trails elapsed time by more than the margin', () => {
    // 2025-05-31: 91 of 121 days elapsed, 75.2 %.
    expect(milestoneHealth(ms({ progress: 40 }), opts('2025-05-31'))).toBe('at_risk');
    expect(milestoneHealth(ms({ progress: 51 }), opts('2025-05-31'))).toBe('on_track');
    expect(milestoneHealth(ms({ progress: 40 }), opts('2025-05-31', 40))).toBe('on_track');
    expect(milestoneHealth(ms({ progress: 40 }), opts('2025-05-31', 10))).toBe('at_risk');
  });

  it('is on track when progress keeps up', () => {
    expect(milestoneHealth(ms({ progress: 0 }), opts('2025-03-01'))).toBe('on_track');
    expect(milestoneHealth(ms({ progress: 100 }), opts('2025-06-30'))).toBe('on_track');
    expect(milestoneHealth(ms({ progress: 80 }), opts('2025-06-30'))).toBe('on_track');
    expect(milestoneHealth(ms({ progress: 74 }), opts('2025-06-30'))).toBe('at_risk');
  });

  it('flags a planned milestone that has not started two weeks before it is due', () => {
    const planned = ms({ status: 'planned', progress: 0, startDate: '2025-06-16' });
    expect(milestoneHealth(planned, opts('2025-06-16'))).toBe('at_risk');
    expect(milestoneHealth(planned, opts('2025-06-15'))).toBe('on_track');
    const longer = ms({ status: 'planned', progress: 0, startDate: '2025-06-15' });
    expect(milestoneHealth(longer, opts('2025-06-15'))).toBe('on_track');
  });

  it('reports late before at risk', () => {
    expect(milestoneHealth(ms({ progress: 0 }), opts('2025-07-01'))).toBe('late');
    expect(milestoneHealth(ms({ progress: 100, status: 'submitted' }), opts('2025-07-01'))).toBe(
      'late',
    );
  });

  it('reports done for approved and waived whatever the dates', () => {
    expect(milestoneHealth(ms({ status: 'approved', progress: 0 }), opts('2030-01-01'))).toBe(
      'done',
    );
    expect(milestoneHealth(ms({ status: 'waived', progress: 0 }), opts('2020-01-01'))).toBe('done');
  });
});

describe('lateness of a submitted milestone', () => {
  const base = {
    status: 'submitted' as const,
    baselineDate: '2026-11-30',
    forecastDate: '2026-11-30',
    startDate: '2026-09-01',
    progress: 100,
  };

  it('is judged by the declared achievement date, not by the review delay', () => {
    const onTime = { ...base, actualDate: '2026-11-24' };
    expect(isLate(onTime, '2026-12-02')).toBe(false);
    expect(daysLate(onTime, '2026-12-02')).toBe(0);
    const lateBy3 = { ...base, actualDate: '2026-12-03' };
    expect(daysLate(lateBy3, '2026-12-20')).toBe(3);
  });
});

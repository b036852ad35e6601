import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Period } from '../contract/common';
import type { Frequency } from '../contract/kpi';
import {
  addMonthsToDate,
  addPeriods,
  comparePeriods,
  daysBetween,
  endMonthOrdinal,
  formatPeriod,
  frequencyOf,
  isPeriod,
  isWithinPeriod,
  parsePeriod,
  periodEndDate,
  periodOfDate,
  periodsBetween,
  periodStartDate,
  startMonthOrdinal,
  todayIso,
} from './periods';

const PER_YEAR: Record<Frequency, number> = { monthly: 12, quarterly: 4, yearly: 1 };
const frequencyArb = fc.constantFrom<Frequency>('monthly', 'quarterly', 'yearly');
const parsedArb = (frequency: Frequency) =>
  fc.record({
    year: fc.integer({ min: 2000, max: 2500 }),
    frequency: fc.constant(frequency),
    index: fc.integer({ min: 1, max: PER_YEAR[frequency] }),
  });
const anyParsedArb = frequencyArb.chain(parsedArb);
const periodArb = anyParsedArb.map(formatPeriod);
const dateArb = fc
  .date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2400-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const stepArb = fc.integer({ min: -1000, max: 1000 });
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);
const RUNS = { numRuns: 1000 };

describe('parsePeriod / formatPeriod', () => {
  it('parses the three frequencies', () => {
    expect(parsePeriod('2025-06')).toEqual({ year: 2025, frequency: 'monthly', index: 6 });
    expect(parsePeriod('2025-Q3')).toEqual({ year: 2025, frequency: 'quarterly', index: 3 });
    expect(parsePeriod('2026')).toEqual({ year: 2026, frequency: 'yearly', index: 1 });
    expect(frequencyOf('2025-Q1')).toBe('quarterly');
  });

  it('formats with zero-padded months', () => {
    expect(formatPeriod({ year: 2025, frequency: 'monthly', index: 1 })).toBe('2025-01');
    expect(formatPeriod({ year: 2025, frequency: 'quarterly', index: 4 })).toBe('2025-Q4');
    expect(formatPeriod({ year: 2025, frequency: 'yearly', index: 1 })).toBe('2025');
  });

  it.each(['2025-13', '2025-00', '2025-1', '2025-Q0', '2025-Q5', '25-01', '2025-06-01', '', 'Q1'])(
    'rejects %j',
    (bad) => {
      expect(isPeriod(bad)).toBe(false);
      expect(() => parsePeriod(bad)).toThrow(RangeError);
    },
  );

  it('round-trips parse ∘ format and format ∘ parse for every frequency', () => {
    fc.assert(
      fc.property(anyParsedArb, (p) => {
        const s = formatPeriod(p);
        expect(isPeriod(s)).toBe(true);
        expect(parsePeriod(s)).toEqual(p);
        expect(formatPeriod(parsePeriod(s))).toBe(s);
      }),
      RUNS,
    );
  });

  it('isPeriod agrees with the contract schema on arbitrary strings', () => {
    const chars = fc.constantFrom(...'0123456789-Q1'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 9 }), (s) => {
        expect(isPeriod(s)).toBe(Period.safeParse(s).success);
      }),
      RUNS,
    );
  });
});

describe('addPeriods', () => {
  it('carries across years', () => {
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
    expect(addPeriods('2025-01', -1)).toBe('2024-12');
    expect(addPeriods('2025-Q4', 1)).toBe('2026-Q1');
    expect(addPeriods('2025-Q1', -5)).toBe('2023-Q4');
    expect(addPeriods('2025', 3)).toBe('2028');
    expect(addPeriods('2025-06', 24)).toBe('2027-06');
    expect(addPeriods('2025-06', 0)).toBe('2025-06');
  });

  it('is additive: add(p, a + b) = add(add(p, a), b)', () => {
    fc.assert(
      fc.property(periodArb, stepArb, stepArb, (p, a, b) => {
        expect(addPeriods(p, a + b)).toBe(addPeriods(addPeriods(p, a), b));
      }),
      RUNS,
    );
  });

  it('has an inverse and keeps the frequency', () => {
    fc.assert(
      fc.property(periodArb, stepArb, (p, n) => {
        const q = addPeriods(p, n);
        expect(frequencyOf(q)).toBe(frequencyOf(p));
        expect(addPeriods(q, -n)).toBe(p);
      }),
      RUNS,
    );
  });

  it('moves by exactly n periods worth of months', () => {
    fc.assert(
      fc.property(periodArb, stepArb, (p, n) => {
        const months = 12 / PER_YEAR[frequencyOf(p)];
        expect(endMonthOrdinal(addPeriods(p, n)) - endMonthOrdinal(p)).toBe(n * months);
      }),
      RUNS,
    );
  });
});

describe('comparePeriods', () => {
  it('orders by end month, then by start month', () => {
    expect(comparePeriods('2025-01', '2025-02')).toBeLessThan(0);
    expect(comparePeriods('2025-Q2', '2025-04')).toBeGreaterThan(0);
    expect(comparePeriods('2025-Q2', '2025-06')).toBeLessThan(0);
    expect(comparePeriods('2025', '2025-Q4')).toBeLessThan(0);
    expect(comparePeriods('2025-Q4', '2025-12')).toBeLessThan(0);
    expect(comparePeriods('2024', '2025-01')).toBeLessThan(0);
    expect(comparePeriods('2025-07', '2025-07')).toBe(0);
  });

  it('is consistent with addPeriods: sign(compare(add(p, n), p)) = sign(n)', () => {
    fc.assert(
      fc.property(periodArb, stepArb, (p, n) => {
        expect(sign(comparePeriods(addPeriods(p, n), p))).toBe(sign(n));
      }),
      RUNS,
    );
  });

  it('is a total order across frequencies (reflexive, antisymmetric, transitive)', () => {
    fc.assert(
      fc.property(periodArb, periodArb, periodArb, (a, b, c) => {
        expect(comparePeriods(a, a)).toBe(0);
        expect(sign(comparePeriods(a, b)) + sign(comparePeriods(b, a))).toBe(0);
        if (comparePeriods(a, b) === 0) expect(a).toBe(b);
        if (comparePeriods(a, b) <= 0 && comparePeriods(b, c) <= 0) {
          expect(comparePeriods(a, c)).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('sorting with it yields a non-decreasing end month', () => {
    fc.assert(
      fc.property(fc.array(periodArb, { maxLength: 30 }), (ps) => {
        const sorted = [...ps].sort(comparePeriods);
        for (let i = 1; i < sorted.length; i++) {
          expect(endMonthOrdinal(sorted[i]!)).toBeGreaterThanOrEqual(
            endMonthOrdinal(sorted[i - 1]!),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('periodsBetween', () => {
  it('lists inclusive ranges', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodsBetween('2025-Q3', '2026-Q1')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsBetween('2025', '2025')).toEqual(['2025']);
    expect(periodsBetween('2025-03', '2025-01')).toEqual([]);
  });

  it('refuses mixed frequencies', () => {
    expect(() => periodsBetween('2025-01', '2025-Q2')).toThrow(RangeError);
  });

  it('has k + 1 strictly increasing consecutive periods from p to add(p, k)', () => {
    fc.assert(
      fc.property(periodArb, fc.integer({ min: -5, max: 60 }), (p, k) => {
        const list = periodsBetween(p, addPeriods(p, k));
        expect(list).toHaveLength(Math.max(0, k + 1));
        if (k < 0) return;
        expect(list[0]).toBe(p);
        expect(list[list.length - 1]).toBe(addPeriods(p, k));
        for (let i = 1; i < list.length; i++) {
          expect(comparePeriods(list[i - 1]!, list[i]!)).toBeLessThan(0);
          expect(list[i]).toBe(addPeriods(list[i - 1]!, 1));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('period dates', () => {
  it('gives start and end dates, including leap years', () => {
    expect(periodEndDate('2028-02')).toBe('2028-02-29');
    expect(periodEndDate('2025-02')).toBe('2025-02-28');
    expect(periodEndDate('2100-02')).toBe('2100-02-28');
    expect(periodEndDate('2000-02')).toBe('2000-02-29');
    expect(periodEndDate('2025-12')).toBe('2025-12-31');
    expect(periodEndDate('2025-Q1')).toBe('2025-03-31');
    expect(periodEndDate('2025-Q2')).toBe('2025-06-30');
    expect(periodEndDate('2025')).toBe('2025-12-31');
    expect(periodStartDate('2024-Q4')).toBe('2024-10-01');
    expect(periodStartDate('2025-06')).toBe('2025-06-01');
    expect(periodStartDate('2026')).toBe('2026-01-01');
  });

  it('maps dates to periods', () => {
    expect(periodOfDate('2025-05-31', 'monthly')).toBe('2025-05');
    expect(periodOfDate('2025-05-31', 'quarterly')).toBe('2025-Q2');
    expect(periodOfDate('2025-10-01', 'quarterly')).toBe('2025-Q4');
    expect(periodOfDate('2025-05-31', 'yearly')).toBe('2025');
  });

  it('puts every date within its period start..end', () => {
    fc.assert(
      fc.property(dateArb, frequencyArb, (d, f) => {
        const p = periodOfDate(d, f);
        expect(frequencyOf(p)).toBe(f);
        expect(periodStartDate(p) <= d).toBe(true);
        expect(d <= periodEndDate(p)).toBe(true);
      }),
      RUNS,
    );
  });

  it('tiles time: a period ends the day before the next one starts', () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        expect(daysBetween(periodEndDate(p), periodStartDate(addPeriods(p, 1)))).toBe(1);
        expect(periodOfDate(periodStartDate(p), frequencyOf(p))).toBe(p);
        expect(periodOfDate(periodEndDate(p), frequencyOf(p))).toBe(p);
      }),
      RUNS,
    );
  });

  it('start/end month ordinals bracket the period', () => {
    fc.assert(
      fc.property(periodArb, (p) => {
        const span = endMonthOrdinal(p) - startMonthOrdinal(p) + 1;
        expect(span).toBe(12 / PER_YEAR[frequencyOf(p)]);
      }),
      RUNS,
    );
  });
});

describe('daysBetween', () => {
  it('counts whole days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
  });

  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        expect(daysBetween(a, a)).toBe(0);
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
        expect(sign(daysBetween(a, b))).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
      RUNS,
    );
  });
});

describe('addMonthsToDate', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonthsToDate('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDate('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonthsToDate('2025-05-31', 1)).toBe('2025-06-30');
    expect(addMonthsToDate('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonthsToDate('2025-01-15', -13)).toBe('2023-12-15');
    expect(addMonthsToDate('2025-08-31', 0)).toBe('2025-08-31');
  });

  it('lands in the right month on the clamped day', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const r = addMonthsToDate(d, n);
        const ord = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
        expect(ord(r) - ord(d)).toBe(n);
        const lastDay = Number(periodEndDate(r.slice(0, 7)).slice(8));
        expect(Number(r.slice(8))).toBe(Math.min(Number(d.slice(8)), lastDay));
      }),
      RUNS,
    );
  });

  it('round-trips for days that exist in every month', () => {
    const early = dateArb.filter((d) => Number(d.slice(8)) <= 28);
    fc.assert(
      fc.property(early, fc.integer({ min: -600, max: 600 }), (d, n) => {
        expect(addMonthsToDate(addMonthsToDate(d, n), -n)).toBe(d);
      }),
      RUNS,
    );
  });
});

describe('todayIso', () => {
  it('takes the UTC calendar date', () => {
    expect(todayIso(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-22');
    expect(todayIso(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01');
  });
});

describe('isWithinPeriod', () => {
  it('holds from the first to the last day of the period, for dates and timestamps', () => {
    expect(isWithinPeriod('2026-09-30', '2026-10')).toBe(false);
    expect(isWithinPeriod('2026-10-01', '2026-10')).toBe(true);
    expect(isWithinPeriod('2026-10-31T23:59:59.000Z', '2026-10')).toBe(true);
    expect(isWithinPeriod('2026-11-01', '2026-10')).toBe(false);
    expect(isWithinPeriod('2026-12-31', '2026-Q4')).toBe(true);
    expect(isWithinPeriod(null, '2026-10')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition, KpiValue } from '../contract/kpi';
import {
  isSmallCount,
  mustSuppress,
  protectedCount,
  smallCountLabel,
  suppressAuditCounts,
  suppressForReader,
} from './small-counts';

type Kpi = Pick<KpiDefinition, 'unit' | 'aggregation'>;
type V = Pick<KpiValue, 'value' | 'numerator' | 'denominator' | 'suppressed'> & {
  period: string;
  revision: number;
};

const COUNT: Kpi = { unit: 'count', aggregation: 'stock' };
const COUNT_FLOW: Kpi = { unit: 'count', aggregation: 'flow' };
const PERCENT_RATE: Kpi = { unit: 'percent', aggregation: 'rate' };
const PER_100: Kpi = { unit: 'rate', aggregation: 'rate' };
const PERCENT_STOCK: Kpi = { unit: 'percent', aggregation: 'stock' };
const DAYS: Kpi = { unit: 'days', aggregation: 'stock' };

const v = (o: Partial<V>): V => ({
  value: null,
  numerator: null,
  denominator: null,
  suppressed: false,
  period: '2025-06',
  revision: 1,
  ...o,
});

describe('isSmallCount', () => {
  it('suppresses 1..threshold-1, not 0, not the threshold, not null', () => {
    expect(isSmallCount(0, 10)).toBe(false);
    expect(isSmallCount(1, 10)).toBe(true);
    expect(isSmallCount(9, 10)).toBe(true);
    expect(isSmallCount(10, 10)).toBe(false);
    expect(isSmallCount(11, 10)).toBe(false);
    expect(isSmallCount(null, 10)).toBe(false);
    expect(isSmallCount(1, 1)).toBe(false);
  });

  it('property: small exactly when 0 < n < threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 200 }), (t, n) => {
        expect(isSmallCount(n, t)).toBe(n > 0 && n < t);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('protectedCount / mustSuppress', () => {
  it('protects the value of count KPIs and the numerator of rates', () => {
    expect(protectedCount(COUNT, v({ value: 7 }))).toBe(7);
    expect(protectedCount(COUNT_FLOW, v({ value: 3 }))).toBe(3);
    expect(protectedCount(PERCENT_RATE, v({ value: 1.5, numerator: 3 }))).toBe(3);
    expect(protectedCount(PER_100, v({ value: 2.08, numerator: 10 }))).toBe(10);
    expect(protectedCount(PERCENT_STOCK, v({ value: 5 }))).toBeNull();
    expect(protectedCount(DAYS, v({ value: 4 }))).toBeNull();
  });

  it('suppresses a rate on its numerator, whatever the rate', () => {
    expect(mustSuppress(PERCENT_RATE, v({ value: 1.5, numerator: 3, denominator: 200 }), 10)).toBe(
      true,
    );
    expect(mustSuppress(PERCENT_RATE, v({ value: 80, numerator: 12, denominator: 15 }), 10)).toBe(
      false,
    );
    expect(mustSuppress(PER_100, v({ value: 0, numerator: 0, denominator: 480 }), 10)).toBe(false);
    expect(mustSuppress(PERCENT_STOCK, v({ value: 3 }), 10)).toBe(false);
    expect(mustSuppress(COUNT, v({ value: 3 }), 10)).toBe(true);
    expect(mustSuppress(COUNT, v({ value: 3 }), 3)).toBe(false);
  });
});

describe('suppressForReader', () => {
  it('hides every number of a small count and flags it', () => {
    const raw = v({ value: 1.5, numerator: 3, denominator: 200 });
    expect(suppressForReader(PERCENT_RATE, raw, 10)).toEqual({
      ...raw,
      value: null,
      numerator: null,
      denominator: null,
      suppressed: true,
    });
    expect(raw.numerator).toBe(3);
  });

  it('leaves other values untouched (same object)', () => {
    const big = v({ value: 25 });
    expect(suppressForReader(COUNT, big, 10)).toBe(big);
    const zero = v({ value: 0 });
    expect(suppressForReader(COUNT, zero, 10)).toBe(zero);
  });

  it('labels the threshold', () => {
    expect(smallCountLabel(10)).toBe('< 10');
    expect(smallCountLabel(5)).toBe('< 5');
  });

  it('property: never leaks a protected small number', () => {
    const kpiArb = fc.constantFrom(COUNT, COUNT_FLOW, PERCENT_RATE, PER_100, PERCENT_STOCK, DAYS);
    const maybe = fc.option(fc.integer({ min: 0, max: 500 }), { nil: null });
    fc.assert(
      fc.property(
        kpiArb,
        maybe,
        maybe,
        maybe,
        fc.integer({ min: 1, max: 50 }),
        (kpi, a, n, d, t) => {
          const raw = v({ value: a, numerator: n, denominator: d });
          const out = suppressForReader(kpi, raw, t);
          const p = kpi.aggregation === 'rate' ? n : kpi.unit === 'count' ? a : null;
          if (p !== null && p > 0 && p < t) {
            expect(out.value).toBeNull();
            expect(out.numerator).toBeNull();
            expect(out.denominator).toBeNull();
            expect(out.suppressed).toBe(true);
            expect(out.period).toBe(raw.period);
          } else {
            expect(out).toEqual(raw);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('suppressAuditCounts', () => {
  const kpi = { unit: 'percent', aggregation: 'rate' } as const;
  const stored = { value: 20, numerator: 4 };

  it('blanks the counts on both sides when either side is a small count', () => {
    const entry = {
      before: { numerator: 12, denominator: 20, source: 'log' },
      after: { numerator: 4, denominator: 20, source: 'log' },
    };
    expect(suppressAuditCounts(entry, kpi, stored, 10)).toEqual({
      before: { numerator: null, denominator: null, source: 'log', value: null },
      after: { numerator: null, denominator: null, source: 'log', value: null },
    });
  });

  it('completes a side that did not change the count with the stored revision', () => {
    const entry = { before: { note: '' }, after: { note: 'checked' } };
    expect(suppressAuditCounts(entry, kpi, stored, 10).after).toMatchObject({ numerator: null });
    expect(suppressAuditCounts(entry, kpi, { value: 60, numerator: 12 }, 10)).toBe(entry);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition, KpiValue } from '../contract/kpi';
import {
  isSmallCount,
  mustSuppress,
  protectedCounts,
  smallCountLabel,
  smallCountThresholdOf,
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

describe('protectedCounts / mustSuppress', () => {
  it('protects the value of count KPIs, the numerator and the denominator of rates', () => {
    expect(protectedCounts(COUNT, v({ value: 7 }))).toEqual([7]);
    expect(protectedCounts(COUNT_FLOW, v({ value: 3 }))).toEqual([3]);
    expect(
      protectedCounts(PERCENT_RATE, v({ value: 1.5, numerator: 3, denominator: 200 })),
    ).toEqual([3, 200]);
    expect(protectedCounts(PER_100, v({ value: 2.08, numerator: 10 }))).toEqual([10, null]);
    expect(protectedCounts(PERCENT_STOCK, v({ value: 5 }))).toEqual([]);
    expect(protectedCounts(DAYS, v({ value: 4 }))).toEqual([]);
  });

  it('suppresses a rate on its numerator or its denominator, whatever the rate', () => {
    expect(mustSuppress(PERCENT_RATE, v({ value: 1.5, numerator: 3, denominator: 200 }), 10)).toBe(
      true,
    );
    expect(mustSuppress(PERCENT_RATE, v({ value: 80, numerator: 12, denominator: 15 }), 10)).toBe(
      false,
    );
    expect(mustSuppress(PER_100, v({ value: 0, numerator: 0, denominator: 480 }), 10)).toBe(false);
    // ehpad-connect, TRANSF_URG 2026-12: 12 transfers for 5 residents, then 0 of 4.
    expect(mustSuppress(PER_100, v({ value: 240, numerator: 12, denominator: 5 }), 10)).toBe(true);
    expect(mustSuppress(PER_100, v({ value: 0, numerator: 0, denominator: 4 }), 10)).toBe(true);
    expect(mustSuppress(PERCENT_STOCK, v({ value: 3 }), 10)).toBe(false);
    expect(mustSuppress(COUNT, v({ value: 3 }), 10)).toBe(true);
    expect(mustSuppress(COUNT, v({ value: 3 }), 3)).toBe(false);
  });

  it('reads the threshold from the programme, or the default before it loads', () => {
    expect(smallCountThresholdOf({ smallCountThreshold: 5 })).toBe(5);
    expect(smallCountThresholdOf(undefined)).toBe(10);
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
          const counts = kpi.aggregation === 'rate' ? [n, d] : kpi.unit === 'count' ? [a] : [];
          if (counts.some((p) => p !== null && p > 0 && p < t)) {
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

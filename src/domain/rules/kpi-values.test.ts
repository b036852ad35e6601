import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DefinitionVersion, KpiDefinition, KpiValueInput } from '../contract/kpi';
import {
  computeValue,
  definitionVersionAt,
  rateScale,
  validateKpiValue,
  type KpiValueIssue,
} from './kpi-values';
import { addPeriods, comparePeriods } from './periods';

type Shape = Pick<
  KpiDefinition,
  'unit' | 'aggregation' | 'frequency' | 'ratePer' | 'decimals' | 'direction'
>;

const COUNT: Shape = {
  unit: 'count',
  aggregation: 'stock',
  frequency: 'monthly',
  ratePer: null,
  decimals: 0,
  direction: 'higher',
};
const PERCENT_RATE: Shape = {
  unit: 'percent',
  aggregation: 'rate',
  frequency: 'monthly',
  ratePer: null,
  decimals: 1,
  direction: 'higher',
};
const PER_100: Shape = {
  unit: 'rate',
  aggregation: 'rate',
  frequency: 'quarterly',
  ratePer: 100,
  decimals: 1,
  direction: 'lower',
};
const PERCENT_STOCK: Shape = { ...COUNT, unit: 'percent', decimals: 1 };
const SCORE: Shape = { ...COUNT, unit: 'score', frequency: 'yearly' };
const EUR: Shape = { ...COUNT, unit: 'eur', aggregation: 'flow', frequency: 'quarterly' };
const DAYS: Shape = { ...COUNT, unit: 'days', decimals: 1 };

const consortium = { startDate: '2025-01-01', endDate: '2026-12-31' };
const codes = (issues: KpiValueIssue[]) => issues.map((i) => `${i.field}:${i.code}`);
type Input = Partial<Pick<KpiValueInput, 'value' | 'numerator' | 'denominator' | 'explanation'>>;
const check = (kpi: Shape, input: Input, period = '2025-06', isRed = false) =>
  codes(validateKpiValue(kpi, { explanation: '', ...input }, period, consortium, isRed));

describe('computeValue', () => {
  it('recomputes percentages per 100 from numerator and denominator', () => {
    expect(computeValue(PERCENT_RATE, { numerator: 18, denominator: 120 })).toBe(15);
    expect(computeValue(PERCENT_RATE, { numerator: 120, denominator: 120 })).toBe(100);
    expect(computeValue(PERCENT_RATE, { numerator: 0, denominator: 40 })).toBe(0);
    expect(computeValue(PERCENT_RATE, { numerator: 1, denominator: 40 })).toBe(2.5);
  });

  it('uses ratePer for other rates, and 1 without it', () => {
    expect(rateScale(PER_100)).toBe(100);
    expect(rateScale(PERCENT_RATE)).toBe(100);
    expect(rateScale({ unit: 'rate', ratePer: 1000 })).toBe(1000);
    expect(rateScale({ unit: 'rate', ratePer: null })).toBe(1);
    expect(computeValue(PER_100, { numerator: 52, denominator: 480 })).toBe(10.83);
    expect(computeValue({ ...PER_100, ratePer: 1000 }, { numerator: 16, denominator: 1000 })).toBe(
      16,
    );
    expect(computeValue({ ...PER_100, ratePer: null }, { numerator: 7, denominator: 2 })).toBe(3.5);
  });

  it('rounds to the KPI decimals, and never to fewer than 2', () => {
    expect(computeValue(PERCENT_RATE, { numerator: 1, denominator: 3 })).toBe(33.33);
    expect(computeValue({ ...PERCENT_RATE, decimals: 0 }, { numerator: 2, denominator: 3 })).toBe(
      66.67,
    );
    expect(computeValue({ ...PERCENT_RATE, decimals: 3 }, { numerator: 1, denominator: 3 })).toBe(
      33.333,
    );
    expect(computeValue({ ...PERCENT_RATE, decimals: 4 }, { numerator: 2, denominator: 3 })).toBe(
      66.6667,
    );
  });

  it('has no value without a usable fraction', () => {
    expect(computeValue(PERCENT_RATE, { numerator: 3, denominator: 0 })).toBeNull();
    expect(computeValue(PERCENT_RATE, { numerator: 3 })).toBeNull();
    expect(computeValue(PERCENT_RATE, { denominator: 3 })).toBeNull();
    expect(computeValue(PERCENT_RATE, { value: 42 })).toBeNull();
  });

  it('passes stock and flow values through', () => {
    expect(computeValue(COUNT, { value: 320 })).toBe(320);
    expect(computeValue(EUR, { value: -1200.5 })).toBe(-1200.5);
    expect(computeValue(COUNT, {})).toBeNull();
    expect(computeValue(COUNT, { numerator: 1, denominator: 2 })).toBeNull();
  });

  it('property: a percentage stays within 0..100 and within rounding of n/d', () => {
    const frac = fc
      .integer({ min: 1, max: 100_000 })
      .chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(frac, fc.integer({ min: 0, max: 4 }), ([n, d], decimals) => {
        const v = computeValue({ ...PERCENT_RATE, decimals }, { numerator: n, denominator: d })!;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
        const step = 10 ** -Math.max(decimals, 2);
        expect(Math.abs(v - (n / d) * 100)).toBeLessThanOrEqual(step / 2 + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('validateKpiValue', () => {
  it('accepts well-formed values', () => {
    expect(check(COUNT, { value: 0 })).toEqual([]);
    expect(check(COUNT, { value: 320 })).toEqual([]);
    expect(check(PERCENT_RATE, { numerator: 18, denominator: 120 })).toEqual([]);
    expect(check(PERCENT_RATE, { numerator: 120, denominator: 120 })).toEqual([]);
    expect(check(PER_100, { numerator: 250, denominator: 480 }, '2025-Q2')).toEqual([]);
    expect(check(PERCENT_STOCK, { value: 100 })).toEqual([]);
    expect(check(DAYS, { value: 4.5 })).toEqual([]);
    expect(check(EUR, { value: -500 }, '2025-Q3')).toEqual([]);
  });

  it('rejects negative and non-integer counts', () => {
    expect(check(COUNT, { value: -1 })).toEqual(['value:negative']);
    expect(check(COUNT, { value: 2.5 })).toEqual(['value:not_integer']);
    expect(check(COUNT, { value: -2.5 })).toEqual(['value:negative', 'value:not_integer']);
    expect(check(DAYS, { value: -0.5 })).toEqual(['value:negative']);
  });

  it('rejects percentages and scores above 100', () => {
    expect(check(PERCENT_STOCK, { value: 100.1 })).toEqual(['value:above_100']);
    expect(check(SCORE, { value: 101 }, '2025')).toEqual(['value:above_100']);
    expect(check(SCORE, { value: 68 }, '2025')).toEqual([]);
  });

  it('accepts a percentage above 100 for a KPI kept within a band (budget consumed)', () => {
    const BUDGET: Shape = { ...PERCENT_RATE, direction: 'band' };
    expect(check(BUDGET, { numerator: 105, denominator: 100 })).toEqual([]);
    expect(check({ ...PERCENT_STOCK, direction: 'band' }, { value: 104 })).toEqual([]);
  });

  it('checks the fraction of a rate', () => {
    expect(check(PERCENT_RATE, { numerator: 3, denominator: 0 })).toEqual([
      'denominator:zero_denominator',
    ]);
    expect(check(PERCENT_RATE, { numerator: 130, denominator: 120 })).toEqual([
      'numerator:numerator_above_denominator',
    ]);
    expect(check(PER_100, { numerator: 600, denominator: 480 }, '2025-Q2')).toEqual([]);
    expect(check(PERCENT_RATE, { numerator: -1, denominator: 10 })).toEqual(['numerator:negative']);
    expect(check(PERCENT_RATE, { numerator: 1.5, denominator: 10 })).toEqual([
      'numerator:not_integer',
    ]);
    expect(check(PERCENT_RATE, { numerator: 1, denominator: -10 })).toEqual([
      'denominator:negative',
    ]);
    expect(check(PERCENT_RATE, { numerator: 1 })).toEqual(['denominator:fraction_required']);
    expect(check(PERCENT_RATE, {})).toEqual([
      'numerator:fraction_required',
      'denominator:fraction_required',
    ]);
  });

  it('refuses a value for a rate and a fraction for a stock', () => {
    expect(check(PERCENT_RATE, { value: 15, numerator: 18, denominator: 120 })).toEqual([
      'value:fraction_not_allowed',
    ]);
    expect(check(COUNT, { value: 10, numerator: 1, denominator: 2 })).toEqual([
      'numerator:fraction_not_allowed',
      'denominator:fraction_not_allowed',
    ]);
    expect(check(COUNT, { value: 10, denominator: 2 })).toEqual([
      'denominator:fraction_not_allowed',
    ]);
    expect(check(COUNT, {})).toEqual(['value:value_required']);
  });

  it('refuses a period of the wrong frequency', () => {
    expect(check(PER_100, { numerator: 1, denominator: 10 }, '2025-06')).toEqual([
      'period:wrong_frequency',
    ]);
    expect(check(COUNT, { value: 1 }, '2025-Q2')).toEqual(['period:wrong_frequency']);
    expect(check(COUNT, { value: 1 }, '2025')).toEqual(['period:wrong_frequency']);
  });

  it('refuses a period outside the consortium', () => {
    expect(check(COUNT, { value: 1 }, '2024-12')).toEqual(['period:outside_consortium']);
    expect(check(COUNT, { value: 1 }, '2027-01')).toEqual(['period:outside_consortium']);
    expect(check(COUNT, { value: 1 }, '2025-01')).toEqual([]);
    expect(check(COUNT, { value: 1 }, '2026-12')).toEqual([]);
    expect(check(PER_100, { numerator: 1, denominator: 9 }, '2024-Q4')).toEqual([
      'period:outside_consortium',
    ]);
    // A period that overlaps the consortium is inside it.
    const midQuarter = { startDate: '2025-02-15', endDate: '2026-11-15' };
    const q = (p: string) =>
      codes(
        validateKpiValue(
          PER_100,
          { numerator: 1, denominator: 9, explanation: '' },
          p,
          midQuarter,
          false,
        ),
      );
    expect(q('2025-Q1')).toEqual([]);
    expect(q('2026-Q4')).toEqual([]);
    expect(q('2027-Q1')).toEqual(['period:outside_consortium']);
  });

  it('requires an explanation only for an otherwise valid red value', () => {
    expect(check(COUNT, { value: 3 }, '2025-06', true)).toEqual([
      'explanation:explanation_required',
    ]);
    expect(check(COUNT, { value: 3, explanation: '   ' }, '2025-06', true)).toEqual([
      'explanation:explanation_required',
    ]);
    expect(check(COUNT, { value: 3, explanation: 'HDS migration' }, '2025-06', true)).toEqual([]);
    expect(check(COUNT, { value: 3 }, '2025-06', false)).toEqual([]);
    expect(check(COUNT, { value: -3 }, '2025-06', true)).toEqual(['value:negative']);
  });

  it('property: valid counts pass, and the explanation rule follows isRed', () => {
    const monthInside = fc.integer({ min: 0, max: 23 }).map((n) => addPeriods('2025-01', n));
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        monthInside,
        fc.boolean(),
        fc.constantFrom('', ' ', 'ok'),
        (value, period, isRed, explanation) => {
          const issues = check(COUNT, { value, explanation }, period, isRed);
          const needs = isRed && explanation.trim() === '';
          expect(issues).toEqual(needs ? ['explanation:explanation_required'] : []);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a percentage fraction is valid exactly when 0 ≤ n ≤ d, d > 0, integers', () => {
    const int = fc.integer({ min: -5, max: 50 });
    fc.assert(
      fc.property(int, int, (n, d) => {
        const ok = n >= 0 && d > 0 && n <= d;
        expect(check(PERCENT_RATE, { numerator: n, denominator: d }).length === 0).toBe(ok);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('definitionVersionAt', () => {
  const versions: DefinitionVersion[] = [
    { version: 2, validFrom: '2026-02', changeNote: 'consent + PPS started' },
    { version: 1, validFrom: '2025-01', changeNote: 'account created' },
  ];

  it('picks the version in force at a monthly period', () => {
    expect(definitionVersionAt(versions, '2025-01')).toBe(1);
    expect(definitionVersionAt(versions, '2026-01')).toBe(1);
    expect(definitionVersionAt(versions, '2026-02')).toBe(2);
    expect(definitionVersionAt(versions, '2027-05')).toBe(2);
  });

  it('judges quarterly and yearly periods by their first month', () => {
    expect(definitionVersionAt(versions, '2025-Q4')).toBe(1);
    expect(definitionVersionAt(versions, '2026-Q1')).toBe(1);
    expect(definitionVersionAt(versions, '2026-Q2')).toBe(2);
    expect(definitionVersionAt(versions, '2026')).toBe(1);
    expect(definitionVersionAt(versions, '2027')).toBe(2);
  });

  it('falls back to the earliest version before any starts', () => {
    expect(definitionVersionAt(versions, '2024-06')).toBe(1);
    const later: DefinitionVersion[] = [
      { version: 3, validFrom: '2026-01', changeNote: '' },
      { version: 2, validFrom: '2025-01', changeNote: '' },
    ];
    expect(definitionVersionAt(later, '2024-06')).toBe(2);
    expect(definitionVersionAt(later, '2025-06')).toBe(2);
    expect(definitionVersionAt(later, '2026-Q1')).toBe(3);
  });

  it('property: the result is one of the versions and never goes back in time', () => {
    const vs = fc
      .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 1, maxLength: 5 })
      .map((offsets) =>
        [...offsets]
          .sort((a, b) => a - b)
          .map((o, i) => ({ version: i + 1, validFrom: addPeriods('2024-01', o), changeNote: '' })),
      );
    const month = fc.integer({ min: 0, max: 72 }).map((n) => addPeriods('2023-01', n));
    fc.assert(
      fc.property(vs, month, month, (versions, a, b) => {
        const [p, q] = comparePeriods(a, b) <= 0 ? [a, b] : [b, a];
        const vp = definitionVersionAt(versions, p);
        expect(versions.map((v) => v.version)).toContain(vp);
        expect(definitionVersionAt(versions, q)).toBeGreaterThanOrEqual(vp);
        const started = versions.filter((v) => comparePeriods(v.validFrom, p) <= 0);
        expect(vp).toBe(started.length ? started[started.length - 1]!.version : 1);
      }),
      { numRuns: 500 },
    );
  });
});

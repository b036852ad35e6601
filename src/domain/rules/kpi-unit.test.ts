import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../contract/kpi';
import { unitIssues, validateKpiValue } from './kpi-values';

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
const PERCENT_STOCK: Shape = { ...COUNT, unit: 'percent', decimals: 1 };
const SCORE: Shape = { ...COUNT, unit: 'score', frequency: 'yearly' };
const EUR: Shape = { ...COUNT, unit: 'eur', aggregation: 'flow', frequency: 'quarterly' };
const DAYS: Shape = { ...COUNT, unit: 'days', decimals: 1 };
const consortium = { startDate: '2025-01-01', endDate: '2026-12-31' };

describe('unitIssues (values, baselines and targets alike)', () => {
  it('lists what a number breaks in its unit', () => {
    expect(unitIssues(COUNT, -1.5)).toEqual(['negative', 'not_integer']);
    expect(unitIssues(PERCENT_STOCK, 100.1)).toEqual(['above_100']);
    expect(unitIssues({ ...PERCENT_STOCK, direction: 'band' }, 110)).toEqual([]);
    expect(unitIssues(SCORE, 101)).toEqual(['above_100']);
    expect(unitIssues(EUR, -2500)).toEqual([]);
    expect(unitIssues(DAYS, 3.5)).toEqual([]);
  });

  it('property: a stock or flow value is refused on its unit exactly as unitIssues says', () => {
    const shape = fc.constantFrom(COUNT, PERCENT_STOCK, SCORE, EUR, DAYS);
    fc.assert(
      fc.property(shape, fc.double({ min: -1e5, max: 1e5, noNaN: true }), (kpi, v) => {
        const refused = validateKpiValue(
          kpi,
          { value: v, explanation: '' },
          '2025-06',
          consortium,
          false,
        )
          .filter((i) => i.field === 'value')
          .map((i) => i.code);
        expect(refused).toEqual(unitIssues(kpi, v));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cellPeriodOf } from './heatmap';

describe('cellPeriodOf', () => {
  it('keeps the period of a KPI on the same rhythm', () => {
    expect(cellPeriodOf({ frequency: 'monthly' }, '2026-10')).toBe('2026-10');
    expect(cellPeriodOf({ frequency: 'quarterly' }, '2026-Q3')).toBe('2026-Q3');
  });

  it("shows a slower KPI's last period ended by the end of the chosen one", () => {
    expect(cellPeriodOf({ frequency: 'quarterly' }, '2026-10')).toBe('2026-Q3');
    expect(cellPeriodOf({ frequency: 'quarterly' }, '2026-09')).toBe('2026-Q3');
    expect(cellPeriodOf({ frequency: 'quarterly' }, '2026-01')).toBe('2025-Q4');
    expect(cellPeriodOf({ frequency: 'yearly' }, '2026-10')).toBe('2025');
    expect(cellPeriodOf({ frequency: 'yearly' }, '2026-12')).toBe('2026');
  });

  it("shows a faster KPI's last month of the chosen quarter or year", () => {
    expect(cellPeriodOf({ frequency: 'monthly' }, '2026-Q3')).toBe('2026-09');
    expect(cellPeriodOf({ frequency: 'monthly' }, '2026')).toBe('2026-12');
  });
});

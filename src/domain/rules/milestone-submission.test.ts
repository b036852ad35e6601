import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition } from '../contract/kpi';
import { lastDuePeriod, submissionGaps, type SubmissionSource } from './milestone-submission';
import { addMonthsToDate, addPeriods, periodEndDate } from './periods';

type Kpi = Pick<KpiDefinition, 'id' | 'code' | 'frequency' | 'reportingLagMonths'>;
const monthly: Kpi = { id: 'k1', code: 'PAT_INC', frequency: 'monthly', reportingLagMonths: 0 };
const claims: Kpi = { id: 'k2', code: 'RH30', frequency: 'quarterly', reportingLagMonths: 6 };

const source = (over: Partial<SubmissionSource> = {}): SubmissionSource => ({
  milestone: { evidenceExpected: ['Rapport final', 'Bilan budgétaire'], requiresKpiValues: true },
  evidence: [],
  consortium: { id: 'c1', startDate: '2024-10-01' },
  kpis: [monthly, claims],
  settings: [
    { consortiumId: 'c1', kpiId: 'k1' },
    { consortiumId: 'c1', kpiId: 'k2' },
  ],
  values: [],
  today: '2026-06-15',
  ...over,
});

describe('lastDuePeriod', () => {
  it('asks for the last complete period, later when the KPI reports with a lag', () => {
    expect(lastDuePeriod(monthly, '2024-10-01', '2026-06-15')).toBe('2026-05');
    expect(lastDuePeriod(monthly, '2024-10-01', '2026-06-01')).toBe('2026-05');
    // Q4 2025 ended 31 Dec; six months later is 30 June, not yet passed on 15 June.
    expect(lastDuePeriod(claims, '2024-10-01', '2026-06-15')).toBe('2025-Q3');
    expect(lastDuePeriod(claims, '2024-10-01', '2026-07-01')).toBe('2025-Q4');
    expect(
      lastDuePeriod({ frequency: 'yearly', reportingLagMonths: 3 }, '2024-10-01', '2026-06-15'),
    ).toBe('2025');
  });

  it('asks for nothing before the consortium started', () => {
    expect(lastDuePeriod(monthly, '2026-06-01', '2026-06-15')).toBeNull();
    expect(lastDuePeriod(claims, '2026-01-01', '2026-06-15')).toBeNull();
  });

  it('property: the period is complete and its lag has passed, and the next one is not due', () => {
    const kpis = fc.record({
      frequency: fc.constantFrom('monthly' as const, 'quarterly' as const, 'yearly' as const),
      reportingLagMonths: fc.integer({ min: 0, max: 24 }),
    });
    const days = fc.date({
      min: new Date('2022-01-01'),
      max: new Date('2032-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(kpis, days, (kpi, d) => {
        const today = d.toISOString().slice(0, 10);
        const period = lastDuePeriod(kpi, '2000-01-01', today);
        if (period === null) throw new Error('a period is always due after 2000');
        const dueOn = (p: string) => addMonthsToDate(periodEndDate(p), kpi.reportingLagMonths);
        expect(dueOn(period) < today).toBe(true);
        expect(dueOn(addPeriods(period, 1)) >= today).toBe(true);
      }),
    );
  });
});

describe('submissionGaps', () => {
  it('lists every expected item no evidence covers, then every KPI without its due value', () => {
    expect(submissionGaps(source())).toEqual([
      { kind: 'evidence', item: 'Rapport final' },
      { kind: 'evidence', item: 'Bilan budgétaire' },
      { kind: 'kpiValue', kpiId: 'k1', kpiCode: 'PAT_INC', period: '2026-05' },
      { kind: 'kpiValue', kpiId: 'k2', kpiCode: 'RH30', period: '2025-Q3' },
    ]);
  });

  it('is empty once each item is covered and each due value entered', () => {
    const done = source({
      evidence: [{ covers: 'Rapport final' }, { covers: 'Bilan budgétaire' }, { covers: null }],
      values: [
        { consortiumId: 'c1', kpiId: 'k1', period: '2026-05' },
        { consortiumId: 'c1', kpiId: 'k2', period: '2025-Q3' },
      ],
    });
    expect(submissionGaps(done)).toEqual([]);
  });

  it('ignores evidence filed for nothing, values of other periods, consortia or untracked KPIs', () => {
    const gaps = submissionGaps(
      source({
        evidence: [{ covers: null }, { covers: 'Autre pièce' }],
        values: [
          { consortiumId: 'c2', kpiId: 'k1', period: '2026-05' },
          { consortiumId: 'c1', kpiId: 'k1', period: '2026-04' },
        ],
        settings: [
          { consortiumId: 'c1', kpiId: 'k1' },
          { consortiumId: 'c2', kpiId: 'k2' },
        ],
      }),
    );
    expect(gaps.map((g) => (g.kind === 'evidence' ? g.item : g.kpiCode))).toEqual([
      'Rapport final',
      'Bilan budgétaire',
      'PAT_INC',
    ]);
  });

  it('asks for no KPI value when the milestone does not require them', () => {
    const gaps = submissionGaps(
      source({ milestone: { evidenceExpected: [], requiresKpiValues: false } }),
    );
    expect(gaps).toEqual([]);
  });

  it('property: covering items only ever removes gaps', () => {
    const items = fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { maxLength: 5 });
    fc.assert(
      fc.property(items, items, (expected, covered) => {
        const base = source({
          milestone: { evidenceExpected: expected, requiresKpiValues: false },
          evidence: covered.map((covers) => ({ covers })),
        });
        const gaps = submissionGaps(base).map((g) => (g.kind === 'evidence' ? g.item : ''));
        expect(gaps).toEqual(expected.filter((e) => !covered.includes(e)));
      }),
    );
  });
});

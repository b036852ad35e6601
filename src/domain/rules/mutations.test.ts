import { describe, expect, it } from 'vitest';
import type { Consortium } from '../contract/consortium';
import { KpiValue } from '../contract/kpi';
import type { ConsortiumKpi, KpiDefinition, KpiValueInput } from '../contract/kpi';
import { Milestone, MilestoneEvent } from '../contract/milestone';
import { Problem } from '../problems';
import {
  applyConsortiumPatch,
  applyMilestonePatch,
  prepareKpiValue,
  type KpiValueWrite,
  type MutationContext,
} from './mutations';

const NOW = '2025-06-15T09:30:00.000Z';
const ctx = (): MutationContext => {
  let n = 0;
  return { actor: { id: 'u1', name: 'Claire Lead' }, now: NOW, newId: () => `id-${++n}` };
};
const period = { startDate: '2025-01-01', endDate: '2026-12-31' };

const milestone: Milestone = {
  id: 'm1',
  consortiumId: 'a',
  phase: 'data_protection',
  code: 'P3',
  title: { fr: 'Conformité données', en: 'Data protection' },
  description: '',
  status: 'in_progress',
  baselineDate: '2025-06-30',
  forecastDate: '2025-06-30',
  actualDate: null,
  progress: 50,
  startDate: '2025-03-01',
  evidenceExpected: ['DPIA'],
  requiresKpiValues: false,
  evidenceCount: 0,
  version: 4,
  updatedAt: '2025-05-01T00:00:00.000Z',
};

/** Runs a function expected to throw a Problem and returns it. */
function problemOf(f: () => unknown): Problem {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    return e as Problem;
  }
  throw new Error('expected a Problem');
}

describe('applyMilestonePatch', () => {
  it('records a re-plan with the previous date, the new date and the reason', () => {
    const r = applyMilestonePatch(
      milestone,
      { forecastDate: '2025-09-30', reason: 'HDS hosting migration' },
      period,
      ctx(),
    );
    expect(r.events).toEqual([
      {
        id: 'id-1',
        milestoneId: 'm1',
        type: 'replan',
        action: null,
        fromStatus: null,
        toStatus: null,
        previousDate: '2025-06-30',
        newDate: '2025-09-30',
        comment: 'HDS hosting migration',
        actorName: 'Claire Lead',
        at: NOW,
      },
    ]);
    expect(r.milestone.forecastDate).toBe('2025-09-30');
    expect(r.milestone.baselineDate).toBe('2025-06-30');
    expect(r.milestone.version).toBe(5);
    expect(r.milestone.updatedAt).toBe(NOW);
    expect(r.milestone).not.toHaveProperty('reason');
    expect(Milestone.safeParse(r.milestone).success).toBe(true);
    expect(MilestoneEvent.safeParse(r.events[0]).success).toBe(true);
  });

  it('records progress as an event', () => {
    const r = applyMilestonePatch(milestone, { progress: 75 }, period, ctx());
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ type: 'progress', comment: '50 → 75 %', newDate: null });
    expect(r.milestone.progress).toBe(75);
    expect(r.milestone.version).toBe(5);
  });

  it('records both with distinct ids, and nothing for unchanged fields', () => {
    const r = applyMilestonePatch(
      milestone,
      { forecastDate: '2025-07-31', reason: 'IP dispute', progress: 60 },
      period,
      ctx(),
    );
    expect(r.events.map((e) => [e.type, e.id])).toEqual([
      ['replan', 'id-1'],
      ['progress', 'id-2'],
    ]);
    const same = applyMilestonePatch(
      milestone,
      { forecastDate: '2025-06-30', reason: 'no change', progress: 50 },
      period,
      ctx(),
    );
    expect(same.events).toEqual([]);
    expect(same.milestone.version).toBe(5);
  });

  it('bumps the version for a description-only edit', () => {
    const r = applyMilestonePatch(milestone, { description: 'DPO opinion pending' }, period, ctx());
    expect(r.events).toEqual([]);
    expect(r.milestone).toMatchObject({ description: 'DPO opinion pending', version: 5 });
  });

  it('refuses a forecast outside the consortium period (422)', () => {
    for (const forecastDate of ['2024-12-31', '2027-01-01']) {
      const p = problemOf(() =>
        applyMilestonePatch(milestone, { forecastDate, reason: 'too far' }, period, ctx()),
      );
      expect(p.status).toBe(422);
      expect(p.code).toBe('rule_violated');
      expect(p.details).toMatchObject({
        issues: [{ field: 'forecastDate', code: 'outside_consortium' }],
      });
    }
    expect(() =>
      applyMilestonePatch(
        milestone,
        { forecastDate: '2026-12-31', reason: 'last day' },
        period,
        ctx(),
      ),
    ).not.toThrow();
  });

  it('refuses a forecast before the milestone starts (422)', () => {
    const p = problemOf(() =>
      applyMilestonePatch(
        milestone,
        { forecastDate: '2025-02-28', reason: 'earlier' },
        period,
        ctx(),
      ),
    );
    expect(p.status).toBe(422);
    expect(p.details).toMatchObject({ issues: [{ field: 'forecastDate', code: 'before_start' }] });
    expect(milestone.forecastDate).toBe('2025-06-30');
    expect(milestone.version).toBe(4);
  });

  it('refuses any edit to an approved or waived milestone (422)', () => {
    for (const status of ['approved', 'waived'] as const) {
      const p = problemOf(() =>
        applyMilestonePatch({ ...milestone, status }, { progress: 90 }, period, ctx()),
      );
      expect(p.status).toBe(422);
      expect(p.details).toMatchObject({ issues: [{ field: 'status', code: 'milestone_closed' }] });
    }
  });
});

describe('applyConsortiumPatch', () => {
  it('applies fields and bumps the version', () => {
    const c = {
      id: 'a',
      name: 'Coord@Dom',
      budgetEur: 1,
      version: 2,
      updatedAt: 'x',
    } as Consortium;
    const r = applyConsortiumPatch(c, { budgetEur: 450_000 }, ctx());
    expect(r).toMatchObject({ name: 'Coord@Dom', budgetEur: 450_000, version: 3, updatedAt: NOW });
  });
});

describe('prepareKpiValue', () => {
  const count: KpiDefinition = {
    id: 'pat_inc',
    programmeId: 'tsn',
    code: 'PAT_INC',
    name: { fr: 'Patients inclus', en: 'Patients enrolled' },
    definition: { fr: '…', en: '…' },
    unit: 'count',
    ratePer: null,
    direction: 'higher',
    aggregation: 'stock',
    frequency: 'monthly',
    decimals: 0,
    sourceType: 'vendor_log',
    reportingLagMonths: 0,
    definitionVersions: [
      { version: 1, validFrom: '2025-01', changeNote: 'account created' },
      { version: 2, validFrom: '2026-01', changeNote: 'consent + PPS started' },
    ],
    version: 1,
    updatedAt: NOW,
  };
  const pps: KpiDefinition = {
    ...count,
    id: 'pps',
    code: 'PPS',
    unit: 'percent',
    aggregation: 'rate',
    decimals: 1,
  };
  // Target 0 at 2025-01 → 100 at 2025-11: 50 at 2025-06; red below 35.
  const settings: ConsortiumKpi = {
    id: 's1',
    consortiumId: 'a',
    kpiId: 'pat_inc',
    baseline: { value: 0, period: '2025-01', source: 'vendor log' },
    targets: [{ period: '2025-11', value: 100 }],
    tolerance: { mode: 'absolute', amber: 5, red: 15 },
    version: 1,
    updatedAt: NOW,
  };
  const input = (o: Partial<KpiValueInput> = {}): KpiValueInput => ({
    provisional: true,
    source: 'vendor log',
    note: '',
    explanation: '',
    value: 48,
    ...o,
  });
  const write = (o: Partial<KpiValueWrite> = {}): KpiValueWrite => ({
    kpi: count,
    settings,
    consortium: { id: 'a', ...period },
    period: '2025-06',
    input: input(),
    current: null,
    periodLocked: false,
    ...o,
  });

  it('creates the first revision', () => {
    const v = prepareKpiValue(write(), ctx());
    expect(v).toMatchObject({
      id: 'id-1',
      consortiumId: 'a',
      kpiId: 'pat_inc',
      period: '2025-06',
      value: 48,
      numerator: null,
      denominator: null,
      suppressed: false,
      provisional: true,
      revision: 1,
      version: 1,
      definitionVersion: 1,
      enteredBy: 'Claire Lead',
      enteredAt: NOW,
    });
    expect(KpiValue.safeParse(v).success).toBe(true);
  });

  it('increments revision and version over the current value', () => {
    const current = prepareKpiValue(write(), ctx());
    const next = prepareKpiValue(
      write({ current: { ...current, revision: 2, version: 3 }, input: input({ value: 52 }) }),
      ctx(),
    );
    expect(next).toMatchObject({ value: 52, revision: 3, version: 4 });
  });

  it('stamps the definition version in force', () => {
    const v = prepareKpiValue(write({ period: '2026-02', input: input({ value: 100 }) }), ctx());
    expect(v.definitionVersion).toBe(2);
  });

  it('refuses a locked period (422)', () => {
    const p = problemOf(() => prepareKpiValue(write({ periodLocked: true }), ctx()));
    expect(p.status).toBe(422);
    expect(p.details).toMatchObject({ issues: [{ field: 'period', code: 'period_locked' }] });
  });

  it('answers 404 for a KPI the consortium does not track', () => {
    const p = problemOf(() => prepareKpiValue(write({ settings: null }), ctx()));
    expect(p.status).toBe(404);
    expect(p.code).toBe('not_found');
  });

  it('requires an explanation for a red value', () => {
    const p = problemOf(() => prepareKpiValue(write({ input: input({ value: 30 }) }), ctx()));
    expect(p.status).toBe(422);
    expect(p.code).toBe('rule_violated');
    expect(p.message).toContain('explanation');
    expect(p.details).toEqual({
      issues: [
        { field: 'explanation', code: 'explanation_required', message: 'explanation required' },
      ],
    });
    const ok = prepareKpiValue(
      write({ input: input({ value: 30, explanation: 'Go-live slipped' }) }),
      ctx(),
    );
    expect(ok.explanation).toBe('Go-live slipped');
    // Amber (value 40, 10 below) needs no explanation.
    expect(() => prepareKpiValue(write({ input: input({ value: 40 }) }), ctx())).not.toThrow();
  });

  it('names every invalid field', () => {
    const p = problemOf(() =>
      prepareKpiValue(write({ period: '2027-03', input: input({ value: -1.5 }) }), ctx()),
    );
    expect(p.status).toBe(422);
    expect(p.message).toBe('Invalid KPI value: period, value');
  });

  it('computes a rate from its fraction', () => {
    const v = prepareKpiValue(
      write({
        kpi: pps,
        settings: { ...settings, kpiId: 'pps' },
        input: input({ value: undefined, numerator: 27, denominator: 50 }),
      }),
      ctx(),
    );
    expect(v).toMatchObject({ value: 54, numerator: 27, denominator: 50, kpiId: 'pps' });
  });
});

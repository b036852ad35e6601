import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsortiumKpiInput, KpiDefinition } from '../contract/kpi';
import type { Membership } from '../contract/reporting';
import { Problem } from '../problems';
import { assertCanSetTargets, consortiumKpiIssues, prepareConsortiumKpi } from './kpi-settings';
import type { MutationContext } from './mutations';
import { addPeriods } from './periods';
import { canSetTargets, type Principal } from './permissions';

type Shape = Pick<KpiDefinition, 'id' | 'unit' | 'direction' | 'frequency'>;
const COUNT: Shape = { id: 'k', unit: 'count', direction: 'higher', frequency: 'monthly' };
const PERCENT: Shape = { ...COUNT, unit: 'percent' };
const BUDGET: Shape = { ...COUNT, unit: 'percent', direction: 'band', frequency: 'quarterly' };
const CONSORTIUM = { id: 'a', startDate: '2025-01-01', endDate: '2026-12-31' };
const ctx: MutationContext = {
  actor: { id: 'u', name: 'M' },
  now: '2026-01-01T00:00:00.000Z',
  newId: () => 's-new',
};

const GOOD: ConsortiumKpiInput = {
  baseline: { value: 0, period: '2024-11', source: 'Relevé initial' },
  targets: [
    { period: '2025-12', value: 150 },
    { period: '2026-08', value: 300 },
  ],
  tolerance: { mode: 'relative', amber: 0.1, red: 0.25 },
};
const fields = (kpi: Shape, input: ConsortiumKpiInput) =>
  consortiumKpiIssues(kpi, CONSORTIUM, input).map((i) => `${i.field}:${i.code}`);

describe('consortiumKpiIssues', () => {
  it('accepts a baseline before the start and targets within the consortium', () => {
    expect(fields(COUNT, GOOD)).toEqual([]);
    expect(fields(COUNT, { ...GOOD, baseline: null, targets: [] })).toEqual([]);
  });

  it('needs periods of the KPI frequency', () => {
    const input = {
      ...GOOD,
      baseline: { ...GOOD.baseline!, period: '2024' },
      targets: [{ period: '2025-Q4', value: 150 }],
    };
    expect(fields(COUNT, input)).toEqual([
      'baseline.period:wrong_frequency',
      'targets.0.period:wrong_frequency',
    ]);
  });

  it('keeps targets within the consortium and after the baseline', () => {
    const input = {
      ...GOOD,
      targets: [
        { period: '2024-12', value: 10 },
        { period: '2027-01', value: 10 },
        { period: '2025-01', value: 10 },
      ],
      baseline: { ...GOOD.baseline!, period: '2025-02' },
    };
    expect(fields(COUNT, input)).toEqual([
      'targets.0.period:outside_consortium',
      'targets.1.period:outside_consortium',
      'targets.2.period:not_after_baseline',
    ]);
    expect(fields(COUNT, { ...GOOD, baseline: { ...GOOD.baseline!, period: '2027-01' } })).toEqual([
      'baseline.period:outside_consortium',
      'targets.0.period:not_after_baseline',
      'targets.1.period:not_after_baseline',
    ]);
  });

  it('needs numbers that fit the unit', () => {
    const input = {
      ...GOOD,
      baseline: { ...GOOD.baseline!, value: -1 },
      targets: [{ period: '2025-12', value: 150.5 }],
    };
    expect(fields(COUNT, input)).toEqual([
      'baseline.value:negative',
      'targets.0.value:not_integer',
    ]);
    expect(fields(PERCENT, { ...GOOD, targets: [{ period: '2025-12', value: 101 }] })).toEqual([
      'targets.0.value:above_100',
    ]);
  });

  it('needs red at least as far as amber, and a band with a width', () => {
    const bands = { ...GOOD, tolerance: { mode: 'absolute' as const, amber: 5, red: 2 } };
    expect(fields(COUNT, bands)).toEqual(['tolerance.red:below_amber']);
    const budget: ConsortiumKpiInput = {
      baseline: null,
      targets: [{ period: '2025-Q4', value: 100 }],
      tolerance: { mode: 'relative', amber: 0, red: 0.2 },
    };
    expect(fields(BUDGET, budget)).toEqual(['tolerance.amber:band_without_width']);
    // A budget band may pass 100 %.
    const over = { ...budget, targets: [{ period: '2025-Q4', value: 105 }] };
    expect(fields(BUDGET, { ...over, tolerance: { ...budget.tolerance, amber: 0.1 } })).toEqual([]);
  });

  it('property: any target period of the right frequency inside the consortium is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.nat({ max: 10_000 }), (offset, value) => {
        const input = { ...GOOD, targets: [{ period: addPeriods('2025-01', offset), value }] };
        expect(fields(COUNT, input)).toEqual([]);
      }),
    );
  });
});

describe('prepareConsortiumKpi', () => {
  it('creates version 1 with targets in period order', () => {
    const input = { ...GOOD, targets: [...GOOD.targets].reverse() };
    const s = prepareConsortiumKpi(
      { kpi: COUNT, consortium: CONSORTIUM, current: null, input },
      ctx,
    );
    expect(s).toMatchObject({ id: 's-new', consortiumId: 'a', kpiId: 'k', version: 1 });
    expect(s.targets.map((t) => t.period)).toEqual(['2025-12', '2026-08']);
  });

  it('replaces the current settings, keeping their id', () => {
    const current = prepareConsortiumKpi(
      { kpi: COUNT, consortium: CONSORTIUM, current: null, input: GOOD },
      ctx,
    );
    const next = prepareConsortiumKpi(
      { kpi: COUNT, consortium: CONSORTIUM, current, input: { ...GOOD, baseline: null } },
      { ...ctx, newId: () => 'other' },
    );
    expect(next).toMatchObject({ id: 's-new', baseline: null, version: 2 });
  });

  it('refuses with 400 naming every field', () => {
    try {
      prepareConsortiumKpi(
        {
          kpi: COUNT,
          consortium: CONSORTIUM,
          current: null,
          input: { ...GOOD, tolerance: { mode: 'absolute', amber: 3, red: 1 } },
        },
        ctx,
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Problem);
      expect((e as Problem).status).toBe(400);
      expect((e as Problem).message).toContain('tolerance.red');
    }
  });
});

describe('canSetTargets / assertCanSetTargets', () => {
  const who = (...memberships: Membership[]): Principal => ({
    userId: 'u',
    name: 'U',
    memberships,
  });
  const m = (role: Membership['role'], consortiumId: string | null = null): Membership => ({
    role,
    programmeId: 'tsn',
    consortiumId,
  });
  const scope = { programmeId: 'tsn', consortiumId: 'a' };
  const forbids = { id: 'tsn', leadsSetTargets: false };
  const allows = { id: 'tsn', leadsSetTargets: true };

  it('lets managers always, the lead of the consortium only where the programme allows', () => {
    expect(canSetTargets(who(m('manager')), scope, forbids)).toBe(true);
    expect(canSetTargets(who(m('lead', 'a')), scope, forbids)).toBe(false);
    expect(canSetTargets(who(m('lead', 'a')), scope, allows)).toBe(true);
    expect(canSetTargets(who(m('lead', 'b')), scope, allows)).toBe(false);
    expect(canSetTargets(who(m('member', 'a')), scope, allows)).toBe(false);
    expect(canSetTargets(who(m('observer')), scope, allows)).toBe(false);
    expect(canSetTargets(null, scope, allows)).toBe(false);
    expect(canSetTargets(who(m('manager')), scope, { id: 'other', leadsSetTargets: true })).toBe(
      false,
    );
  });

  it('refuses with 403', () => {
    expect(() => assertCanSetTargets(who(m('lead', 'a')), scope, forbids)).toThrow(
      expect.objectContaining({ status: 403, code: 'forbidden' }),
    );
    expect(() => assertCanSetTargets(who(m('lead', 'a')), null, allows)).toThrow(Problem);
    expect(() => assertCanSetTargets(who(m('manager')), scope, forbids)).not.toThrow();
  });
});

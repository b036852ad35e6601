import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Milestone, MilestoneTemplateItem, type MilestoneCreate } from '../contract/milestone';
import { templateItems } from '../demo/milestone-template';
import { Problem } from '../problems';
import {
  approvePlan,
  checkMilestoneDeletion,
  compareProgrammeMilestones,
  newMilestone,
  planFromTemplate,
  planView,
  startPlan,
  templateAuditDiff,
  type PlanRecord,
} from './milestone-plan';
import type { MutationContext } from './mutations';

const NOW = '2026-01-10T09:00:00.000Z';
const ctx = (): MutationContext => {
  let n = 0;
  return { actor: { id: 'u1', name: 'Claire Martin' }, now: NOW, newId: () => `m${++n}` };
};
const consortium = { id: 'c1', startDate: '2026-02-01', endDate: '2028-01-31' };
const draft: PlanRecord = {
  consortiumId: 'c1',
  status: 'draft',
  approvedAt: null,
  approvedBy: null,
  version: 1,
  updatedAt: NOW,
};

function problemOf(f: () => unknown): Problem {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    return e as Problem;
  }
  throw new Error('expected a Problem');
}
const reasonOf = (p: Problem) => (p.details as { reason?: string }).reason;

describe('planFromTemplate', () => {
  it('turns the twelve demo phases into draft milestones on the consortium calendar', () => {
    const ms = planFromTemplate(templateItems(), consortium, ctx());
    expect(ms).toHaveLength(12);
    for (const m of ms) expect(() => Milestone.parse(m)).not.toThrow();
    // J0: opens at the start, due at the end of that month; J2: M2–M5.
    expect(ms[0]).toMatchObject({
      code: 'J0',
      startDate: '2026-02-01',
      forecastDate: '2026-02-28',
      baselineDate: null,
      status: 'planned',
      progress: 0,
      consortiumId: 'c1',
    });
    expect(ms[2]).toMatchObject({
      code: 'J2',
      startDate: '2026-03-01',
      forecastDate: '2026-06-30',
    });
    // J11 (M24) is due on the consortium's last day.
    expect(ms[11]?.forecastDate).toBe('2028-01-31');
    expect(new Set(ms.map((m) => m.id)).size).toBe(12);
  });

  it('property: every date stays inside the consortium period, due on or after the start', () => {
    const items = fc.array(
      fc.record({
        offsetMonths: fc.integer({ min: 0, max: 120 }),
        durationMonths: fc.integer({ min: 0, max: 120 }),
      }),
      { minLength: 1, maxLength: 10 },
    );
    const periods = fc
      .tuple(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1500 }),
      )
      .map(([d, days]) => {
        const startDate = d.toISOString().slice(0, 10);
        const endDate = new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
        return { id: 'c', startDate, endDate };
      });
    fc.assert(
      fc.property(items, periods, (months, c) => {
        const base = templateItems()[0]!;
        const ms = planFromTemplate(
          months.map((m, i) => ({ ...base, ...m, code: `X${i}` })),
          c,
          ctx(),
        );
        for (const m of ms) {
          expect(m.startDate >= c.startDate && m.startDate <= c.endDate).toBe(true);
          expect(m.forecastDate >= c.startDate && m.forecastDate <= c.endDate).toBe(true);
          expect(m.forecastDate >= m.startDate).toBe(true);
        }
      }),
    );
  });

  it('the demo template parses as template items', () => {
    for (const item of templateItems())
      expect(() => MilestoneTemplateItem.parse(item)).not.toThrow();
  });
});

describe('plans', () => {
  it('starts a draft plan only for a consortium without one', () => {
    expect(startPlan('c1', null, ctx())).toEqual({ ...draft, updatedAt: NOW });
    expect(reasonOf(problemOf(() => startPlan('c1', draft, ctx())))).toBe('plan_exists');
  });

  it('approving freezes every baseline at the forecast and records who and when', () => {
    const ms = planFromTemplate(templateItems().slice(0, 3), consortium, ctx());
    const r = approvePlan(draft, ms, ctx());
    expect(r.plan).toMatchObject({
      status: 'approved',
      approvedAt: NOW,
      approvedBy: 'Claire Martin',
      version: 2,
    });
    for (const [i, m] of r.milestones.entries()) {
      expect(m.baselineDate).toBe(m.forecastDate);
      expect(m.version).toBe(ms[i]!.version + 1);
    }
  });

  it('refuses to approve no plan, an approved plan or an empty one (422)', () => {
    const ms = planFromTemplate(templateItems().slice(0, 1), consortium, ctx());
    for (const [plan, list, reason] of [
      [null, ms, 'plan_not_draft'],
      [{ ...draft, status: 'approved' as const }, ms, 'plan_not_draft'],
      [draft, [], 'plan_empty'],
    ] as const) {
      const p = problemOf(() => approvePlan(plan, list, ctx()));
      expect(p.status).toBe(422);
      expect(reasonOf(p)).toBe(reason);
    }
  });

  it('shows a consortium without plan as status none, version 1', () => {
    expect(planView('c1', null, 0)).toEqual({
      consortiumId: 'c1',
      status: 'none',
      approvedAt: null,
      approvedBy: null,
      milestoneCount: 0,
      version: 1,
    });
  });
});

describe('milestones added and removed by hand', () => {
  const input: MilestoneCreate = {
    phase: 'build',
    code: 'J6B',
    title: { fr: 'Recette DMP', en: 'DMP acceptance' },
    description: '',
    startDate: '2026-05-01',
    forecastDate: '2026-07-31',
    evidenceExpected: [],
    requiresKpiValues: false,
  };

  it('waits for approval in a draft plan, and gets its baseline at once in an approved one', () => {
    expect(newMilestone(input, consortium, [], draft, ctx()).baselineDate).toBeNull();
    const approved = { ...draft, status: 'approved' as const };
    expect(newMilestone(input, consortium, [], approved, ctx()).baselineDate).toBe('2026-07-31');
  });

  it('refuses dates outside the consortium period and a code already used, naming the field', () => {
    const early = problemOf(() =>
      newMilestone({ ...input, startDate: '2026-01-31' }, consortium, [], draft, ctx()),
    );
    expect(early.details).toMatchObject({
      reason: 'outside_consortium',
      issues: [{ field: 'startDate' }],
    });
    const late = problemOf(() =>
      newMilestone({ ...input, forecastDate: '2028-02-01' }, consortium, [], draft, ctx()),
    );
    expect(late.details).toMatchObject({ issues: [{ field: 'forecastDate' }] });
    const taken = problemOf(() => newMilestone(input, consortium, [{ code: 'J6B' }], draft, ctx()));
    expect(taken.details).toMatchObject({ reason: 'code_taken', issues: [{ field: 'code' }] });
  });

  it('deletes only from a draft plan and only milestones without history', () => {
    expect(() => checkMilestoneDeletion(draft, { events: 0, evidence: 0 })).not.toThrow();
    expect(() => checkMilestoneDeletion(null, { events: 0, evidence: 0 })).not.toThrow();
    const approved = { ...draft, status: 'approved' as const };
    expect(
      reasonOf(problemOf(() => checkMilestoneDeletion(approved, { events: 0, evidence: 0 }))),
    ).toBe('plan_approved');
    expect(
      reasonOf(problemOf(() => checkMilestoneDeletion(draft, { events: 1, evidence: 0 }))),
    ).toBe('milestone_has_history');
    expect(
      reasonOf(problemOf(() => checkMilestoneDeletion(draft, { events: 0, evidence: 2 }))),
    ).toBe('milestone_has_history');
  });
});

describe('templateAuditDiff and ordering', () => {
  it('records only the items that changed, were added or removed, by code', () => {
    const items = templateItems();
    const next = [
      ...items.slice(1).map((i) => (i.code === 'J3' ? { ...i, durationMonths: 9 } : i)),
    ];
    const diff = templateAuditDiff(items, [...next, { ...items[0]!, code: 'J12' }]);
    expect(Object.keys(diff.before).sort()).toEqual(['J0', 'J12', 'J3']);
    expect(diff.before.J12).toBeNull();
    expect(diff.after.J0).toBeNull();
    expect((diff.after.J3 as { durationMonths: number }).durationMonths).toBe(9);
    expect(templateAuditDiff(items, items)).toEqual({ before: {}, after: {} });
  });

  it('orders programme milestones by consortium code, then by phase', () => {
    const ms = planFromTemplate(templateItems(), consortium, ctx());
    const other = planFromTemplate(templateItems(), { ...consortium, id: 'c0' }, ctx());
    const codes: Record<string, string> = { c1: 'A', c0: 'B' };
    const sorted = [...other, ...ms]
      .reverse()
      .sort(compareProgrammeMilestones((id) => codes[id] ?? ''));
    expect(sorted.slice(0, 12).every((m) => m.consortiumId === 'c1')).toBe(true);
    expect(sorted.slice(0, 12).map((m) => m.code)).toEqual(templateItems().map((i) => i.code));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneStatus, TransitionAction } from '../contract/milestone';
import type { Milestone, MilestoneStatus as Status } from '../contract/milestone';
import { Role } from '../contract/reporting';
import type { Role as RoleT } from '../contract/reporting';
import { Problem } from '../problems';
import { TRANSITIONS } from './milestone-machine';
import { applyTransition } from './milestone-transition';

/*
 * The lifecycle as properties of random sequences of actions by random roles, driven through
 * applyTransition (the rule the server and the mocks call), not only through the table.
 */

const STATUSES = MilestoneStatus.options;

const start: Milestone = {
  id: 'm1',
  consortiumId: 'c1',
  phase: 'go_live',
  code: 'J7',
  title: { fr: 'Mise en service', en: 'Go-live' },
  description: '',
  status: 'planned',
  baselineDate: '2025-08-31',
  forecastDate: '2025-08-31',
  actualDate: null,
  progress: 0,
  startDate: '2025-07-01',
  evidenceExpected: [],
  requiresKpiValues: false,
  evidenceCount: 0,
  version: 1,
  updatedAt: '2025-07-01T08:00:00.000Z',
};

const stepArb = fc.record({
  role: fc.constantFrom<RoleT | null>(...Role.options, null),
  action: fc.constantFrom(...TransitionAction.options),
  comment: fc.constantFrom<string | undefined>(undefined, '', '   ', 'parce que'),
});
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

interface Taken extends Step {
  from: Status;
  to: Status;
}

/** Plays the steps; refused ones (a Problem) change nothing, as on the server. */
function play(steps: readonly Step[]): { final: Milestone; taken: Taken[]; refused: number } {
  let m = start;
  let n = 0;
  const taken: Taken[] = [];
  let refused = 0;
  for (const s of steps) {
    try {
      const r = applyTransition({
        milestone: m,
        request: { action: s.action, ...(s.comment === undefined ? {} : { comment: s.comment }) },
        role: s.role,
        gaps: [],
        today: '2025-08-20',
        ctx: {
          actor: { id: 'u', name: 'U' },
          now: '2025-08-20T10:00:00.000Z',
          newId: () => `e${++n}`,
        },
      });
      taken.push({ ...s, from: m.status, to: r.milestone.status });
      m = r.milestone;
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      expect([403, 422]).toContain(e.status);
      refused++;
    }
  }
  return { final: m, taken, refused };
}

const sequences = fc.array(stepArb, { maxLength: 40 });

describe('milestone lifecycle properties', () => {
  it('no sequence lets a lead reach approved by its own action', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        const { taken } = play(steps);
        for (const t of taken) if (t.to === 'approved') expect(t.role).toBe('manager');
        expect(taken.filter((t) => t.role === 'lead').map((t) => t.action)).not.toContain(
          'approve',
        );
      }),
    );
  });

  it('only leads driving the consortium side never get past submitted', () => {
    const leadSteps = fc.array(
      stepArb.map((s) => ({ ...s, role: 'lead' as const })),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(leadSteps, (steps) => {
        const { final } = play(steps);
        expect(['planned', 'in_progress', 'submitted']).toContain(final.status);
      }),
    );
  });

  it('every step taken was allowed to that role, from that state, with its comment', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        for (const t of play(steps).taken) {
          const rule = TRANSITIONS[t.action];
          expect(t.role && rule.roles.includes(t.role)).toBe(true);
          expect(rule.from).toContain(t.from);
          expect(t.to).toBe(rule.to);
          if (rule.commentRequired) expect(t.comment?.trim()).toBeTruthy();
        }
      }),
    );
  });

  it('members, observers and nobody never change a milestone', () => {
    const outsiders = fc.array(
      stepArb.map((s) => ({
        ...s,
        role: (['member', 'observer', null] as const)[s.action.length % 3] ?? null,
      })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(outsiders, (steps) => {
        const { final, refused } = play(steps);
        expect(final).toEqual(start);
        expect(refused).toBe(steps.length);
      }),
    );
  });

  it('approved and waived are left only by a manager reopening with a reason', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        for (const t of play(steps).taken) {
          if (t.from !== 'approved' && t.from !== 'waived') continue;
          expect(t.action).toBe('reopen');
          expect(t.role).toBe('manager');
          expect(t.comment?.trim()).toBeTruthy();
          expect(t.to).toBe('in_progress');
        }
      }),
    );
  });

  it('random sequences never leave the state set, and dates and progress follow the status', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        const { final, taken } = play(steps);
        expect(STATUSES).toContain(final.status);
        expect(final.version).toBe(start.version + taken.length);
        if (final.status === 'approved') {
          expect(final.actualDate).toBe('2025-08-20');
          expect(final.progress).toBe(100);
        }
        const lastApproveOrReopen = taken
          .filter((t) => t.action === 'approve' || t.action === 'reopen')
          .at(-1);
        if (lastApproveOrReopen?.action === 'reopen') expect(final.actualDate).toBeNull();
      }),
    );
  });

  it('every state is reachable from planned, each by some allowed path', () => {
    // Breadth-first over the table with the roles allowed on each edge.
    const seen = new Set<Status>(['planned']);
    const queue: Status[] = ['planned'];
    while (queue.length) {
      const from = queue.shift()!;
      for (const rule of Object.values(TRANSITIONS)) {
        if (!rule.from.includes(from) || seen.has(rule.to)) continue;
        seen.add(rule.to);
        queue.push(rule.to);
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneStatus, TransitionAction } from '../contract/milestone';
import type { MilestoneStatus as Status, TransitionAction as Action } from '../contract/milestone';
import { Role } from '../contract/reporting';
import type { Role as RoleT } from '../contract/reporting';
import { availableActions, checkTransition, isDone } from './milestone-machine';

const ROLES = Role.options;
const STATUSES = MilestoneStatus.options;
const ACTIONS = TransitionAction.options;

/** The lifecycle as DESIGN.md states it, written out independently of TRANSITIONS. */
const SPEC: Record<Action, { from: Status[]; to: Status; roles: RoleT[]; comment: boolean }> = {
  start: { from: ['planned'], to: 'in_progress', roles: ['lead', 'manager'], comment: false },
  submit: {
    from: ['in_progress', 'changes_requested'],
    to: 'submitted',
    roles: ['lead', 'manager'],
    comment: false,
  },
  approve: { from: ['submitted'], to: 'approved', roles: ['manager'], comment: false },
  request_changes: {
    from: ['submitted'],
    to: 'changes_requested',
    roles: ['manager'],
    comment: true,
  },
  withdraw: { from: ['submitted'], to: 'in_progress', roles: ['lead'], comment: false },
  resume: {
    from: ['changes_requested'],
    to: 'in_progress',
    roles: ['lead', 'manager'],
    comment: false,
  },
  waive: {
    from: ['planned', 'in_progress', 'submitted', 'changes_requested'],
    to: 'waived',
    roles: ['manager'],
    comment: true,
  },
  reopen: { from: ['approved', 'waived'], to: 'in_progress', roles: ['manager'], comment: true },
};

const stepArb = fc.record({
  role: fc.constantFrom(...ROLES),
  action: fc.constantFrom(...ACTIONS),
  comment: fc.constantFrom<string | undefined | null>(undefined, null, '', '   ', 'because'),
});

interface Taken {
  role: RoleT;
  action: Action;
  from: Status;
  to: Status;
  comment?: string | null;
}

function run(steps: { role: RoleT; action: Action; comment?: string | null }[]) {
  let status: Status = 'planned';
  const taken: Taken[] = [];
  const seen = new Set<Status>([status]);
  for (const s of steps) {
    const r = checkTransition(s.role, status, s.action, s.comment);
    if (r.ok) {
      taken.push({ ...s, from: status, to: r.to });
      status = r.to;
      seen.add(status);
    }
  }
  return { status, taken, seen };
}

describe('checkTransition examples', () => {
  it('walks the happy path', () => {
    expect(checkTransition('lead', 'planned', 'start')).toEqual({ ok: true, to: 'in_progress' });
    expect(checkTransition('lead', 'in_progress', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(checkTransition('manager', 'submitted', 'approve')).toEqual({
      ok: true,
      to: 'approved',
    });
  });

  it('handles the changes-requested loop', () => {
    expect(
      checkTransition('manager', 'submitted', 'request_changes', 'add the DPO opinion'),
    ).toEqual({ ok: true, to: 'changes_requested' });
    expect(checkTransition('lead', 'changes_requested', 'resume')).toEqual({
      ok: true,
      to: 'in_progress',
    });
    expect(checkTransition('lead', 'changes_requested', 'submit')).toEqual({
      ok: true,
      to: 'submitted',
    });
  });

  it('never lets a lead decide', () => {
    for (const a of ['approve', 'request_changes', 'waive', 'reopen'] as const) {
      expect(checkTransition('lead', 'submitted', a, 'please')).toEqual({
        ok: false,
        reason: 'forbidden',
      });
    }
  });

  it('checks the role before the state', () => {
    expect(checkTransition('lead', 'planned', 'approve')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition('observer', 'approved', 'start')).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(checkTransition('manager', 'planned', 'approve')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
    expect(checkTransition('lead', 'approved', 'start')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
  });

  it('checks the state before the comment', () => {
    expect(checkTransition('manager', 'approved', 'waive')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
  });

  it.each(['request_changes', 'waive', 'reopen'] as const)('requires a comment for %s', (a) => {
    const from = SPEC[a].from[0]!;
    for (const c of [undefined, null, '', '  \n\t']) {
      expect(checkTransition('manager', from, a, c)).toEqual({
        ok: false,
        reason: 'comment_required',
      });
    }
    expect(checkTransition('manager', from, a, 'HDS host changed')).toEqual({
      ok: true,
      to: SPEC[a].to,
    });
  });

  it('does not require a comment for the other actions', () => {
    expect(checkTransition('manager', 'submitted', 'approve', '')).toEqual({
      ok: true,
      to: 'approved',
    });
    expect(checkTransition('lead', 'planned', 'start', null)).toEqual({
      ok: true,
      to: 'in_progress',
    });
  });
});

describe('checkTransition matches the specification for every role × status × action', () => {
  it('exhaustively', () => {
    let allowed = 0;
    for (const role of ROLES) {
      for (const from of STATUSES) {
        for (const action of ACTIONS) {
          const spec = SPEC[action];
          const r = checkTransition(role, from, action, 'a reason');
          if (!spec.roles.includes(role)) expect(r).toEqual({ ok: false, reason: 'forbidden' });
          else if (!spec.from.includes(from))
            expect(r).toEqual({ ok: false, reason: 'invalid_state' });
          else {
            expect(r).toEqual({ ok: true, to: spec.to });
            allowed++;
          }
        }
      }
    }
    // manager: 1 + 2 + 1 + 1 + 1 + 4 + 2 = 12; lead: start 1 + submit 2 + resume 1 + withdraw 1 = 5.
    expect(allowed).toBe(17);
  });

  it('availableActions agrees with checkTransition', () => {
    for (const role of ROLES) {
      for (const from of STATUSES) {
        const expected = ACTIONS.filter((a) => checkTransition(role, from, a, 'why').ok);
        expect(availableActions(role, from)).toEqual(expected);
      }
    }
    expect(availableActions('lead', 'planned')).toEqual(['start']);
    expect(availableActions('manager', 'submitted')).toEqual([
      'approve',
      'request_changes',
      'waive',
    ]);
    expect(availableActions('manager', 'approved')).toEqual(['reopen']);
    expect(availableActions('lead', 'submitted')).toEqual(['withdraw']);
  });

  it('observers and members can do nothing', () => {
    for (const role of ['observer', 'member'] as const) {
      for (const from of STATUSES) {
        expect(availableActions(role, from)).toEqual([]);
        for (const action of ACTIONS) {
          expect(checkTransition(role, from, action, 'x')).toEqual({
            ok: false,
            reason: 'forbidden',
          });
        }
      }
    }
  });
});

describe('lifecycle properties', () => {
  it('a lead alone never reaches approved, waived or changes_requested', () => {
    const leadSteps = fc.array(
      stepArb.map((s) => ({ ...s, role: 'lead' as const })),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(leadSteps, (steps) => {
        const { seen } = run(steps);
        expect(seen.has('approved')).toBe(false);
        expect(seen.has('waived')).toBe(false);
        expect(seen.has('changes_requested')).toBe(false);
        for (const s of seen) expect(['planned', 'in_progress', 'submitted']).toContain(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('every transition taken is allowed for its actor, state and comment', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const { taken } = run(steps);
        for (const t of taken) {
          const spec = SPEC[t.action];
          expect(spec.roles).toContain(t.role);
          expect(spec.from).toContain(t.from);
          expect(t.to).toBe(spec.to);
          if (spec.comment) expect(t.comment?.trim()).toBeTruthy();
          if (t.to === 'approved' || t.to === 'waived' || t.to === 'changes_requested') {
            expect(t.role).toBe('manager');
          }
          expect(['lead', 'manager']).toContain(t.role);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('approved and waived are left only by a manager reopening', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        for (const t of run(steps).taken) {
          if (isDone(t.from)) {
            expect(t.action).toBe('reopen');
            expect(t.role).toBe('manager');
            expect(t.to).toBe('in_progress');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a manager can reach every status from planned', () => {
    const { seen } = run([
      { role: 'manager', action: 'start' },
      { role: 'manager', action: 'submit' },
      { role: 'manager', action: 'request_changes', comment: 'more evidence' },
      { role: 'manager', action: 'submit' },
      { role: 'manager', action: 'approve' },
      { role: 'manager', action: 'reopen', comment: 'wrong file' },
      { role: 'manager', action: 'waive', comment: 'not applicable' },
    ]);
    expect([...seen].sort()).toEqual([...STATUSES].sort());
  });
});

describe('isDone', () => {
  it('is true only for approved and waived', () => {
    expect(STATUSES.filter(isDone)).toEqual(['approved', 'waived']);
  });
});

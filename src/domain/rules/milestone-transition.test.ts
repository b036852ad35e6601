import { describe, expect, it } from 'vitest';
import { MilestoneEvent, type Milestone } from '../contract/milestone';
import { Problem } from '../problems';
import type { MutationContext } from './mutations';
import {
  applyTransition,
  commentEvent,
  transitionAudit,
  type TransitionInput,
} from './milestone-transition';

const NOW = '2026-03-02T10:15:00.000Z';
const ctx: MutationContext = {
  actor: { id: 'u1', name: 'Claire Martin' },
  now: NOW,
  newId: () => 'e1',
};
const submitted: Milestone = {
  id: 'm1',
  consortiumId: 'c1',
  phase: 'build',
  code: 'J6',
  title: { fr: 'Recette', en: 'Acceptance' },
  description: '',
  status: 'submitted',
  baselineDate: '2026-02-28',
  forecastDate: '2026-03-15',
  actualDate: null,
  progress: 90,
  startDate: '2025-11-01',
  evidenceExpected: ['PV de recette signé'],
  requiresKpiValues: false,
  evidenceCount: 1,
  version: 7,
  updatedAt: '2026-02-20T10:00:00.000Z',
};
const input = (over: Partial<TransitionInput>): TransitionInput => ({
  milestone: submitted,
  request: { action: 'approve' },
  role: 'manager',
  gaps: [],
  today: '2026-03-02',
  ctx,
  ...over,
});

function problemOf(f: () => unknown): Problem {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Problem);
    return e as Problem;
  }
  throw new Error('expected a Problem');
}

describe('applyTransition', () => {
  it('approves: status, actual date today, progress 100, one version up, and the event', () => {
    const { milestone, event } = applyTransition(input({}));
    expect(milestone).toMatchObject({
      status: 'approved',
      actualDate: '2026-03-02',
      progress: 100,
      version: 8,
      updatedAt: NOW,
    });
    expect(MilestoneEvent.parse(event)).toEqual({
      id: 'e1',
      milestoneId: 'm1',
      type: 'transition',
      action: 'approve',
      fromStatus: 'submitted',
      toStatus: 'approved',
      previousDate: null,
      newDate: null,
      comment: null,
      actorName: 'Claire Martin',
      at: NOW,
    });
  });

  it('reopens with a reason and clears the actual date', () => {
    const approved = applyTransition(input({})).milestone;
    const { milestone, event } = applyTransition(
      input({ milestone: approved, request: { action: 'reopen', comment: '  Pièce à refaire ' } }),
    );
    expect(milestone).toMatchObject({ status: 'in_progress', actualDate: null, progress: 100 });
    expect(event.comment).toBe('Pièce à refaire');
  });

  it('403 for a role the rule does not allow, with a stable reason', () => {
    for (const role of ['lead', 'member', 'observer', null] as const) {
      const p = problemOf(() => applyTransition(input({ role })));
      expect(p.status).toBe(403);
      expect(p.code).toBe('forbidden');
      expect(p.details).toMatchObject({
        reason: 'role_not_allowed',
        action: 'approve',
        from: 'submitted',
      });
    }
  });

  it('422 for a state the action does not start from', () => {
    const p = problemOf(() => applyTransition(input({ request: { action: 'start' } })));
    expect([p.status, p.code]).toEqual([422, 'rule_violated']);
    expect(p.details).toMatchObject({ reason: 'invalid_state' });
  });

  it('422 naming `comment` when the action needs one', () => {
    for (const comment of [undefined, '', '   ']) {
      const p = problemOf(() =>
        applyTransition(
          input({
            request:
              comment === undefined
                ? { action: 'request_changes' }
                : { action: 'request_changes', comment },
          }),
        ),
      );
      expect(p.status).toBe(422);
      expect(p.details).toMatchObject({
        reason: 'comment_required',
        issues: [{ field: 'comment' }],
      });
    }
  });

  it('refuses a submission with gaps and lists them; other actions ignore gaps', () => {
    const inProgress = { ...submitted, status: 'in_progress' as const };
    const gaps = [{ kind: 'evidence' as const, item: 'PV de recette signé' }];
    const p = problemOf(() =>
      applyTransition(
        input({ milestone: inProgress, role: 'lead', request: { action: 'submit' }, gaps }),
      ),
    );
    expect(p.status).toBe(422);
    expect(p.details).toMatchObject({ reason: 'submission_gaps', missing: gaps });
    const waived = applyTransition(
      input({
        milestone: inProgress,
        request: { action: 'waive', comment: 'Hors périmètre' },
        gaps,
      }),
    );
    expect(waived.milestone.status).toBe('waived');
  });

  it('audits what changed with the action and the comment', () => {
    const r = applyTransition(input({ request: { action: 'approve', comment: 'Conforme' } }));
    expect(transitionAudit(submitted, r.milestone, r.event)).toEqual({
      before: { status: 'submitted', actualDate: null, progress: 90 },
      after: {
        status: 'approved',
        actualDate: '2026-03-02',
        progress: 100,
        action: 'approve',
        comment: 'Conforme',
      },
    });
  });
});

describe('commentEvent', () => {
  it('is a trimmed comment event by the actor, now', () => {
    expect(commentEvent('m1', '  Vu en COPIL. ', ctx)).toMatchObject({
      type: 'comment',
      comment: 'Vu en COPIL.',
      action: null,
      actorName: 'Claire Martin',
      at: NOW,
    });
  });
});

describe('the achievement date and what a review may not change', () => {
  const inProgress: Milestone = { ...submitted, status: 'in_progress' };

  it('dates a submission by the declared day, today by default, and approval keeps it', () => {
    const declared = applyTransition(
      input({
        milestone: inProgress,
        role: 'lead',
        request: { action: 'submit', achievedOn: '2026-02-24' },
      }),
    ).milestone;
    expect(declared).toMatchObject({ status: 'submitted', actualDate: '2026-02-24' });
    const approved = applyTransition(input({ milestone: declared, today: '2026-03-12' })).milestone;
    expect(approved.actualDate).toBe('2026-02-24');
    const byDefault = applyTransition(
      input({ milestone: inProgress, role: 'lead', request: { action: 'submit' } }),
    ).milestone;
    expect(byDefault.actualDate).toBe('2026-03-02');
  });

  it('refuses an achievement date in the future', () => {
    for (const achievedOn of ['2026-03-03', '2027-01-01']) {
      const p = problemOf(() =>
        applyTransition(
          input({ milestone: inProgress, role: 'lead', request: { action: 'submit', achievedOn } }),
        ),
      );
      expect(p.status).toBe(422);
      expect(p.details).toMatchObject({ reason: 'achieved_on_invalid' });
    }
  });

  it('names a future achievement date before the gaps, which the lead may be about to fill', () => {
    const gaps = [{ kind: 'evidence' as const, item: 'PV de recette signé' }];
    const request = { action: 'submit' as const, achievedOn: '2026-03-10' };
    const p = problemOf(() =>
      applyTransition(input({ milestone: inProgress, role: 'lead', request, gaps })),
    );
    expect(p.details).toMatchObject({ reason: 'achieved_on_invalid', max: '2026-03-02' });
  });

  it('clears the declared date when the submission is withdrawn or sent back', () => {
    const declared = { ...submitted, actualDate: '2026-02-24' };
    for (const request of [
      { action: 'withdraw' as const },
      { action: 'request_changes' as const, comment: 'Signature manquante' },
    ]) {
      const role = request.action === 'withdraw' ? 'lead' : 'manager';
      expect(
        applyTransition(input({ milestone: declared, role, request })).milestone.actualDate,
      ).toBe(null);
    }
  });

  it('refuses to approve while an expected item is missing, naming it', () => {
    const p = problemOf(() =>
      applyTransition(input({ gaps: [{ kind: 'evidence', item: 'PV de recette signé' }] })),
    );
    expect(p.status).toBe(422);
    expect(p.details).toMatchObject({
      reason: 'submission_gaps',
      missing: [{ kind: 'evidence', item: 'PV de recette signé' }],
    });
  });
});

import { expect, it } from 'vitest';
import { SubmissionGap, type TransitionAction } from '@domain/contract/milestone';
import { DEMO_TODAY } from './target';
import {
  ifMatch,
  LEAD,
  MEMBER,
  OBSERVER,
  OTHER_LEAD,
  type MilestoneScenarioContext,
} from './milestone-client';

export function defineLifecycleScenarios(ctx: MilestoneScenarioContext): void {
  const { api, demo, as, target } = ctx;
  const transition = (
    id: string,
    version: number | undefined,
    action: TransitionAction,
    comment?: string,
  ) =>
    api.send('POST', `/milestones/${id}/transitions`, {
      body: comment === undefined ? { action } : { action, comment },
      headers: ifMatch(version),
    });
  /** Takes a transition that must succeed, on the milestone's current version. */
  const step = async (id: string, action: TransitionAction, comment?: string) => {
    const m = await ctx.milestone(id);
    return api.ok(await transition(id, m.version, action, comment), 'transitionMilestone');
  };

  it('walks a milestone through start, submit, request changes, resubmit, approve, reopen', async () => {
    await target().reset();
    const j11 = demo().milestone('J11');
    await as(LEAD);
    const started = await step(j11.id, 'start');
    expect(started).toMatchObject({ status: 'in_progress', version: j11.version + 1 });

    // Submitting without the expected evidence is refused with the list of what is missing.
    const refused = await transition(j11.id, started.version, 'submit');
    const details = api.refused(refused, 422, 'rule_violated');
    expect(details.reason).toBe('submission_gaps');
    const missing = SubmissionGap.array().parse(details.missing);
    expect(missing).toEqual([{ kind: 'evidence', item: 'Relevé de décision du COPIL' }]);
    expect((await ctx.milestone(j11.id)).status).toBe('in_progress');

    api.ok(
      await api.send('POST', `/milestones/${j11.id}/evidence`, {
        body: {
          name: 'Relevé de décision',
          url: 'https://ged.example.org/copil/decision',
          covers: 'Relevé de décision du COPIL',
        },
      }),
      'addEvidenceLink',
    );
    expect((await step(j11.id, 'submit')).status).toBe('submitted');
    api.refused(
      await transition(j11.id, (await ctx.milestone(j11.id)).version, 'approve'),
      403,
      'forbidden',
    );

    await as();
    const noComment = await transition(
      j11.id,
      (await ctx.milestone(j11.id)).version,
      'request_changes',
    );
    expect(api.refused(noComment, 422, 'rule_violated', 'comment').reason).toBe('comment_required');
    const changes = await step(j11.id, 'request_changes', 'Joindre la version signée.');
    expect(changes.status).toBe('changes_requested');

    await as(LEAD);
    expect((await step(j11.id, 'submit')).status).toBe('submitted');
    await as();
    const approved = await step(j11.id, 'approve');
    expect(approved).toMatchObject({ status: 'approved', progress: 100, actualDate: DEMO_TODAY });

    // Closed: no re-plan, no new evidence; only a manager's reopen, with a reason.
    await as(LEAD);
    api.refused(await transition(j11.id, approved.version, 'reopen', 'oops'), 403, 'forbidden');
    await as();
    api.refused(
      await transition(j11.id, approved.version, 'reopen'),
      422,
      'rule_violated',
      'comment',
    );
    const reopened = await step(j11.id, 'reopen', 'Décision à reprendre après le COPIL de juin.');
    expect(reopened).toMatchObject({ status: 'in_progress', actualDate: null });

    const { items: events } = await api.get('listMilestoneEvents', `/milestones/${j11.id}/events`);
    // The test server's clock stands still, so only the set of steps is compared, not their order.
    const steps = events.filter((e) => e.type === 'transition').map((e) => e.action ?? '');
    expect(steps.sort()).toEqual(
      ['start', 'submit', 'request_changes', 'submit', 'approve', 'reopen'].sort(),
    );
    expect(events.find((e) => e.action === 'request_changes')).toMatchObject({
      fromStatus: 'submitted',
      toStatus: 'changes_requested',
      comment: 'Joindre la version signée.',
      actorName: 'Claire Martin',
    });
    expect(events.find((e) => e.action === 'start')?.actorName).toBe('Thomas Leroy');
    const history = await api.get('milestoneHistory', `/milestones/${j11.id}/history`);
    const actions = history.items.map((e) => e.action);
    expect(actions.filter((a) => a === 'milestone.transition')).toHaveLength(6);
    expect(actions).toContain('evidence.add');
  });

  it('refuses a transition from the wrong state (422) and a stale or missing If-Match', async () => {
    await target().reset();
    const j11 = demo().milestone('J11');
    const wrong = await transition(j11.id, j11.version, 'approve');
    expect(api.refused(wrong, 422, 'rule_violated').reason).toBe('invalid_state');
    api.refused(await transition(j11.id, undefined, 'start'), 428, 'precondition_required');
    const stale = await transition(j11.id, j11.version + 5, 'start');
    api.refused(stale, 412, 'precondition_failed');
    expect(await ctx.milestone(j11.id)).toEqual(j11);
    api.refused(await transition(j11.id, j11.version, 'waive'), 422, 'rule_violated', 'comment');
    expect((await step(j11.id, 'waive', 'Décision reportée au programme suivant.')).status).toBe(
      'waived',
    );
  });

  it('lists KPI values among the gaps of a milestone that requires them', async () => {
    await target().reset();
    await as(LEAD);
    const j10 = demo().milestone('J10');
    const details = api.refused(
      await transition(j10.id, j10.version, 'submit'),
      422,
      'rule_violated',
    );
    const missing = SubmissionGap.array().parse(details.missing);
    expect(
      missing.filter((g) => g.kind === 'evidence').map((g) => g.kind === 'evidence' && g.item),
    ).toEqual(['Rapport final', 'Bilan budgétaire']);
    for (const gap of missing) {
      if (gap.kind === 'kpiValue') expect(gap.period < DEMO_TODAY.slice(0, 7)).toBe(true);
    }
    await as();
  });

  it('keeps other consortia out and members, observers from transitions', async () => {
    await target().reset();
    const j11 = demo().milestone('J11');
    for (const [who, status] of [
      [MEMBER, 403],
      [OBSERVER, 403],
      [OTHER_LEAD, 404],
    ] as const) {
      await as(who);
      expect((await transition(j11.id, j11.version, 'start')).status, who).toBe(status);
    }
    await as();
  });

  it('takes comments from the consortium and the incubator, not from observers', async () => {
    await target().reset();
    const j10 = demo().milestone('J10');
    const path = `/milestones/${j10.id}/comments`;
    await as(MEMBER);
    const comment = api.ok(
      await api.send('POST', path, { body: { comment: '  Extraction CNAM reçue.  ' } }),
      'addMilestoneComment',
    );
    expect(comment).toMatchObject({
      type: 'comment',
      comment: 'Extraction CNAM reçue.',
      actorName: 'Julie Moreau',
    });
    api.refused(
      await api.send('POST', path, { body: { comment: '   ' } }),
      400,
      'validation_failed',
      'comment',
    );
    await as(OBSERVER);
    api.refused(await api.send('POST', path, { body: { comment: 'Vu.' } }), 403, 'forbidden');
    await as();
    const { items } = await api.get('listMilestoneEvents', `/milestones/${j10.id}/events`);
    expect(items.filter((e) => e.type === 'comment').map((e) => e.comment)).toEqual([
      'Extraction CNAM reçue.',
    ]);
    // A comment is not a change of the milestone.
    expect((await ctx.milestone(j10.id)).version).toBe(j10.version);
  });

  it('queues submissions for managers, oldest first, and nobody else', async () => {
    await target().reset();
    const before = (await api.get('listReviews', '/reviews')).items;
    expect(before.length).toBeGreaterThan(0);
    const times = before.map((r) => r.submittedAt);
    expect(times).toEqual([...times].sort());
    expect(before.every((r) => r.milestone.status === 'submitted' && r.waitingDays >= 0)).toBe(
      true,
    );
    const j08 = before.find((r) => r.milestone.id === demo().milestone('J8').id);
    expect(j08).toMatchObject({
      consortium: { id: demo().a, name: 'Coord@Dom' },
      submittedBy: 'Thomas Leroy',
    });

    const j11 = demo().milestone('J11');
    await as(LEAD);
    await step(j11.id, 'start');
    await api.send('POST', `/milestones/${j11.id}/evidence`, {
      body: {
        name: 'Relevé',
        url: 'https://ged.example.org/r',
        covers: 'Relevé de décision du COPIL',
      },
    });
    await step(j11.id, 'submit');
    expect((await api.get('listReviews', '/reviews')).items).toEqual([]);
    await as(OBSERVER);
    expect((await api.get('listReviews', '/reviews')).items).toEqual([]);
    await as();
    const after = (await api.get('listReviews', `/reviews?programmeId=${demo().programme}`)).items;
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      milestone: { id: j11.id },
      waitingDays: 0,
      submittedBy: 'Thomas Leroy',
    });
    expect((await api.get('listReviews', '/reviews?programmeId=elsewhere')).items).toEqual([]);
  });
}

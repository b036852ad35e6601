import type { IsoDate } from '../contract/common';
import type {
  Milestone,
  MilestoneEvent,
  SubmissionGap,
  TransitionRequest,
} from '../contract/milestone';
import type { Role } from '../contract/reporting';
import { AUDITED_FIELDS, auditDiff } from './audit-diff';
import { checkTransition } from './milestone-machine';
import { milestoneRefusal } from './milestone-refusal';
import type { MutationContext } from './mutations';

export interface TransitionInput {
  milestone: Milestone;
  request: TransitionRequest;
  /** The actor's effective role on the milestone's consortium (permissions.effectiveRole). */
  role: Role | null;
  /**
   * What a submission still lacks (submissionGaps); read for `submit`, and again for `approve`
   * so that nothing approved lacks what it was submitted with.
   */
  gaps: readonly SubmissionGap[];
  /** The calendar day of the runtime (its clock), which dates an approval. */
  today: IsoDate;
  ctx: MutationContext;
}

/**
 * One step of the lifecycle: the next milestone and the event that records who, when and why.
 * Refusals: 403 for the role, 422 for the state, a missing comment or a submission with gaps;
 * nothing is returned then, so nothing changes.
 */
export function applyTransition({
  milestone: m,
  request,
  role,
  gaps,
  today,
  ctx,
}: TransitionInput): {
  milestone: Milestone;
  event: MilestoneEvent;
} {
  const { action } = request;
  const comment = request.comment?.trim() ? request.comment.trim() : null;
  const check = role
    ? checkTransition(role, m.status, action, comment)
    : ({ ok: false, reason: 'forbidden' } as const);
  if (!check.ok) {
    const context = { action, from: m.status, role };
    if (check.reason === 'forbidden') {
      throw milestoneRefusal(
        403,
        'role_not_allowed',
        `Your role does not allow the action "${action}"`,
        context,
      );
    }
    if (check.reason === 'invalid_state') {
      throw milestoneRefusal(
        422,
        'invalid_state',
        `The action "${action}" is not possible from the status "${m.status}"`,
        context,
      );
    }
    throw milestoneRefusal(422, 'comment_required', `The action "${action}" needs a comment`, {
      ...context,
      field: 'comment',
    });
  }
  // A date the person can correct in the dialog is named before what the submission lacks.
  const actualDate = actualDateAfter(m, request, today);
  if ((action === 'submit' || action === 'approve') && gaps.length > 0) {
    throw milestoneRefusal(
      422,
      'submission_gaps',
      `The milestone cannot be ${action === 'submit' ? 'submitted' : 'approved'}: ${gaps.length} expected item(s) missing`,
      { action, from: m.status, role, missing: gaps },
    );
  }
  const next: Milestone = {
    ...m,
    status: check.to,
    actualDate,
    progress: action === 'approve' ? 100 : m.progress,
    version: m.version + 1,
    updatedAt: ctx.now,
  };
  const event: MilestoneEvent = {
    id: ctx.newId(),
    milestoneId: m.id,
    type: 'transition',
    action,
    fromStatus: m.status,
    toStatus: check.to,
    previousDate: null,
    newDate: null,
    comment,
    actorName: ctx.actor.name,
    at: ctx.now,
  };
  return { milestone: next, event };
}

/**
 * The lead declares when the milestone was achieved as they submit it (that day by default); the
 * manager's approval keeps that date, so review time never makes a consortium late. Sending it
 * back, withdrawing or reopening clears it: the next submission declares it again.
 */
function actualDateAfter(m: Milestone, request: TransitionRequest, today: IsoDate): IsoDate | null {
  switch (request.action) {
    case 'submit': {
      const achievedOn = request.achievedOn ?? today;
      // Early is possible (a milestone can be met before its planned start); the future is not.
      if (achievedOn > today) {
        throw milestoneRefusal(
          422,
          'achieved_on_invalid',
          'The achievement date cannot be in the future',
          { field: 'achievedOn', max: today },
        );
      }
      return achievedOn;
    }
    case 'approve':
      return m.actualDate ?? today;
    case 'request_changes':
    case 'withdraw':
    case 'reopen':
      return null;
    default:
      return m.actualDate;
  }
}

/** A comment in the milestone's thread: a dated event, the milestone itself unchanged. */
export function commentEvent(
  milestoneId: string,
  comment: string,
  ctx: MutationContext,
): MilestoneEvent {
  return {
    id: ctx.newId(),
    milestoneId,
    type: 'comment',
    action: null,
    fromStatus: null,
    toStatus: null,
    previousDate: null,
    newDate: null,
    comment: comment.trim(),
    actorName: ctx.actor.name,
    at: ctx.now,
  };
}

/** What the audit trail keeps of a transition: the fields it changed, the action and the why. */
export function transitionAudit(before: Milestone, after: Milestone, event: MilestoneEvent) {
  const changed = auditDiff(before, after, AUDITED_FIELDS.milestoneTransition);
  return {
    before: changed.before,
    after: { ...changed.after, action: event.action, comment: event.comment },
  };
}

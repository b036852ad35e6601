import type { MilestoneStatus, TransitionAction } from '../contract/milestone';
import type { Role } from '../contract/reporting';

interface TransitionRule {
  from: readonly MilestoneStatus[];
  to: MilestoneStatus;
  roles: readonly Role[];
  commentRequired: boolean;
}

/**
 * The whole milestone lifecycle. A lead never approves, requests changes, waives or reopens:
 * those are the incubator's decisions.
 */
export const TRANSITIONS: Readonly<Record<TransitionAction, TransitionRule>> = {
  start: {
    from: ['planned'],
    to: 'in_progress',
    roles: ['lead', 'manager'],
    commentRequired: false,
  },
  submit: {
    from: ['in_progress', 'changes_requested'],
    to: 'submitted',
    roles: ['lead', 'manager'],
    commentRequired: false,
  },
  approve: { from: ['submitted'], to: 'approved', roles: ['manager'], commentRequired: false },
  request_changes: {
    from: ['submitted'],
    to: 'changes_requested',
    roles: ['manager'],
    commentRequired: true,
  },
  // A lead who must change something under review takes the submission back first.
  withdraw: {
    from: ['submitted'],
    to: 'in_progress',
    // The manager's answer to a submission is a review decision, not a withdrawal.
    roles: ['lead'],
    commentRequired: false,
  },
  resume: {
    from: ['changes_requested'],
    to: 'in_progress',
    roles: ['lead', 'manager'],
    commentRequired: false,
  },
  waive: {
    from: ['planned', 'in_progress', 'submitted', 'changes_requested'],
    to: 'waived',
    roles: ['manager'],
    commentRequired: true,
  },
  reopen: {
    from: ['approved', 'waived'],
    to: 'in_progress',
    roles: ['manager'],
    commentRequired: true,
  },
};

export type TransitionCheck =
  | { ok: true; to: MilestoneStatus }
  | { ok: false; reason: 'forbidden' | 'invalid_state' | 'comment_required' };

export function checkTransition(
  role: Role,
  from: MilestoneStatus,
  action: TransitionAction,
  comment?: string | null,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(role)) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'invalid_state' };
  if (rule.commentRequired && !comment?.trim()) return { ok: false, reason: 'comment_required' };
  return { ok: true, to: rule.to };
}

export function availableActions(role: Role, from: MilestoneStatus): TransitionAction[] {
  return (Object.keys(TRANSITIONS) as TransitionAction[]).filter((a) => {
    const rule = TRANSITIONS[a];
    return rule.roles.includes(role) && rule.from.includes(from);
  });
}

export function isDone(status: MilestoneStatus): boolean {
  return status === 'approved' || status === 'waived';
}

/** Submitted and waiting for the manager: frozen, so that what is approved is what was sent. */
export function isUnderReview(status: MilestoneStatus): boolean {
  return status === 'submitted';
}

/** Whether progress, dates and evidence may change now: neither closed nor under review. */
export function acceptsChanges(status: MilestoneStatus): boolean {
  return !isDone(status) && !isUnderReview(status);
}

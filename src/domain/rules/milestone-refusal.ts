import type { Milestone, MilestoneRefusal } from '../contract/milestone';
import { Problem } from '../problems';
import { isUnderReview } from './milestone-machine';

/**
 * A refused milestone write. The message is English (logs, API users); `details.reason` is the
 * stable code the UI translates, and `issues` names the field when one is to blame, as every
 * other refusal does.
 */
export function milestoneRefusal(
  status: 403 | 409 | 415 | 422,
  reason: MilestoneRefusal,
  message: string,
  extra: { field?: string; [key: string]: unknown } = {},
): Problem {
  const { field, ...rest } = extra;
  const code =
    status === 403
      ? 'forbidden'
      : status === 409
        ? 'conflict'
        : status === 415
          ? 'unsupported_media_type'
          : 'rule_violated';
  return new Problem(status, code, message, {
    reason,
    ...rest,
    ...(field === undefined ? {} : { issues: [{ field, code: reason, message }] }),
  });
}

/**
 * What the manager reviews must stay what was submitted: while a milestone is under review nobody
 * changes its progress, dates or evidence. The lead withdraws the submission to change it.
 */
export function checkNotUnderReview(m: Pick<Milestone, 'status'>): void {
  if (isUnderReview(m.status)) {
    throw milestoneRefusal(
      422,
      'under_review',
      'A milestone under review cannot be changed; withdraw the submission first',
      { status: m.status },
    );
  }
}

import type { Consortium, IsoDate, Milestone, TransitionAction } from '../../src/domain/contract';
import { preconditionFailed } from '../../src/domain/problems';
import {
  applyMilestonePatch,
  applyTransition,
  auditDiff,
  AUDITED_FIELDS,
  commentEvent,
  transitionAudit,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import { consortiumOr404, milestoneOr404, milestonesOf } from '../db/queries';
import { toMilestoneEvent } from '../db/rows';
import { gapsOf, saveMilestone } from './milestone-store';
import type { Handlers } from './types';

/**
 * Submission and approval both check what is missing. At approval, KPI values are asked for as of
 * the declared achievement date: a period that fell due while the manager reviewed is not a gap.
 */
function gapsFor(
  tx: Parameters<typeof gapsOf>[0],
  milestone: Milestone,
  consortium: Consortium,
  action: TransitionAction,
  today: IsoDate,
) {
  if (action === 'submit') return gapsOf(tx, milestone, consortium, today);
  if (action === 'approve') return gapsOf(tx, milestone, consortium, milestone.actualDate ?? today);
  return Promise.resolve([]);
}

export const milestoneHandlers: Pick<
  Handlers,
  | 'listMilestones'
  | 'getMilestone'
  | 'patchMilestone'
  | 'transitionMilestone'
  | 'addMilestoneComment'
  | 'listMilestoneEvents'
> = {
  async listMilestones({ params, ctx }) {
    const consortium = await consortiumOr404(ctx.db, params.consortiumId);
    return { items: await milestonesOf(ctx.db, [consortium.id]) };
  },

  async getMilestone({ params, ctx }) {
    return milestoneOr404(ctx.db, params.milestoneId);
  },

  async patchMilestone({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await milestoneOr404(tx, params.milestoneId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const consortium = await consortiumOr404(tx, current.consortiumId);
      const { milestone, events } = applyMilestonePatch(
        current,
        body,
        consortium,
        mutationContext(ctx),
      );
      const { numUpdatedRows } = await tx
        .updateTable('milestones')
        .set({
          progress: milestone.progress,
          forecastDate: milestone.forecastDate,
          description: milestone.description,
          updatedAt: milestone.updatedAt,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw preconditionFailed(await milestoneOr404(tx, current.id));
      // The slippage history is written with the change it explains, or not at all.
      if (events.length > 0) await tx.insertInto('milestoneEvents').values(events).execute();
      const changed = auditDiff(current, milestone, AUDITED_FIELDS.milestone);
      // The reason of a re-plan is part of what happened, though it is not a column.
      if (body.reason !== undefined && 'forecastDate' in changed.after) {
        changed.after.reason = body.reason;
      }
      await writeAudit(tx, ctx, {
        action: 'milestone.update',
        entityType: 'milestone',
        entityId: current.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...changed,
      });
      return milestone;
    });
  },

  async transitionMilestone({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await milestoneOr404(tx, params.milestoneId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const consortium = await consortiumOr404(tx, current.consortiumId);
      const today = ctx.clock.today();
      const { milestone, event } = applyTransition({
        milestone: current,
        request: body,
        role: ctx.role,
        gaps: await gapsFor(tx, current, consortium, body.action, today),
        today,
        ctx: mutationContext(ctx),
      });
      await saveMilestone(tx, current, milestone);
      await tx.insertInto('milestoneEvents').values(event).execute();
      await writeAudit(tx, ctx, {
        action: 'milestone.transition',
        entityType: 'milestone',
        entityId: current.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...transitionAudit(current, milestone, event),
      });
      return milestone;
    });
  },

  async addMilestoneComment({ params, body, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const milestone = await milestoneOr404(tx, params.milestoneId);
      const consortium = await consortiumOr404(tx, milestone.consortiumId);
      const event = commentEvent(milestone.id, body.comment, mutationContext(ctx));
      await tx.insertInto('milestoneEvents').values(event).execute();
      await writeAudit(tx, ctx, {
        action: 'milestone.comment',
        entityType: 'milestone',
        entityId: milestone.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        before: null,
        after: { comment: event.comment },
      });
      return event;
    });
  },

  async listMilestoneEvents({ params, ctx }) {
    await milestoneOr404(ctx.db, params.milestoneId);
    const rows = await ctx.db
      .selectFrom('milestoneEvents')
      .selectAll()
      .where('milestoneId', '=', params.milestoneId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return { items: rows.map(toMilestoneEvent) };
  },
};

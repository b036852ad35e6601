import { buildReviewQueue, can } from '../../src/domain/rules';
import { consortiaOf, milestonesOf } from '../db/queries';
import { toMilestoneEvent } from '../db/rows';
import type { Handlers } from './types';

export const reviewHandlers: Pick<Handlers, 'listReviews'> = {
  // Only the programmes where the reader reviews; everyone else gets an empty queue.
  async listReviews({ query, ctx }) {
    const consortia = (await consortiaOf(ctx.db, query.programmeId)).filter((c) =>
      can(ctx.principal, 'milestone.review', { programmeId: c.programmeId, consortiumId: c.id }),
    );
    const milestones = (
      await milestonesOf(
        ctx.db,
        consortia.map((c) => c.id),
      )
    ).filter((m) => m.status === 'submitted');
    const ids = milestones.map((m) => m.id);
    // Nothing submitted: no query (an empty IN list is not valid SQL).
    const evidence =
      ids.length === 0
        ? []
        : await ctx.db
            .selectFrom('evidence')
            .select(['milestoneId', 'covers'])
            .where('milestoneId', 'in', ids)
            .execute();
    const events =
      ids.length === 0
        ? []
        : await ctx.db
            .selectFrom('milestoneEvents')
            .selectAll()
            .where('milestoneId', 'in', ids)
            .where('action', '=', 'submit')
            .execute();
    return {
      items: buildReviewQueue({
        milestones,
        consortia,
        events: events.map(toMilestoneEvent),
        evidence,
        today: ctx.clock.today(),
      }),
    };
  },
};

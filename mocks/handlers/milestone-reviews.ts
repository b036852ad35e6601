import type { HttpHandler } from 'msw';
import { buildReviewQueue } from '@domain/rules/milestone-reviews';
import { can } from '@domain/rules/permissions';
import { defineRoute, type HandlerContext } from '../http';

export function reviewHandlers(ctx: HandlerContext): HttpHandler[] {
  return [
    // Only the programmes where the reader reviews; everyone else gets an empty queue.
    defineRoute(ctx, 'listReviews', ({ query, principal }) => {
      const d = ctx.store.data;
      const consortia = d.consortia.filter(
        (c) =>
          (!query.programmeId || c.programmeId === query.programmeId) &&
          can(principal, 'milestone.review', { programmeId: c.programmeId, consortiumId: c.id }),
      );
      const ids = new Set(consortia.map((c) => c.id));
      const milestones = d.milestones.filter((m) => ids.has(m.consortiumId));
      const milestoneIds = new Set(milestones.map((m) => m.id));
      return {
        items: buildReviewQueue({
          milestones,
          consortia,
          events: d.milestoneEvents.filter((e) => milestoneIds.has(e.milestoneId)),
          today: ctx.store.today(),
        }),
      };
    }),
  ];
}

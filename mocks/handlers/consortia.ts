import type { HttpHandler } from 'msw';
import { applyConsortiumPatch } from '@domain/rules/mutations';
import { changedFields } from '../audit';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

export function consortiumHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    defineRoute(ctx, 'listConsortia', ({ query }) => ({
      items: data().consortia.filter(
        (c) => !query.programmeId || c.programmeId === query.programmeId,
      ),
    })),
    defineRoute(ctx, 'getConsortium', ({ params }) =>
      findOr404(data().consortia, params.consortiumId, 'Consortium'),
    ),
    defineRoute(ctx, 'patchConsortium', ({ params, body, precondition }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      precondition(consortium);
      const updated = applyConsortiumPatch(consortium, body, ctx.store.mutationContext());
      replaceRow(data().consortia, updated);
      ctx.store.audit({
        action: 'consortium.update',
        entityType: 'consortium',
        entityId: updated.id,
        consortiumId: updated.id,
        ...changedFields(consortium, updated),
      });
      return updated;
    }),
  ];
}

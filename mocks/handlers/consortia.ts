import type { HttpHandler } from 'msw';
import { applyConsortiumPatch } from '@domain/rules/mutations';
import { canSee } from '@domain/rules/permissions';
import { AUDITED_FIELDS, auditDiff } from '@domain/rules/audit-diff';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

export function consortiumHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    // All of them for managers and observers, else the caller's own.
    defineRoute(ctx, 'listConsortia', ({ query, principal }) => ({
      items: data().consortia.filter(
        (c) =>
          (!query.programmeId || c.programmeId === query.programmeId) &&
          canSee(principal, { programmeId: c.programmeId, consortiumId: c.id }),
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
        programmeId: updated.programmeId,
        consortiumId: updated.id,
        ...auditDiff(consortium, updated, AUDITED_FIELDS.consortium),
      });
      return updated;
    }),
  ];
}

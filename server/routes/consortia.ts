import { preconditionFailed } from '../../src/domain/problems';
import { applyConsortiumPatch, auditDiff, AUDITED_FIELDS, canSee } from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import { consortiaOf, consortiumOr404 } from '../db/queries';
import type { Handlers } from './types';

export const consortiumHandlers: Pick<
  Handlers,
  'listConsortia' | 'getConsortium' | 'patchConsortium'
> = {
  async listConsortia({ query, ctx }) {
    const all = await consortiaOf(ctx.db, query.programmeId);
    const items = all.filter((c) =>
      canSee(ctx.principal, { programmeId: c.programmeId, consortiumId: c.id }),
    );
    return { items };
  },

  async getConsortium({ params, ctx }) {
    return consortiumOr404(ctx.db, params.consortiumId);
  },

  async patchConsortium({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await consortiumOr404(tx, params.consortiumId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const next = applyConsortiumPatch(current, body, mutationContext(ctx));
      const { numUpdatedRows } = await tx
        .updateTable('consortia')
        .set({
          name: next.name,
          solution: next.solution,
          description: next.description,
          territory: next.territory,
          budgetEur: next.budgetEur,
          updatedAt: next.updatedAt,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw preconditionFailed(await consortiumOr404(tx, current.id));
      await writeAudit(tx, ctx, {
        action: 'consortium.update',
        entityType: 'consortium',
        entityId: current.id,
        programmeId: current.programmeId,
        consortiumId: current.id,
        ...auditDiff(current, next, AUDITED_FIELDS.consortium),
      });
      return next;
    });
  },
};

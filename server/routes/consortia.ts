import { preconditionFailed } from '../../src/domain/problems';
import { applyConsortiumPatch } from '../../src/domain/rules';
import { transaction } from '../db/guard';
import { consortiaOf, consortiumOr404 } from '../db/queries';
import { mutationContext } from '../context';
import type { Handlers } from './types';

export const consortiumHandlers: Pick<
  Handlers,
  'listConsortia' | 'getConsortium' | 'patchConsortium'
> = {
  async listConsortia({ query, ctx }) {
    return { items: await consortiaOf(ctx.db, query.programmeId) };
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
      return next;
    });
  },
};

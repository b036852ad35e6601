import {
  notFound,
  preconditionFailed,
  preconditionRequired,
  Problem,
} from '../../src/domain/problems';
import {
  applyKpiPatch,
  assertCanSetTargets,
  consortiumKpiAudit,
  createKpiDefinition,
  kpiCreateAudit,
  kpiUpdateAudit,
  prepareConsortiumKpi,
  checkLockedTargets,
  lockedTargetsMoved,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import { consortiumOr404, kpiOr404, periodsOf, programmeOr404, settingsOr } from '../db/queries';
import { consortiumKpiRow, kpiRow } from '../db/rows';
import type { Handlers } from './types';

const UNIQUE_VIOLATION = '23505';
export const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === UNIQUE_VIOLATION;

const duplicateCode = (code: string) =>
  new Problem(409, 'conflict', `The programme already has a KPI coded ${code}`, {
    issues: [{ field: 'code', code: 'duplicate', message: 'already used in this programme' }],
  });

/** The indicator catalogue (managers) and each consortium's baseline, targets and bands. */
export const kpiCatalogueHandlers: Pick<Handlers, 'createKpi' | 'patchKpi' | 'putConsortiumKpi'> = {
  async createKpi({ params, body, ctx }) {
    try {
      return await transaction(ctx.db, async (tx) => {
        const programme = await programmeOr404(tx, params.programmeId);
        const taken = await tx
          .selectFrom('kpis')
          .select('code')
          .where('programmeId', '=', programme.id)
          .execute();
        const kpi = createKpiDefinition(
          programme.id,
          body,
          taken.map((k) => k.code),
          mutationContext(ctx),
        );
        await tx.insertInto('kpis').values(kpiRow(kpi)).execute();
        await writeAudit(tx, ctx, {
          ...kpiCreateAudit(kpi),
          programmeId: programme.id,
          consortiumId: null,
        });
        return kpi;
      });
    } catch (error) {
      // Two managers adding the same code at once: the unique key decides, the loser hears why.
      if (isUniqueViolation(error)) throw duplicateCode(body.code);
      throw error;
    }
  },

  async patchKpi({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await kpiOr404(tx, params.kpiId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const { kpi, opened } = applyKpiPatch(current, body, mutationContext(ctx));
      const { id: _id, programmeId: _p, code: _c, ...fields } = kpiRow(kpi);
      const { numUpdatedRows } = await tx
        .updateTable('kpis')
        .set(fields)
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw preconditionFailed(await kpiOr404(tx, current.id));
      await writeAudit(tx, ctx, {
        ...kpiUpdateAudit(current, kpi, opened),
        programmeId: current.programmeId,
        consortiumId: null,
      });
      return kpi;
    });
  },

  async putConsortiumKpi({ params, body, ifMatch, ctx }) {
    const write = () =>
      transaction(ctx.db, async (tx) => {
        const consortium = await consortiumOr404(tx, params.consortiumId);
        const kpi = await kpiOr404(tx, params.kpiId);
        if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
        assertCanSetTargets(
          ctx.principal,
          ctx.scope,
          await programmeOr404(tx, consortium.programmeId),
        );
        const current = await settingsOr(tx, consortium.id, kpi.id);
        if (current && ifMatch === null) throw preconditionRequired();
        if ((current?.version ?? null) !== ifMatch) throw preconditionFailed(current);
        const next = prepareConsortiumKpi(
          { kpi, consortium, current, input: body },
          mutationContext(ctx),
        );
        const periods = await periodsOf(tx, consortium.programmeId);
        checkLockedTargets(lockedTargetsMoved(kpi, current, next, periods));
        if (current) {
          const { numUpdatedRows } = await tx
            .updateTable('consortiumKpis')
            .set(consortiumKpiRow(next))
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .executeTakeFirst();
          if (numUpdatedRows === 0n)
            throw preconditionFailed(await settingsOr(tx, consortium.id, kpi.id));
        } else {
          await tx.insertInto('consortiumKpis').values(consortiumKpiRow(next)).execute();
        }
        await writeAudit(tx, ctx, {
          ...consortiumKpiAudit(current, next),
          programmeId: consortium.programmeId,
          consortiumId: consortium.id,
        });
        return next;
      });
    try {
      return await write();
    } catch (error) {
      // Two first settings at once: the (consortium, KPI) key keeps one, the other is stale.
      if (!isUniqueViolation(error)) throw error;
      throw preconditionFailed(await settingsOr(ctx.db, params.consortiumId, params.kpiId));
    }
  },
};

import { notFound, preconditionFailed, preconditionRequired } from '../../src/domain/problems';
import {
  comparePeriods,
  kpiValueAudit,
  forReader,
  prepareKpiValue,
  readerOf,
  summariseConsortiumKpis,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import {
  consortiumOr404,
  currentValueOf,
  currentValuesOf,
  kpiOr404,
  kpisOf,
  programmeOr404,
  settingsOf,
} from '../db/queries';
import { kpiValueRow, toConsortiumKpi } from '../db/rows';
import { isUniqueViolation } from './kpi-catalogue';
import type { Handlers } from './types';
import { programmeIdsOf } from './visibility';

export const kpiHandlers: Pick<
  Handlers,
  'listKpis' | 'getKpi' | 'listConsortiumKpis' | 'listKpiValues' | 'putKpiValue'
> = {
  async listKpis({ query, ctx }) {
    const mine = new Set(programmeIdsOf(ctx.principal));
    return {
      items: (await kpisOf(ctx.db, query.programmeId)).filter((k) => mine.has(k.programmeId)),
    };
  },

  async getKpi({ params, ctx }) {
    return kpiOr404(ctx.db, params.kpiId);
  },

  async listConsortiumKpis({ params, ctx }) {
    const consortium = await consortiumOr404(ctx.db, params.consortiumId);
    const programme = await programmeOr404(ctx.db, consortium.programmeId);
    const items = summariseConsortiumKpis(
      await kpisOf(ctx.db, programme.id),
      await settingsOf(ctx.db, [consortium.id]),
      await currentValuesOf(ctx.db, [consortium.id]),
      readerOf(
        ctx.principal,
        { programmeId: programme.id, consortiumId: consortium.id },
        programme,
      ),
    );
    return { items };
  },

  async listKpiValues({ params, query, ctx }) {
    const consortium = await consortiumOr404(ctx.db, params.consortiumId);
    const kpi = await kpiOr404(ctx.db, params.kpiId);
    if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
    const programme = await programmeOr404(ctx.db, consortium.programmeId);
    const reader = readerOf(
      ctx.principal,
      { programmeId: programme.id, consortiumId: consortium.id },
      programme,
    );
    const values = (await currentValuesOf(ctx.db, [consortium.id], kpi.id))
      .map((v) => forReader(kpi, v, reader))
      .filter((v) => query.from === undefined || comparePeriods(v.period, query.from) >= 0)
      .filter((v) => query.to === undefined || comparePeriods(v.period, query.to) <= 0)
      .sort((a, b) => comparePeriods(a.period, b.period));
    return { items: values };
  },

  async putKpiValue({ params, body, ifMatch, ctx }) {
    const write = () =>
      transaction(ctx.db, async (tx) => {
        const consortium = await consortiumOr404(tx, params.consortiumId);
        const kpi = await kpiOr404(tx, params.kpiId);
        if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
        const current = await currentValueOf(tx, consortium.id, kpi.id, params.period);
        // If-Match is required only once the cell exists (an upsert); RFC 9110 makes a
        // condition on a missing value false.
        if (current && ifMatch === null) throw preconditionRequired();
        if ((current?.version ?? null) !== ifMatch) throw preconditionFailed(current);
        const settings = await tx
          .selectFrom('consortiumKpis')
          .selectAll()
          .where('consortiumId', '=', consortium.id)
          .where('kpiId', '=', kpi.id)
          .executeTakeFirst();
        const locked = await tx
          .selectFrom('reportingPeriods')
          .select('status')
          .where('programmeId', '=', consortium.programmeId)
          .where('period', '=', params.period)
          .executeTakeFirst();
        const next = prepareKpiValue(
          {
            kpi,
            settings: settings ? toConsortiumKpi(settings) : null,
            consortium,
            period: params.period,
            input: body,
            current,
            periodLocked: locked?.status === 'locked',
          },
          mutationContext(ctx),
        );
        // The superseded revision stays; the unique (cell, revision) key turns a racing writer
        // into a conflict instead of a second revision with the same number.
        await tx.insertInto('kpiValues').values(kpiValueRow(next)).execute();
        await writeAudit(tx, ctx, {
          ...kpiValueAudit(current, next),
          programmeId: consortium.programmeId,
          consortiumId: consortium.id,
        });
        return next;
      });
    try {
      return await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const current = await currentValueOf(
        ctx.db,
        params.consortiumId,
        params.kpiId,
        params.period,
      );
      throw preconditionFailed(current);
    }
  },
};

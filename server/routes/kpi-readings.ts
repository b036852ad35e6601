import type { Kysely } from 'kysely';
import type { KpiDefinition } from '../../src/domain/contract';
import { currentValues } from '../../src/domain/rules/kpi-revisions';
import { notFound } from '../../src/domain/problems';
import {
  buildSeriesResponse,
  canSee,
  cellHistory,
  compareCells,
  forReader,
  inRange,
  readerOf,
  requestedConsortia,
} from '../../src/domain/rules';
import {
  consortiaOf,
  consortiumOr404,
  currentValuesOf,
  kpiOr404,
  kpisOf,
  programmeOr404,
} from '../db/queries';
import { toConsortiumKpi, toKpiValue } from '../db/rows';
import type { DB } from '../db/schema';
import type { Handlers } from './types';

const scopeOf = (c: { id: string; programmeId: string }) => ({
  programmeId: c.programmeId,
  consortiumId: c.id,
});

/** The consortium and KPI a cell route names: both must exist, in the same programme. */
async function cellOr404(db: Kysely<DB>, consortiumId: string, kpiId: string) {
  const consortium = await consortiumOr404(db, consortiumId);
  const kpi = await kpiOr404(db, kpiId);
  if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
  return { consortium, kpi };
}

/** A consortium's values for the entry grid, a cell's history and the chart series. */
export const kpiReadingHandlers: Pick<
  Handlers,
  'listConsortiumKpiValues' | 'listKpiValueHistory' | 'getKpiSeries'
> = {
  async listConsortiumKpiValues({ params, query, ctx }) {
    const consortium = await consortiumOr404(ctx.db, params.consortiumId);
    const programme = await programmeOr404(ctx.db, consortium.programmeId);
    const reader = readerOf(ctx.principal, scopeOf(consortium), programme);
    const kpis = new Map<string, KpiDefinition>(
      (await kpisOf(ctx.db, programme.id)).map((k) => [k.id, k]),
    );
    const items = (await currentValuesOf(ctx.db, [consortium.id]))
      .filter((v) => inRange(v.period, query))
      .flatMap((v) => {
        const kpi = kpis.get(v.kpiId);
        return kpi ? [forReader(kpi, v, reader)] : [];
      });
    return { items: items.sort(compareCells) };
  },

  async listKpiValueHistory({ params, ctx }) {
    const { consortium, kpi } = await cellOr404(ctx.db, params.consortiumId, params.kpiId);
    const programme = await programmeOr404(ctx.db, consortium.programmeId);
    const rows = await ctx.db
      .selectFrom('kpiValues')
      .selectAll()
      .where('consortiumId', '=', consortium.id)
      .where('kpiId', '=', kpi.id)
      .where('period', '=', params.period)
      .execute();
    const reader = readerOf(ctx.principal, scopeOf(consortium), programme);
    return { items: cellHistory(kpi, rows.map(toKpiValue), reader) };
  },

  async getKpiSeries({ params, query, ctx }) {
    const kpi = await kpiOr404(ctx.db, params.kpiId);
    const programme = await programmeOr404(ctx.db, kpi.programmeId);
    const visible = (await consortiaOf(ctx.db, programme.id)).filter((c) =>
      canSee(ctx.principal, { programmeId: c.programmeId, consortiumId: c.id }),
    );
    // Only the rows of the consortia asked for are read: the consortium's own chart must not cost
    // a scan of the whole programme's values (170× the demo's in the load benchmark).
    const requested = requestedConsortia(query.consortia);
    const ids = visible.map((c) => c.id).filter((id) => !requested || requested.includes(id));
    if (ids.length === 0) return { kpi, series: [] };
    const settings = (
      await ctx.db
        .selectFrom('consortiumKpis')
        .selectAll()
        .where('kpiId', '=', kpi.id)
        .where('consortiumId', 'in', ids)
        .execute()
    ).map(toConsortiumKpi);
    // One read of the KPI's rows (kpi_values_series_idx); the current revision of each cell wins.
    const values = currentValues(
      (
        await ctx.db
          .selectFrom('kpiValues')
          .selectAll()
          .where('kpiId', '=', kpi.id)
          .where('consortiumId', 'in', ids)
          .execute()
      ).map(toKpiValue),
    );
    return buildSeriesResponse({
      kpi,
      visible,
      settings,
      values,
      query,
      readerOf: (consortium) => readerOf(ctx.principal, scopeOf(consortium), programme),
    });
  },
};

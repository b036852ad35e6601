import type { HttpHandler } from 'msw';
import { currentValues } from '@domain/demo/dataset';
import { notFound } from '@domain/problems';
import {
  buildSeriesResponse,
  cellHistory,
  compareCells,
  forReader,
  inRange,
} from '@domain/rules/kpi-series';
import { canSee, seesSmallCounts, type Principal } from '@domain/rules/permissions';
import type { ReaderOptions } from '@domain/rules/summaries';
import { defineRoute, findOr404, type HandlerContext } from '../http';

/** A consortium's values for the entry grid, a cell's history and the chart series, as on the server. */
export function kpiReadingHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  /** How this principal reads one consortium's numbers. */
  const readerOf = (
    principal: Principal | null,
    consortium: { id: string; programmeId: string },
  ): ReaderOptions => {
    const programme = findOr404(data().programmes, consortium.programmeId, 'Programme');
    return {
      suppressSmallCounts: !seesSmallCounts(principal, {
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
      }),
      smallCountThreshold: programme.smallCountThreshold,
    };
  };
  return [
    defineRoute(ctx, 'listConsortiumKpiValues', ({ params, query, principal }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const reader = readerOf(principal, consortium);
      const kpis = new Map(data().kpis.map((k) => [k.id, k]));
      const items = currentValues(
        data().kpiValues.filter(
          (v) => v.consortiumId === consortium.id && inRange(v.period, query),
        ),
      ).flatMap((v) => {
        const kpi = kpis.get(v.kpiId);
        return kpi ? [forReader(kpi, v, reader)] : [];
      });
      return { items: items.sort(compareCells) };
    }),
    defineRoute(ctx, 'listKpiValueHistory', ({ params, principal }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const kpi = findOr404(data().kpis, params.kpiId, 'KPI');
      if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
      const revisions = data().kpiValues.filter(
        (v) => v.consortiumId === consortium.id && v.kpiId === kpi.id && v.period === params.period,
      );
      return { items: cellHistory(kpi, revisions, readerOf(principal, consortium)) };
    }),
    defineRoute(ctx, 'getKpiSeries', ({ params, query, principal }) => {
      const kpi = findOr404(data().kpis, params.kpiId, 'KPI');
      const visible = data().consortia.filter(
        (c) =>
          c.programmeId === kpi.programmeId &&
          canSee(principal, { programmeId: c.programmeId, consortiumId: c.id }),
      );
      const settings = data().consortiumKpis.filter((s) => s.kpiId === kpi.id);
      const values = currentValues(data().kpiValues.filter((v) => v.kpiId === kpi.id));
      return buildSeriesResponse({
        kpi,
        visible,
        settings,
        values,
        query,
        readerOf: (consortium) => readerOf(principal, consortium),
      });
    }),
  ];
}

import type { HttpHandler } from 'msw';
import { currentValues } from '@domain/demo/dataset';
import { notFound } from '@domain/problems';
import { prepareKpiValue } from '@domain/rules/mutations';
import { comparePeriods } from '@domain/rules/periods';
import { canSee, seesSmallCounts } from '@domain/rules/permissions';
import { suppressForReader } from '@domain/rules/small-counts';
import { summariseConsortiumKpis } from '@domain/rules/summaries';
import { kpiValueAudit } from '@domain/rules/kpi-audit';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { kpiCatalogueHandlers } from './kpi-catalogue';
import { kpiReadingHandlers } from './kpi-readings';

export function kpiHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  /** The consortium and KPI of a cell route: both must exist, in the same programme. */
  const cell = (consortiumId: string, kpiId: string) => {
    const consortium = findOr404(data().consortia, consortiumId, 'Consortium');
    const kpi = findOr404(data().kpis, kpiId, 'KPI');
    if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
    const programme = findOr404(data().programmes, consortium.programmeId, 'Programme');
    const values = currentValues(
      data().kpiValues.filter((v) => v.consortiumId === consortium.id && v.kpiId === kpi.id),
    );
    return { consortium, kpi, programme, values };
  };
  return [
    // The catalogues of the programmes the caller belongs to.
    defineRoute(ctx, 'listKpis', ({ query, principal }) => ({
      items: data().kpis.filter(
        (k) =>
          (!query.programmeId || k.programmeId === query.programmeId) &&
          canSee(principal, { programmeId: k.programmeId }),
      ),
    })),
    defineRoute(ctx, 'getKpi', ({ params }) => findOr404(data().kpis, params.kpiId, 'KPI')),
    defineRoute(ctx, 'listConsortiumKpis', ({ params, principal, scope }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const programme = findOr404(data().programmes, consortium.programmeId, 'Programme');
      const items = summariseConsortiumKpis(
        data().kpis.filter((k) => k.programmeId === programme.id),
        data().consortiumKpis.filter((s) => s.consortiumId === consortium.id),
        currentValues(data().kpiValues.filter((v) => v.consortiumId === consortium.id)),
        {
          suppressSmallCounts: !seesSmallCounts(principal, scope ?? { programmeId: programme.id }),
          smallCountThreshold: programme.smallCountThreshold,
        },
      );
      return { items };
    }),
    defineRoute(ctx, 'listKpiValues', ({ params, query, principal, scope }) => {
      const { kpi, programme, values } = cell(params.consortiumId, params.kpiId);
      const suppress = !seesSmallCounts(principal, scope ?? { programmeId: programme.id });
      const items = values
        .map((v) => (suppress ? suppressForReader(kpi, v, programme.smallCountThreshold) : v))
        .filter((v) => !query.from || comparePeriods(v.period, query.from) >= 0)
        .filter((v) => !query.to || comparePeriods(v.period, query.to) <= 0)
        .sort((a, b) => comparePeriods(a.period, b.period));
      return { items };
    }),
    defineRoute(ctx, 'putKpiValue', ({ params, body, precondition }) => {
      const { consortium, kpi, values } = cell(params.consortiumId, params.kpiId);
      const current = values.find((v) => v.period === params.period) ?? null;
      precondition(current);
      const settings =
        data().consortiumKpis.find((s) => s.consortiumId === consortium.id && s.kpiId === kpi.id) ??
        null;
      const reportingPeriod = data().periods.find(
        (p) => p.programmeId === consortium.programmeId && p.period === params.period,
      );
      const next = prepareKpiValue(
        {
          kpi,
          settings,
          consortium,
          period: params.period,
          input: body,
          current,
          periodLocked: reportingPeriod?.status === 'locked',
        },
        ctx.store.mutationContext(),
      );
      data().kpiValues.push(next);
      ctx.store.audit({
        ...kpiValueAudit(current, next),
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
      });
      return next;
    }),
    ...kpiCatalogueHandlers(ctx),
    ...kpiReadingHandlers(ctx),
  ];
}

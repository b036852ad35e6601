import type { HttpHandler } from 'msw';
import { currentValues } from '@domain/demo/dataset';
import { notFound } from '@domain/problems';
import { prepareKpiValue } from '@domain/rules/mutations';
import { comparePeriods } from '@domain/rules/periods';
import { summariseConsortiumKpis } from '@domain/rules/summaries';
import { changedFields, pick } from '../audit';
import { defineRoute, findOr404, type HandlerContext } from '../http';

/** What a person enters for a KPI value; the rest is derived or bookkeeping. */
const KPI_VALUE_FIELDS = [
  'period',
  'value',
  'numerator',
  'denominator',
  'provisional',
  'source',
  'note',
  'explanation',
] as const;

export function kpiHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  /** The consortium and KPI of a cell route, both of which must exist and be tracked together. */
  const cell = (consortiumId: string, kpiId: string) => {
    const consortium = findOr404(data().consortia, consortiumId, 'Consortium');
    const kpi = findOr404(data().kpis, kpiId, 'KPI');
    const settings = data().consortiumKpis.find(
      (s) => s.consortiumId === consortium.id && s.kpiId === kpi.id,
    );
    if (!settings) throw notFound('KPI of this consortium');
    const values = currentValues(
      data().kpiValues.filter((v) => v.consortiumId === consortium.id && v.kpiId === kpi.id),
    );
    return { consortium, kpi, settings, values };
  };
  return [
    defineRoute(ctx, 'listKpis', ({ query }) => ({
      items: data().kpis.filter((k) => !query.programmeId || k.programmeId === query.programmeId),
    })),
    defineRoute(ctx, 'getKpi', ({ params }) => findOr404(data().kpis, params.kpiId, 'KPI')),
    defineRoute(ctx, 'listConsortiumKpis', ({ params }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const programme = findOr404(data().programmes, consortium.programmeId, 'Programme');
      const items = summariseConsortiumKpis(
        data().kpis,
        data().consortiumKpis.filter((s) => s.consortiumId === consortium.id),
        currentValues(data().kpiValues.filter((v) => v.consortiumId === consortium.id)),
        // The mocks have no sessions: they answer as the manager, who sees small counts.
        { suppressSmallCounts: false, smallCountThreshold: programme.smallCountThreshold },
      );
      return { items };
    }),
    defineRoute(ctx, 'listKpiValues', ({ params, query }) => {
      const { values } = cell(params.consortiumId, params.kpiId);
      const items = values
        .filter((v) => !query.from || comparePeriods(v.period, query.from) >= 0)
        .filter((v) => !query.to || comparePeriods(v.period, query.to) <= 0)
        .sort((a, b) => comparePeriods(a.period, b.period));
      return { items };
    }),
    defineRoute(ctx, 'putKpiValue', ({ params, body, precondition }) => {
      const { consortium, kpi, settings, values } = cell(params.consortiumId, params.kpiId);
      const current = values.find((v) => v.period === params.period) ?? null;
      precondition(current);
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
      // The entity is the KPI; the period stays on both sides so the entry names its cell.
      ctx.store.audit({
        action: 'kpiValue.put',
        entityType: 'kpiValue',
        entityId: kpi.id,
        consortiumId: consortium.id,
        ...changedFields(current && pick(current, KPI_VALUE_FIELDS), pick(next, KPI_VALUE_FIELDS), [
          'period',
        ]),
      });
      return next;
    }),
  ];
}

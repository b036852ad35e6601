import type { HttpHandler } from 'msw';
import { currentValues } from '@domain/demo/dataset';
import { comparePeriods } from '@domain/rules/periods';
import { buildPortfolio } from '@domain/rules/summaries';
import { defineRoute, findOr404, type HandlerContext } from '../http';

export function programmeHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    defineRoute(ctx, 'health', () => ({ status: 'ok', database: 'memory', version: 'mock' })),
    defineRoute(ctx, 'listProgrammes', () => ({ items: data().programmes })),
    defineRoute(ctx, 'getProgramme', ({ params }) =>
      findOr404(data().programmes, params.programmeId, 'Programme'),
    ),
    defineRoute(ctx, 'getPortfolio', ({ params, query }) => {
      const programme = findOr404(data().programmes, params.programmeId, 'Programme');
      const d = data();
      return buildPortfolio({
        programme,
        consortia: d.consortia,
        milestones: d.milestones,
        kpis: d.kpis.filter((k) => k.programmeId === programme.id),
        settings: d.consortiumKpis,
        values: currentValues(d.kpiValues),
        today: query.asOf ?? ctx.store.today(),
      });
    }),
    defineRoute(ctx, 'listPeriods', ({ params }) => {
      const programme = findOr404(data().programmes, params.programmeId, 'Programme');
      const items = data()
        .periods.filter((p) => p.programmeId === programme.id)
        .sort((a, b) => comparePeriods(a.period, b.period));
      return { items };
    }),
  ];
}

import type { HttpHandler } from 'msw';
import { notFound } from '@domain/problems';
import { applyKpiPatch, createKpiDefinition } from '@domain/rules/kpi-catalogue';
import { consortiumKpiAudit, kpiCreateAudit, kpiUpdateAudit } from '@domain/rules/kpi-audit';
import { assertCanSetTargets, prepareConsortiumKpi } from '@domain/rules/kpi-settings';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

/** The catalogue (managers) and each consortium's baseline, targets and bands, as on the server. */
export function kpiCatalogueHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    defineRoute(ctx, 'createKpi', ({ params, body }) => {
      const programme = findOr404(data().programmes, params.programmeId, 'Programme');
      const taken = data()
        .kpis.filter((k) => k.programmeId === programme.id)
        .map((k) => k.code);
      const kpi = createKpiDefinition(programme.id, body, taken, ctx.store.mutationContext());
      data().kpis.push(kpi);
      ctx.store.audit({ ...kpiCreateAudit(kpi), programmeId: programme.id, consortiumId: null });
      return kpi;
    }),
    defineRoute(ctx, 'patchKpi', ({ params, body, precondition }) => {
      const kpi = findOr404(data().kpis, params.kpiId, 'KPI');
      precondition(kpi);
      const edit = applyKpiPatch(kpi, body, ctx.store.mutationContext());
      replaceRow(data().kpis, edit.kpi);
      ctx.store.audit({
        ...kpiUpdateAudit(kpi, edit.kpi, edit.opened),
        programmeId: kpi.programmeId,
        consortiumId: null,
      });
      return edit.kpi;
    }),
    defineRoute(ctx, 'putConsortiumKpi', ({ params, body, principal, scope, precondition }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const kpi = findOr404(data().kpis, params.kpiId, 'KPI');
      if (kpi.programmeId !== consortium.programmeId) throw notFound('KPI');
      const programme = findOr404(data().programmes, consortium.programmeId, 'Programme');
      assertCanSetTargets(principal, scope, programme);
      const current =
        data().consortiumKpis.find((s) => s.consortiumId === consortium.id && s.kpiId === kpi.id) ??
        null;
      precondition(current);
      const next = prepareConsortiumKpi(
        { kpi, consortium, current, input: body },
        ctx.store.mutationContext(),
      );
      if (current) replaceRow(data().consortiumKpis, next);
      else data().consortiumKpis.push(next);
      ctx.store.audit({
        ...consortiumKpiAudit(current, next),
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
      });
      return next;
    }),
  ];
}

import type { HttpHandler } from 'msw';
import { currentValues } from '@domain/demo/dataset';
import { AUDITED_FIELDS, auditDiff } from '@domain/rules/audit-diff';
import { applyProgrammePatch } from '@domain/rules/mutations';
import { comparePeriods } from '@domain/rules/periods';
import { canSee } from '@domain/rules/permissions';
import { buildPortfolio } from '@domain/rules/summaries';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

export function programmeHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    defineRoute(ctx, 'health', () => ({
      status: 'ok' as const,
      database: 'memory' as const,
      version: 'mock',
    })),
    // The programmes the caller belongs to, in any role.
    defineRoute(ctx, 'listProgrammes', ({ principal }) => ({
      items: data().programmes.filter((p) => canSee(principal, { programmeId: p.id })),
    })),
    defineRoute(ctx, 'getProgramme', ({ params }) =>
      findOr404(data().programmes, params.programmeId, 'Programme'),
    ),
    defineRoute(ctx, 'patchProgramme', ({ params, body, precondition }) => {
      const programme = findOr404(data().programmes, params.programmeId, 'Programme');
      precondition(programme);
      const updated = applyProgrammePatch(programme, body, ctx.store.mutationContext());
      replaceRow(data().programmes, updated);
      ctx.store.audit({
        action: 'programme.update',
        entityType: 'programme',
        entityId: updated.id,
        programmeId: updated.id,
        consortiumId: null,
        ...auditDiff(programme, updated, AUDITED_FIELDS.programme),
      });
      return updated;
    }),
    defineRoute(ctx, 'getPortfolio', ({ params, query, principal }) => {
      const programme = findOr404(data().programmes, params.programmeId, 'Programme');
      const d = data();
      // A lead or member sees only their own consortium in the portfolio.
      const consortia = d.consortia.filter(
        (c) =>
          c.programmeId === programme.id &&
          canSee(principal, { programmeId: programme.id, consortiumId: c.id }),
      );
      const ids = new Set(consortia.map((c) => c.id));
      return buildPortfolio({
        programme,
        consortia,
        milestones: d.milestones.filter((m) => ids.has(m.consortiumId)),
        kpis: d.kpis.filter((k) => k.programmeId === programme.id),
        settings: d.consortiumKpis.filter((s) => ids.has(s.consortiumId)),
        values: currentValues(d.kpiValues.filter((v) => ids.has(v.consortiumId))),
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

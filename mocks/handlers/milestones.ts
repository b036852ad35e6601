import type { HttpHandler } from 'msw';
import { Phase } from '@domain/contract/milestone';
import { applyMilestonePatch } from '@domain/rules/mutations';
import { AUDITED_FIELDS, auditDiff } from '@domain/rules/audit-diff';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

const phaseOrder = (phase: Phase) => Phase.options.indexOf(phase);

export function milestoneHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  return [
    defineRoute(ctx, 'listMilestones', ({ params }) => {
      const consortium = findOr404(data().consortia, params.consortiumId, 'Consortium');
      const items = data()
        .milestones.filter((m) => m.consortiumId === consortium.id)
        .sort((a, b) => phaseOrder(a.phase) - phaseOrder(b.phase) || a.code.localeCompare(b.code));
      return { items };
    }),
    defineRoute(ctx, 'getMilestone', ({ params }) =>
      findOr404(data().milestones, params.milestoneId, 'Milestone'),
    ),
    defineRoute(ctx, 'patchMilestone', ({ params, body, precondition }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const consortium = findOr404(data().consortia, milestone.consortiumId, 'Consortium');
      precondition(milestone);
      const result = applyMilestonePatch(milestone, body, consortium, ctx.store.mutationContext());
      replaceRow(data().milestones, result.milestone);
      data().milestoneEvents.push(...result.events);
      const changed = auditDiff(milestone, result.milestone, AUDITED_FIELDS.milestone);
      // The reason of a re-plan is part of what happened, though it is not a column.
      if (body.reason !== undefined && 'forecastDate' in changed.after) {
        changed.after.reason = body.reason;
      }
      ctx.store.audit({
        action: 'milestone.update',
        entityType: 'milestone',
        entityId: milestone.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...changed,
      });
      return result.milestone;
    }),
    defineRoute(ctx, 'listMilestoneEvents', ({ params }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const items = data()
        .milestoneEvents.filter((e) => e.milestoneId === milestone.id)
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
      return { items };
    }),
    defineRoute(ctx, 'listEvidence', ({ params }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const items = data()
        .evidence.filter((e) => e.milestoneId === milestone.id)
        .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
      return { items };
    }),
  ];
}

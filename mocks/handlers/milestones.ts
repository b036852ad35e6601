import type { HttpHandler } from 'msw';
import { Phase } from '@domain/contract/milestone';
import { applyMilestonePatch } from '@domain/rules/mutations';
import { AUDITED_FIELDS, auditDiff } from '@domain/rules/audit-diff';
import { applyTransition, commentEvent, transitionAudit } from '@domain/rules/milestone-transition';
import { effectiveRole } from '@domain/rules/permissions';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';
import { gapsOf } from './milestone-gaps';

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
    defineRoute(ctx, 'transitionMilestone', ({ params, body, principal, scope, precondition }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const consortium = findOr404(data().consortia, milestone.consortiumId, 'Consortium');
      precondition(milestone);
      const result = applyTransition({
        milestone,
        request: body,
        role: scope ? effectiveRole(principal, scope) : null,
        gaps: body.action === 'submit' ? gapsOf(data(), milestone, ctx.store.today()) : [],
        today: ctx.store.today(),
        ctx: ctx.store.mutationContext(),
      });
      replaceRow(data().milestones, result.milestone);
      data().milestoneEvents.push(result.event);
      ctx.store.audit({
        action: 'milestone.transition',
        entityType: 'milestone',
        entityId: milestone.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...transitionAudit(milestone, result.milestone, result.event),
      });
      return result.milestone;
    }),
    defineRoute(ctx, 'addMilestoneComment', ({ params, body }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const consortium = findOr404(data().consortia, milestone.consortiumId, 'Consortium');
      const event = commentEvent(milestone.id, body.comment, ctx.store.mutationContext());
      data().milestoneEvents.push(event);
      ctx.store.audit({
        action: 'milestone.comment',
        entityType: 'milestone',
        entityId: milestone.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        before: null,
        after: { comment: event.comment },
      });
      return event;
    }),
    defineRoute(ctx, 'listMilestoneEvents', ({ params }) => {
      const milestone = findOr404(data().milestones, params.milestoneId, 'Milestone');
      const items = data()
        .milestoneEvents.filter((e) => e.milestoneId === milestone.id)
        .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
      return { items };
    }),
  ];
}

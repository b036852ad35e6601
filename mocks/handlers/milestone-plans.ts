import type { HttpHandler } from 'msw';
import type { Milestone } from '@domain/contract/milestone';
import type { Dataset } from '@domain/demo/dataset';
import { notFound } from '@domain/problems';
import { AUDITED_FIELDS, auditDiff } from '@domain/rules/audit-diff';
import {
  approvePlan,
  checkMilestoneDeletion,
  compareProgrammeMilestones,
  newMilestone,
  planFromTemplate,
  planView,
  startPlan,
  templateAuditDiff,
  type PlanRecord,
} from '@domain/rules/milestone-plan';
import {
  milestoneCreatedAudit,
  milestoneDeletedAudit,
  planAppliedAudit,
} from '@domain/rules/milestone-plan-audit';
import { canSee } from '@domain/rules/permissions';
import { defineRoute, findOr404, type HandlerContext } from '../http';
import { replaceRow } from '../store';

const planOf = (d: Dataset, consortiumId: string): PlanRecord | null =>
  d.milestonePlans.find((p) => p.consortiumId === consortiumId) ?? null;

const milestonesOf = (d: Dataset, consortiumId: string): Milestone[] =>
  d.milestones.filter((m) => m.consortiumId === consortiumId);

function savePlan(d: Dataset, plan: PlanRecord): void {
  const i = d.milestonePlans.findIndex((p) => p.consortiumId === plan.consortiumId);
  if (i < 0) d.milestonePlans.push(plan);
  else d.milestonePlans[i] = plan;
}

/** Templates, plans and the milestones a manager adds or removes while planning. */
export function milestonePlanHandlers(ctx: HandlerContext): HttpHandler[] {
  const data = () => ctx.store.data;
  const templateOf = (programmeId: string) => {
    const template = data().milestoneTemplates.find((t) => t.programmeId === programmeId);
    if (!template) throw notFound('Milestone template');
    return template;
  };
  return [
    defineRoute(ctx, 'getMilestoneTemplate', ({ params }) => templateOf(params.programmeId)),
    defineRoute(ctx, 'putMilestoneTemplate', ({ params, body, precondition }) => {
      const current = templateOf(params.programmeId);
      precondition(current);
      const { now } = ctx.store.mutationContext();
      const next = { ...current, items: body.items, version: current.version + 1, updatedAt: now };
      const d = data();
      d.milestoneTemplates = d.milestoneTemplates.map((t) => (t === current ? next : t));
      ctx.store.audit({
        action: 'milestoneTemplate.update',
        entityType: 'milestoneTemplate',
        entityId: params.programmeId,
        programmeId: params.programmeId,
        consortiumId: null,
        ...templateAuditDiff(current.items, next.items),
      });
      return next;
    }),
    // Visible consortia only: a lead or member sees their own consortium's milestones.
    defineRoute(ctx, 'listProgrammeMilestones', ({ params, principal }) => {
      const d = data();
      const programme = findOr404(d.programmes, params.programmeId, 'Programme');
      const consortia = d.consortia.filter(
        (c) =>
          c.programmeId === programme.id &&
          canSee(principal, { programmeId: programme.id, consortiumId: c.id }),
      );
      const codes = new Map(consortia.map((c) => [c.id, c.code]));
      const items = d.milestones
        .filter((m) => codes.has(m.consortiumId))
        .sort(compareProgrammeMilestones((id) => codes.get(id) ?? ''));
      return { items };
    }),
    defineRoute(ctx, 'getMilestonePlan', ({ params }) => {
      const d = data();
      const consortium = findOr404(d.consortia, params.consortiumId, 'Consortium');
      return planView(
        consortium.id,
        planOf(d, consortium.id),
        milestonesOf(d, consortium.id).length,
      );
    }),
    defineRoute(ctx, 'applyMilestoneTemplate', ({ params }) => {
      const d = data();
      const consortium = findOr404(d.consortia, params.consortiumId, 'Consortium');
      const template = templateOf(consortium.programmeId);
      const mc = ctx.store.mutationContext();
      const plan = startPlan(consortium.id, planOf(d, consortium.id), mc);
      const created = planFromTemplate(template.items, consortium, mc);
      savePlan(d, plan);
      d.milestones.push(...created);
      ctx.store.audit(planAppliedAudit(consortium, plan.status, created.length, template.version));
      return planView(consortium.id, plan, milestonesOf(d, consortium.id).length);
    }),
    defineRoute(ctx, 'approveMilestonePlan', ({ params, precondition }) => {
      const d = data();
      const consortium = findOr404(d.consortia, params.consortiumId, 'Consortium');
      const current = planOf(d, consortium.id);
      precondition(planView(consortium.id, current, 0));
      const result = approvePlan(
        current,
        milestonesOf(d, consortium.id),
        ctx.store.mutationContext(),
      );
      savePlan(d, result.plan);
      for (const m of result.milestones) replaceRow(d.milestones, m);
      ctx.store.audit({
        action: 'milestonePlan.approve',
        entityType: 'milestonePlan',
        entityId: consortium.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...auditDiff(
          planView(consortium.id, current, 0),
          planView(consortium.id, result.plan, 0),
          AUDITED_FIELDS.milestonePlan,
        ),
      });
      return planView(consortium.id, result.plan, result.milestones.length);
    }),
    defineRoute(ctx, 'createMilestone', ({ params, body }) => {
      const d = data();
      const consortium = findOr404(d.consortia, params.consortiumId, 'Consortium');
      const mc = ctx.store.mutationContext();
      const current = planOf(d, consortium.id);
      const milestone = newMilestone(body, consortium, milestonesOf(d, consortium.id), current, mc);
      // A milestone added to a consortium without a plan starts a draft one.
      if (!current) savePlan(d, startPlan(consortium.id, null, mc));
      d.milestones.push(milestone);
      ctx.store.audit(milestoneCreatedAudit(consortium, milestone));
      return milestone;
    }),
    defineRoute(ctx, 'deleteMilestone', ({ params, precondition }) => {
      const d = data();
      const milestone = findOr404(d.milestones, params.milestoneId, 'Milestone');
      const consortium = findOr404(d.consortia, milestone.consortiumId, 'Consortium');
      precondition(milestone);
      checkMilestoneDeletion(planOf(d, consortium.id), {
        events: d.milestoneEvents.filter((e) => e.milestoneId === milestone.id).length,
        evidence: d.evidence.filter((e) => e.milestoneId === milestone.id).length,
      });
      d.milestones = d.milestones.filter((m) => m.id !== milestone.id);
      ctx.store.audit(milestoneDeletedAudit(consortium, milestone));
      return { ok: true as const };
    }),
  ];
}

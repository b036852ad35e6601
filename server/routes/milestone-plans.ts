import { preconditionFailed } from '../../src/domain/problems';
import {
  approvePlan,
  auditDiff,
  AUDITED_FIELDS,
  canSee,
  checkMilestoneDeletion,
  milestoneCreatedAudit,
  milestoneDeletedAudit,
  compareProgrammeMilestones,
  newMilestone,
  planAppliedAudit,
  planFromTemplate,
  planView,
  startPlan,
  templateAuditDiff,
  type PlanRecord,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext } from '../context';
import { transaction } from '../db/guard';
import {
  consortiaOf,
  consortiumOr404,
  milestoneOr404,
  milestonesOf,
  programmeOr404,
} from '../db/queries';
import { milestoneRow, milestoneTemplateRow } from '../db/rows';
import type { DB } from '../db/schema';
import { milestoneCountOf, planOf, saveMilestone, templateOr404 } from './milestone-store';
import type { Handlers } from './types';
import type { Transaction } from 'kysely';

/** Inserts or moves the plan row on, if nobody else moved it first (412 otherwise). */
async function savePlan(tx: Transaction<DB>, before: PlanRecord | null, after: PlanRecord) {
  if (!before) {
    await tx.insertInto('milestonePlans').values(after).execute();
    return;
  }
  const { numUpdatedRows } = await tx
    .updateTable('milestonePlans')
    .set(after)
    .where('consortiumId', '=', before.consortiumId)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) {
    const now = await planOf(tx, before.consortiumId);
    throw preconditionFailed(
      planView(before.consortiumId, now, await milestoneCountOf(tx, before.consortiumId)),
    );
  }
}

export const milestonePlanHandlers: Pick<
  Handlers,
  | 'getMilestoneTemplate'
  | 'putMilestoneTemplate'
  | 'listProgrammeMilestones'
  | 'getMilestonePlan'
  | 'applyMilestoneTemplate'
  | 'approveMilestonePlan'
  | 'createMilestone'
  | 'deleteMilestone'
> = {
  getMilestoneTemplate: ({ params, ctx }) => templateOr404(ctx.db, params.programmeId),

  async putMilestoneTemplate({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await templateOr404(tx, params.programmeId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const next = {
        ...current,
        items: body.items,
        version: current.version + 1,
        updatedAt: ctx.clock.now(),
      };
      const { numUpdatedRows } = await tx
        .updateTable('milestoneTemplates')
        .set(milestoneTemplateRow(next))
        .where('programmeId', '=', current.programmeId)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (numUpdatedRows === 0n)
        throw preconditionFailed(await templateOr404(tx, current.programmeId));
      await writeAudit(tx, ctx, {
        action: 'milestoneTemplate.update',
        entityType: 'milestoneTemplate',
        entityId: current.programmeId,
        programmeId: current.programmeId,
        consortiumId: null,
        ...templateAuditDiff(current.items, next.items),
      });
      return next;
    });
  },

  // Visible consortia only: a lead or member sees their own consortium's milestones.
  async listProgrammeMilestones({ params, ctx }) {
    const programme = await programmeOr404(ctx.db, params.programmeId);
    const consortia = (await consortiaOf(ctx.db, programme.id)).filter((c) =>
      canSee(ctx.principal, { programmeId: programme.id, consortiumId: c.id }),
    );
    const codes = new Map(consortia.map((c) => [c.id, c.code]));
    const items = await milestonesOf(ctx.db, [...codes.keys()]);
    return { items: items.sort(compareProgrammeMilestones((id) => codes.get(id) ?? '')) };
  },

  async getMilestonePlan({ params, ctx }) {
    const consortium = await consortiumOr404(ctx.db, params.consortiumId);
    return planView(
      consortium.id,
      await planOf(ctx.db, consortium.id),
      await milestoneCountOf(ctx.db, consortium.id),
    );
  },

  async applyMilestoneTemplate({ params, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const consortium = await consortiumOr404(tx, params.consortiumId);
      const template = await templateOr404(tx, consortium.programmeId);
      const mc = mutationContext(ctx);
      const plan = startPlan(consortium.id, await planOf(tx, consortium.id), mc);
      const created = planFromTemplate(template.items, consortium, mc);
      // Two managers applying at once: the primary key lets one plan row in, the other is refused.
      const inserted = await tx
        .insertInto('milestonePlans')
        .values(plan)
        .onConflict((oc) => oc.column('consortiumId').doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows === 0n) {
        startPlan(consortium.id, await planOf(tx, consortium.id), mc);
      }
      if (created.length > 0) {
        await tx.insertInto('milestones').values(created.map(milestoneRow)).execute();
      }
      await writeAudit(
        tx,
        ctx,
        planAppliedAudit(consortium, plan.status, created.length, template.version),
      );
      return planView(consortium.id, plan, await milestoneCountOf(tx, consortium.id));
    });
  },

  async approveMilestonePlan({ params, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const consortium = await consortiumOr404(tx, params.consortiumId);
      const current = await planOf(tx, consortium.id);
      const count = await milestoneCountOf(tx, consortium.id);
      const before = planView(consortium.id, current, count);
      if (before.version !== ifMatch) throw preconditionFailed(before);
      const milestones = await milestonesOf(tx, [consortium.id]);
      const result = approvePlan(current, milestones, mutationContext(ctx));
      await savePlan(tx, current, result.plan);
      for (const [i, m] of result.milestones.entries()) {
        const original = milestones[i];
        if (original) await saveMilestone(tx, original, m);
      }
      const after = planView(consortium.id, result.plan, count);
      await writeAudit(tx, ctx, {
        action: 'milestonePlan.approve',
        entityType: 'milestonePlan',
        entityId: consortium.id,
        programmeId: consortium.programmeId,
        consortiumId: consortium.id,
        ...auditDiff(before, after, AUDITED_FIELDS.milestonePlan),
      });
      return after;
    });
  },

  async createMilestone({ params, body, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const consortium = await consortiumOr404(tx, params.consortiumId);
      const mc = mutationContext(ctx);
      const plan = await planOf(tx, consortium.id);
      const existing = await milestonesOf(tx, [consortium.id]);
      const milestone = newMilestone(body, consortium, existing, plan, mc);
      // A milestone added to a consortium without a plan starts a draft one.
      if (!plan)
        await tx
          .insertInto('milestonePlans')
          .values(startPlan(consortium.id, null, mc))
          .execute();
      await tx.insertInto('milestones').values(milestoneRow(milestone)).execute();
      await writeAudit(tx, ctx, milestoneCreatedAudit(consortium, milestone));
      return milestone;
    });
  },

  async deleteMilestone({ params, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const milestone = await milestoneOr404(tx, params.milestoneId);
      if (milestone.version !== ifMatch) throw preconditionFailed(milestone);
      const consortium = await consortiumOr404(tx, milestone.consortiumId);
      const events = await tx
        .selectFrom('milestoneEvents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('milestoneId', '=', milestone.id)
        .executeTakeFirstOrThrow();
      checkMilestoneDeletion(await planOf(tx, consortium.id), {
        events: Number(events.n),
        evidence: milestone.evidenceCount,
      });
      const { numDeletedRows } = await tx
        .deleteFrom('milestones')
        .where('id', '=', milestone.id)
        .where('version', '=', milestone.version)
        .executeTakeFirst();
      if (numDeletedRows === 0n) throw preconditionFailed(await milestoneOr404(tx, milestone.id));
      await writeAudit(tx, ctx, milestoneDeletedAudit(consortium, milestone));
      return { ok: true as const };
    });
  },
};

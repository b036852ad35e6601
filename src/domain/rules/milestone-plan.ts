import type { IsoDate, Timestamp } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type {
  Milestone,
  MilestoneCreate,
  MilestonePlan,
  MilestoneTemplateItem,
} from '../contract/milestone';
import { milestoneRefusal } from './milestone-refusal';
import type { MutationContext } from './mutations';
import { compareMilestones, compareText } from './ordering';
import { addMonthsToDate, periodEndDate, periodOfDate } from './periods';

/** A consortium's plan as stored: no row means no plan yet ('none'). */
export type PlanRecord = {
  consortiumId: string;
  status: 'draft' | 'approved';
  approvedAt: Timestamp | null;
  approvedBy: string | null;
  version: number;
  updatedAt: Timestamp;
};

type Period = Pick<Consortium, 'startDate' | 'endDate'>;

const clamp = (date: IsoDate, { startDate, endDate }: Period): IsoDate =>
  date < startDate ? startDate : date > endDate ? endDate : date;

const endOfMonth = (date: IsoDate): IsoDate => periodEndDate(periodOfDate(date, 'monthly'));

/** The plan as the API shows it, with its milestone count. */
export function planView(
  consortiumId: string,
  record: PlanRecord | null,
  milestoneCount: number,
): MilestonePlan {
  return {
    consortiumId,
    status: record?.status ?? 'none',
    approvedAt: record?.approvedAt ?? null,
    approvedBy: record?.approvedBy ?? null,
    milestoneCount,
    // A consortium without a plan reads as version 1 so the first write has something to match.
    version: record?.version ?? 1,
  };
}

/**
 * Draft milestones from a template: each opens `offsetMonths` after the consortium starts and is
 * due at the end of the month `durationMonths` later, both kept inside the consortium's period.
 * No baseline yet: it is frozen when the plan is approved.
 */
export function planFromTemplate(
  items: readonly MilestoneTemplateItem[],
  consortium: Pick<Consortium, 'id' | 'startDate' | 'endDate'>,
  ctx: MutationContext,
): Milestone[] {
  return items.map((item) => {
    const startDate = clamp(addMonthsToDate(consortium.startDate, item.offsetMonths), consortium);
    const due = endOfMonth(
      addMonthsToDate(consortium.startDate, item.offsetMonths + item.durationMonths),
    );
    return {
      id: ctx.newId(),
      consortiumId: consortium.id,
      phase: item.phase,
      code: item.code,
      title: item.title,
      description: item.description,
      status: 'planned',
      baselineDate: null,
      forecastDate: clamp(due, consortium),
      actualDate: null,
      progress: 0,
      startDate,
      evidenceExpected: [...item.evidenceExpected],
      requiresKpiValues: item.requiresKpiValues,
      evidenceCount: 0,
      version: 1,
      updatedAt: ctx.now,
    };
  });
}

/** Applying the template starts a draft plan; a consortium that has one keeps it. */
export function startPlan(
  consortiumId: string,
  record: PlanRecord | null,
  ctx: MutationContext,
): PlanRecord {
  if (record) {
    throw milestoneRefusal(
      422,
      'plan_exists',
      `This consortium already has a ${record.status} plan`,
      {
        status: record.status,
      },
    );
  }
  return {
    consortiumId,
    status: 'draft',
    approvedAt: null,
    approvedBy: null,
    version: 1,
    updatedAt: ctx.now,
  };
}

/**
 * Approving a draft plan freezes each milestone's baseline at its current forecast; the slippage
 * of every later re-plan is measured from there.
 */
export function approvePlan(
  record: PlanRecord | null,
  milestones: readonly Milestone[],
  ctx: MutationContext,
): { plan: PlanRecord; milestones: Milestone[] } {
  if (!record || record.status !== 'draft') {
    throw milestoneRefusal(422, 'plan_not_draft', 'Only a draft plan can be approved', {
      status: record?.status ?? 'none',
    });
  }
  if (milestones.length === 0) {
    throw milestoneRefusal(422, 'plan_empty', 'A plan without milestones cannot be approved');
  }
  return {
    plan: {
      ...record,
      status: 'approved',
      approvedAt: ctx.now,
      approvedBy: ctx.actor.name,
      version: record.version + 1,
      updatedAt: ctx.now,
    },
    milestones: milestones.map((m) => ({
      ...m,
      baselineDate: m.forecastDate,
      version: m.version + 1,
      updatedAt: ctx.now,
    })),
  };
}

/**
 * A milestone added by hand. In a draft plan it waits for the approval like the others; added to
 * an approved plan, its baseline is frozen at once (there is no later approval to do it).
 */
export function newMilestone(
  input: MilestoneCreate,
  consortium: Pick<Consortium, 'id' | 'startDate' | 'endDate'>,
  existing: readonly Pick<Milestone, 'code'>[],
  record: PlanRecord | null,
  ctx: MutationContext,
): Milestone {
  for (const field of ['startDate', 'forecastDate'] as const) {
    if (input[field] < consortium.startDate || input[field] > consortium.endDate) {
      throw milestoneRefusal(
        422,
        'outside_consortium',
        `The ${field} must fall within the consortium period`,
        { field, between: [consortium.startDate, consortium.endDate] },
      );
    }
  }
  if (existing.some((m) => m.code === input.code)) {
    throw milestoneRefusal(
      422,
      'code_taken',
      `Another milestone of this consortium is ${input.code}`,
      {
        field: 'code',
      },
    );
  }
  return {
    id: ctx.newId(),
    consortiumId: consortium.id,
    ...input,
    status: 'planned',
    baselineDate: record?.status === 'approved' ? input.forecastDate : null,
    actualDate: null,
    progress: 0,
    evidenceCount: 0,
    version: 1,
    updatedAt: ctx.now,
  };
}

/**
 * Only a draft plan loses milestones, and only those with no history yet: in an approved plan a
 * milestone that is no longer wanted is waived, which keeps the record of it.
 */
export function checkMilestoneDeletion(
  record: PlanRecord | null,
  history: { events: number; evidence: number },
): void {
  if (record?.status === 'approved') {
    throw milestoneRefusal(
      422,
      'plan_approved',
      'Milestones of an approved plan are waived, not deleted',
    );
  }
  if (history.events > 0 || history.evidence > 0) {
    throw milestoneRefusal(
      422,
      'milestone_has_history',
      'This milestone has events or evidence; it cannot be deleted',
    );
  }
}

/** Template items that changed, keyed by code (null where an item was added or removed). */
export function templateAuditDiff(
  before: readonly MilestoneTemplateItem[],
  after: readonly MilestoneTemplateItem[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const old = new Map(before.map((i) => [i.code, i]));
  const next = new Map(after.map((i) => [i.code, i]));
  const diff = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const code of new Set([...old.keys(), ...next.keys()])) {
    const b = old.get(code) ?? null;
    const a = next.get(code) ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    diff.before[code] = b;
    diff.after[code] = a;
  }
  return diff;
}

/** Milestones across a programme: by consortium code, then each consortium's plan order. */
export function compareProgrammeMilestones(
  consortiumCode: (consortiumId: string) => string,
): (a: Milestone, b: Milestone) => number {
  return (a, b) =>
    compareText(consortiumCode(a.consortiumId), consortiumCode(b.consortiumId)) ||
    compareMilestones(a, b);
}

import type { Transaction } from 'kysely';
import type { ReportingPeriod } from '../../src/domain/contract';
import { preconditionFailed } from '../../src/domain/problems';
import {
  applyPeriodPatch,
  auditDiff,
  canSee,
  checkPeriodCreation,
  lockPeriod,
  openPeriod,
  periodChecklist,
  reopenPeriod,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext, type RequestContext } from '../context';
import { transaction } from '../db/guard';
import {
  consortiaOf,
  kpisOf,
  milestonesOf,
  periodOr404,
  periodsOf,
  periodValuesOf,
  localeOfUser,
  programmeOr404,
  settingsOf,
} from '../db/queries';
import type { DB } from '../db/schema';
import { requestArchive } from '../jobs/report-archive';
import type { Handlers } from './types';

const PERIOD_FIELDS = [
  'status',
  'deadline',
  'lockedAt',
  'reopenReason',
  'commentary',
] as const satisfies readonly (keyof ReportingPeriod)[];

/** Writes the period if nobody changed it since `current`, with its audit entry. */
async function savePeriod(
  tx: Transaction<DB>,
  ctx: RequestContext,
  action: 'period.update' | 'period.lock' | 'period.reopen',
  current: ReportingPeriod,
  next: ReportingPeriod,
): Promise<ReportingPeriod> {
  const { numUpdatedRows } = await tx
    .updateTable('reportingPeriods')
    .set({
      status: next.status,
      deadline: next.deadline,
      lockedAt: next.lockedAt,
      reopenedAt: next.reopenedAt,
      reopenReason: next.reopenReason,
      commentary: next.commentary,
      version: next.version,
    })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) throw preconditionFailed(await periodOr404(tx, current.id));
  const diff = auditDiff(current, next, PERIOD_FIELDS);
  await writeAudit(tx, ctx, {
    action,
    entityType: 'period',
    entityId: current.id,
    programmeId: current.programmeId,
    consortiumId: null,
    before: diff.before,
    // The period names the entry, as a KPI cell's period does.
    after: { ...diff.after, period: current.period },
  });
  return next;
}

/** Reads the period, checks the caller's version, applies `change` and saves it. */
function update(
  ctx: RequestContext,
  id: string,
  ifMatch: number | null,
  action: 'period.update' | 'period.lock' | 'period.reopen',
  change: (p: ReportingPeriod) => ReportingPeriod,
  /** More writes in the same transaction, once the period is saved. */
  then?: (tx: Transaction<DB>, saved: ReportingPeriod) => Promise<void>,
) {
  return transaction(ctx.db, async (tx) => {
    const current = await periodOr404(tx, id);
    if (current.version !== ifMatch) throw preconditionFailed(current);
    const saved = await savePeriod(tx, ctx, action, current, change(current));
    await then?.(tx, saved);
    return saved;
  });
}

export const periodHandlers: Pick<
  Handlers,
  | 'createPeriod'
  | 'getPeriod'
  | 'patchPeriod'
  | 'lockPeriod'
  | 'reopenPeriod'
  | 'getPeriodChecklist'
  | 'listPeriods'
> = {
  async listPeriods({ params, ctx }) {
    await programmeOr404(ctx.db, params.programmeId);
    return { items: await periodsOf(ctx.db, params.programmeId) };
  },

  async createPeriod({ params, body, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const programme = await programmeOr404(tx, params.programmeId);
      checkPeriodCreation(body, programme, await periodsOf(tx, programme.id));
      const period = openPeriod(body, programme.id, mutationContext(ctx));
      await tx.insertInto('reportingPeriods').values(period).execute();
      await writeAudit(tx, ctx, {
        action: 'period.open',
        entityType: 'period',
        entityId: period.id,
        programmeId: programme.id,
        consortiumId: null,
        before: null,
        after: { period: period.period, deadline: period.deadline },
      });
      return period;
    });
  },

  async getPeriod({ params, ctx }) {
    return periodOr404(ctx.db, params.periodId);
  },

  async patchPeriod({ params, body, ifMatch, ctx }) {
    return update(ctx, params.periodId, ifMatch, 'period.update', (p) => applyPeriodPatch(p, body));
  },

  async lockPeriod({ params, ifMatch, ctx }) {
    // The archive to come commits with the lock: a lock never stands without its report. It is
    // written in the locking manager's language.
    return update(
      ctx,
      params.periodId,
      ifMatch,
      'period.lock',
      (p) => lockPeriod(p, mutationContext(ctx)),
      async (tx, locked) =>
        requestArchive(tx, locked, await localeOfUser(tx, ctx.principal?.userId), ctx.clock.now()),
    );
  },

  async reopenPeriod({ params, body, ifMatch, ctx }) {
    return update(ctx, params.periodId, ifMatch, 'period.reopen', (p) =>
      reopenPeriod(p, body.reason, mutationContext(ctx)),
    );
  },

  async getPeriodChecklist({ params, ctx }) {
    const period = await periodOr404(ctx.db, params.periodId);
    // A lead or member reads their own consortium's list; managers and observers every one.
    const consortia = (await consortiaOf(ctx.db, period.programmeId)).filter((c) =>
      canSee(ctx.principal, { programmeId: period.programmeId, consortiumId: c.id }),
    );
    const ids = consortia.map((c) => c.id);
    return {
      period,
      consortia: periodChecklist({
        period,
        consortia,
        kpis: await kpisOf(ctx.db, period.programmeId),
        settings: await settingsOf(ctx.db, ids),
        values: await periodValuesOf(ctx.db, ids, period.period),
        milestones: await milestonesOf(ctx.db, ids),
      }),
    };
  },
};

import { sql } from 'kysely';
import { preconditionFailed, Problem } from '../../src/domain/problems';
import {
  applyProgrammePatch,
  auditDiff,
  AUDITED_FIELDS,
  buildHeatmap,
  buildPortfolio,
  cellPeriodOf,
  canSee,
  readerOf,
} from '../../src/domain/rules';
import { writeAudit } from '../audit';
import { mutationContext, type RequestContext } from '../context';
import { transaction } from '../db/guard';
import { programmeIdsOf } from './visibility';
import { toProgramme } from '../db/rows';
import {
  consortiaOf,
  latestValuesOf,
  kpisOf,
  milestonesOf,
  periodValuesOf,
  programmeOr404,
  settingsOf,
} from '../db/queries';
import packageJson from '../../package.json';
import type { Handlers } from './types';

export const programmeHandlers: Pick<
  Handlers,
  'health' | 'listProgrammes' | 'getProgramme' | 'patchProgramme' | 'getPortfolio' | 'getHeatmap'
> = {
  async health({ ctx }) {
    // A load balancer should take an instance out when its database is gone.
    const reachable = await sql`select 1`.execute(ctx.db).then(
      () => true,
      () => false,
    );
    if (!reachable) throw new Problem(503, 'unavailable', 'The database cannot be reached');
    // Which database and version run helps an attacker more than an anonymous health check.
    if (!ctx.principal) return { status: 'ok' };
    return { status: 'ok', database: ctx.databaseKind, version: packageJson.version };
  },

  async listProgrammes({ ctx }) {
    const ids = programmeIdsOf(ctx.principal);
    if (ids.length === 0) return { items: [] };
    const rows = await ctx.db
      .selectFrom('programmes')
      .selectAll()
      .where('id', 'in', ids)
      .orderBy('startDate')
      .orderBy('id')
      .execute();
    return { items: rows.map(toProgramme) };
  },

  async getProgramme({ params, ctx }) {
    return programmeOr404(ctx.db, params.programmeId);
  },

  async patchProgramme({ params, body, ifMatch, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const current = await programmeOr404(tx, params.programmeId);
      if (current.version !== ifMatch) throw preconditionFailed(current);
      const next = applyProgrammePatch(current, body, mutationContext(ctx));
      const { numUpdatedRows } = await tx
        .updateTable('programmes')
        .set({
          name: next.name,
          funder: next.funder,
          description: next.description,
          smallCountThreshold: next.smallCountThreshold,
          slippageToleranceDays: next.slippageToleranceDays,
          leadsSetTargets: next.leadsSetTargets,
          updatedAt: next.updatedAt,
          version: (eb) => eb('version', '+', 1),
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      // A writer that committed between the read and the update: answer as a stale If-Match.
      if (numUpdatedRows === 0n) throw preconditionFailed(await programmeOr404(tx, current.id));
      await writeAudit(tx, ctx, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: current.id,
        programmeId: current.id,
        consortiumId: null,
        ...auditDiff(current, next, AUDITED_FIELDS.programme),
      });
      return next;
    });
  },

  async getPortfolio({ params, query, ctx }) {
    const { programme, consortia, ids } = await visibleConsortia(ctx, params.programmeId);
    return buildPortfolio({
      programme,
      consortia,
      milestones: await milestonesOf(ctx.db, ids),
      kpis: await kpisOf(ctx.db, programme.id),
      settings: await settingsOf(ctx.db, ids),
      values: await latestValuesOf(ctx.db, ids),
      today: query.asOf ?? ctx.clock.today(),
      readerOf: (c) =>
        readerOf(ctx.principal, { programmeId: programme.id, consortiumId: c.id }, programme),
    });
  },

  async getHeatmap({ params, query, ctx }) {
    const { programme, consortia, ids } = await visibleConsortia(ctx, params.programmeId);
    const kpis = await kpisOf(ctx.db, programme.id);
    const periods = [...new Set(kpis.map((k) => cellPeriodOf(k, query.period)))];
    return buildHeatmap({
      programme,
      period: query.period,
      consortia,
      kpis,
      settings: await settingsOf(ctx.db, ids),
      values: await periodValuesOf(ctx.db, ids, periods),
      readerOf: (c) =>
        readerOf(ctx.principal, { programmeId: programme.id, consortiumId: c.id }, programme),
    });
  },
};

/** A lead or member sees only their own consortium of the programme. */
async function visibleConsortia(ctx: RequestContext, programmeId: string) {
  const programme = await programmeOr404(ctx.db, programmeId);
  const consortia = (await consortiaOf(ctx.db, programme.id)).filter((c) =>
    canSee(ctx.principal, { programmeId: programme.id, consortiumId: c.id }),
  );
  return { programme, consortia, ids: consortia.map((c) => c.id) };
}

import { createRequire } from 'node:module';
import { sql } from 'kysely';
import { buildPortfolio, canSee } from '../../src/domain/rules';
import { programmeIdsOf } from './visibility';
import { toPeriod, toProgramme } from '../db/rows';
import {
  consortiaOf,
  currentValuesOf,
  kpisOf,
  milestonesOf,
  programmeOr404,
  settingsOf,
} from '../db/queries';
import type { Handlers } from './types';

const { version: APP_VERSION } = createRequire(import.meta.url)('../../package.json') as {
  version: string;
};

export const programmeHandlers: Pick<
  Handlers,
  'health' | 'listProgrammes' | 'getProgramme' | 'getPortfolio' | 'listPeriods'
> = {
  async health({ ctx }) {
    // A load balancer should take an instance out when its database is gone.
    await sql`select 1`.execute(ctx.db);
    return { status: 'ok', database: ctx.databaseKind, version: APP_VERSION };
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

  async getPortfolio({ params, query, ctx }) {
    const programme = await programmeOr404(ctx.db, params.programmeId);
    // A lead or member sees only their own consortium in the portfolio.
    const consortia = (await consortiaOf(ctx.db, programme.id)).filter((c) =>
      canSee(ctx.principal, { programmeId: programme.id, consortiumId: c.id }),
    );
    const ids = consortia.map((c) => c.id);
    return buildPortfolio({
      programme,
      consortia,
      milestones: await milestonesOf(ctx.db, ids),
      kpis: await kpisOf(ctx.db, programme.id),
      settings: await settingsOf(ctx.db, ids),
      values: await currentValuesOf(ctx.db, ids),
      today: query.asOf ?? ctx.clock.today(),
    });
  },

  async listPeriods({ params, ctx }) {
    await programmeOr404(ctx.db, params.programmeId);
    const rows = await ctx.db
      .selectFrom('reportingPeriods')
      .selectAll()
      .where('programmeId', '=', params.programmeId)
      .orderBy('period')
      .execute();
    return { items: rows.map(toPeriod) };
  },
};

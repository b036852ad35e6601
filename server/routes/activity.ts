import type { Kysely } from 'kysely';
import type { AuditEntry, KpiDefinition } from '../../src/domain/contract';
import {
  can,
  seesSmallCounts,
  suppressAuditCounts,
  withoutInviteeAddress,
} from '../../src/domain/rules';
import { auditPage } from '../audit';
import type { DB } from '../db/schema';
import type { Handlers } from './types';

/** KPI-value entries as someone who must not see small counts (observers) reads them. */
async function suppressSmallCounts(db: Kysely<DB>, items: AuditEntry[]): Promise<AuditEntry[]> {
  const ids = items.filter((e) => e.entityType === 'kpiValue').map((e) => e.entityId);
  if (ids.length === 0) return items;
  const rows = await db
    .selectFrom('kpiValues as v')
    .innerJoin('kpis as k', 'k.id', 'v.kpiId')
    .innerJoin('programmes as p', 'p.id', 'k.programmeId')
    .select(['v.id', 'v.value', 'v.numerator', 'k.unit', 'k.aggregation', 'p.smallCountThreshold'])
    .where('v.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return items.map((e) => {
    const row = byId.get(e.entityId);
    if (e.entityType !== 'kpiValue' || !row) return e;
    // Stored by the CHECK constraints of migration 001 as the contract's enum values.
    const kpi = row as Pick<KpiDefinition, 'unit' | 'aggregation'>;
    return suppressAuditCounts(e, kpi, row, row.smallCountThreshold);
  });
}

/*
 * A consortium's history is every entry filed under it: the consortium itself, its milestones and
 * its KPI values, and the invitations into it, so one page answers "what happened here". A
 * milestone's history is that milestone's own entries.
 */
export const activityHandlers: Pick<
  Handlers,
  'listActivity' | 'consortiumHistory' | 'milestoneHistory'
> = {
  // Managers only (audit.readAll), who see small counts.
  listActivity: ({ params, query, ctx }) =>
    auditPage(ctx.db, { ...query, programmeId: params.programmeId }),

  async consortiumHistory({ params, query, ctx }) {
    const page = await auditPage(ctx.db, { ...query, consortiumId: params.consortiumId });
    const scope = ctx.scope ?? { programmeId: '' };
    let items = page.items;
    if (!can(ctx.principal, 'user.manage', scope)) items = items.map(withoutInviteeAddress);
    if (!seesSmallCounts(ctx.principal, scope)) items = await suppressSmallCounts(ctx.db, items);
    return { ...page, items };
  },

  milestoneHistory: ({ params, query, ctx }) =>
    auditPage(ctx.db, { ...query, entityType: 'milestone', entityId: params.milestoneId }),
};

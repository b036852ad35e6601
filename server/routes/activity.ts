import type { Kysely } from 'kysely';
import type { AuditEntry, KpiDefinition } from '../../src/domain/contract';
import { mustSuppress, seesSmallCounts } from '../../src/domain/rules';
import { auditPage } from '../audit';
import type { DB } from '../db/schema';
import type { Handlers } from './types';

const COUNT_FIELDS = ['value', 'numerator', 'denominator'] as const;
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * KPI-value entries read by someone who must not see small counts (observers): the counts are
 * blanked whenever either side of the change, completed by the stored row, is a small count.
 * The trail itself keeps the real numbers; this is a property of the reading, like `suppressed`.
 */
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
    const small = [e.before, e.after].some((side) =>
      mustSuppress(
        // Stored by the CHECK constraints of migration 001 as the contract's enum values.
        row as Pick<KpiDefinition, 'unit' | 'aggregation'>,
        {
          value: side && 'value' in side ? num(side.value) : row.value,
          numerator: side && 'numerator' in side ? num(side.numerator) : row.numerator,
        },
        row.smallCountThreshold,
      ),
    );
    if (!small) return e;
    const blank = (side: Record<string, unknown> | null) =>
      side && { ...side, ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, null])) };
    return { ...e, before: blank(e.before), after: blank(e.after) };
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
    if (ctx.scope && seesSmallCounts(ctx.principal, ctx.scope)) return page;
    return { ...page, items: await suppressSmallCounts(ctx.db, page.items) };
  },

  milestoneHistory: ({ params, query, ctx }) =>
    auditPage(ctx.db, { ...query, entityType: 'milestone', entityId: params.milestoneId }),
};

import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../src/domain/contract';
import {
  auditEntryForReader,
  can,
  readerOf,
  withoutInviteeAddress,
  type AuditSubject,
  type ReaderOptions,
} from '../../src/domain/rules';
import { auditPage } from '../audit';
import { programmeOr404 } from '../db/queries';
import type { DB } from '../db/schema';
import type { Handlers } from './types';

/** The numbers each KPI-value or settings entry is about, to decide what a reader sees of it. */
async function subjectsOf(db: Kysely<DB>, items: AuditEntry[]): Promise<Map<string, AuditSubject>> {
  const idsOf = (type: string) => items.filter((e) => e.entityType === type).map((e) => e.entityId);
  const valueIds = idsOf('kpiValue');
  const settingsIds = idsOf('consortiumKpi');
  const subjects = new Map<string, AuditSubject>();
  if (valueIds.length > 0) {
    const rows = await db
      .selectFrom('kpiValues as v')
      .innerJoin('kpis as k', 'k.id', 'v.kpiId')
      .select(['v.id', 'v.value', 'v.numerator', 'v.denominator', 'k.unit', 'k.aggregation'])
      .where('v.id', 'in', valueIds)
      .execute();
    for (const r of rows)
      subjects.set(`kpiValue:${r.id}`, { entityType: 'kpiValue', kpi: r, stored: r });
  }
  if (settingsIds.length > 0) {
    const rows = await db
      .selectFrom('consortiumKpis as s')
      .innerJoin('kpis as k', 'k.id', 's.kpiId')
      .select(['s.id', 'k.unit', 'k.aggregation'])
      .where('s.id', 'in', settingsIds)
      .execute();
    for (const r of rows)
      subjects.set(`consortiumKpi:${r.id}`, { entityType: 'consortiumKpi', kpi: r });
  }
  return subjects;
}

/** KPI-value and settings entries as a reader who must not see small counts (observers) reads them. */
async function forReader(db: Kysely<DB>, items: AuditEntry[], reader: ReaderOptions) {
  if (!reader.suppressSmallCounts) return items;
  const subjects = await subjectsOf(db, items);
  return items.map((e) =>
    auditEntryForReader(e, subjects.get(`${e.entityType}:${e.entityId}`) ?? null, reader),
  );
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
    const programme = await programmeOr404(ctx.db, scope.programmeId);
    items = await forReader(ctx.db, items, readerOf(ctx.principal, scope, programme));
    return { ...page, items };
  },

  milestoneHistory: ({ params, query, ctx }) =>
    auditPage(ctx.db, { ...query, entityType: 'milestone', entityId: params.milestoneId }),
};

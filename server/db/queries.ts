import { sql, type Kysely } from 'kysely';
import type {
  Consortium,
  ConsortiumKpi,
  KpiDefinition,
  KpiValue,
  Locale,
  Milestone,
  MilestoneEvent,
  Programme,
  ReportingPeriod,
} from '../../src/domain/contract';
import { currentValues } from '../../src/domain/rules/kpi-revisions';
import {
  compareConsortia,
  compareKpis,
  compareMilestones,
  compareReportingPeriods,
  compareText,
} from '../../src/domain/rules/ordering';
import { notFound } from '../../src/domain/problems';
import { comparePeriods } from '../../src/domain/rules/periods';
import {
  toConsortium,
  toConsortiumKpi,
  toKpi,
  toKpiValue,
  toMilestone,
  toMilestoneEvent,
  toPeriod,
  toProgramme,
} from './rows';
import type { DB } from './schema';

/** Reads shared by several handlers. `db` is the root handle or a transaction, never both. */
type Db = Kysely<DB>;

export async function programmeOr404(db: Db, id: string): Promise<Programme> {
  const row = await db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Programme');
  return toProgramme(row);
}

export async function consortiumOr404(db: Db, id: string): Promise<Consortium> {
  const row = await db.selectFrom('consortia').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Consortium');
  return toConsortium(row);
}

export async function consortiaOf(db: Db, programmeId: string | undefined): Promise<Consortium[]> {
  let q = db.selectFrom('consortia').selectAll();
  if (programmeId !== undefined) q = q.where('programmeId', '=', programmeId);
  // Sorted here, not in SQL: the database's collation would decide the order otherwise.
  return (await q.execute()).map(toConsortium).sort(compareConsortia);
}

function milestoneQuery(db: Db) {
  return db
    .selectFrom('milestones as m')
    .selectAll('m')
    .select(
      sql<number>`(select count(*)::int from evidence e where e.milestone_id = m.id)`.as(
        'evidenceCount',
      ),
    );
}

export async function milestoneOr404(db: Db, id: string): Promise<Milestone> {
  const row = await milestoneQuery(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Milestone');
  return toMilestone(row);
}

export async function milestonesOf(db: Db, consortiumIds: readonly string[]): Promise<Milestone[]> {
  if (consortiumIds.length === 0) return [];
  const rows = await milestoneQuery(db).where('m.consortiumId', 'in', consortiumIds).execute();
  return rows
    .map(toMilestone)
    .sort((a, b) => compareText(a.consortiumId, b.consortiumId) || compareMilestones(a, b));
}

/** The forecast moves of these milestones, each with the reason its author gave. */
export async function replanEventsOf(
  db: Db,
  milestoneIds: readonly string[],
): Promise<MilestoneEvent[]> {
  if (milestoneIds.length === 0) return [];
  const rows = await db
    .selectFrom('milestoneEvents')
    .selectAll()
    .where('type', '=', 'replan')
    .where('milestoneId', 'in', milestoneIds)
    .execute();
  return rows.map(toMilestoneEvent);
}

/** The language of a signed-in user's account; French (the programme's) for anyone else. */
export async function localeOfUser(db: Db, userId: string | undefined): Promise<Locale> {
  if (userId === undefined) return 'fr';
  const user = await db
    .selectFrom('users')
    .select('locale')
    .where('id', '=', userId)
    .executeTakeFirst();
  return user?.locale ?? 'fr';
}

export async function kpiOr404(db: Db, id: string): Promise<KpiDefinition> {
  const row = await db.selectFrom('kpis').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('KPI');
  return toKpi(row);
}

export async function kpisOf(db: Db, programmeId: string | undefined): Promise<KpiDefinition[]> {
  let q = db.selectFrom('kpis').selectAll();
  if (programmeId !== undefined) q = q.where('programmeId', '=', programmeId);
  return (await q.execute()).map(toKpi).sort(compareKpis);
}

export async function settingsOf(
  db: Db,
  consortiumIds: readonly string[],
): Promise<ConsortiumKpi[]> {
  if (consortiumIds.length === 0) return [];
  const rows = await db
    .selectFrom('consortiumKpis as s')
    .innerJoin('kpis as k', 'k.id', 's.kpiId')
    .selectAll('s')
    .where('s.consortiumId', 'in', consortiumIds)
    .orderBy('s.consortiumId')
    .orderBy('k.code')
    .execute();
  return rows.map(toConsortiumKpi);
}

/** Current (highest-revision) values of the given consortia, optionally of one KPI. */
export async function currentValuesOf(
  db: Db,
  consortiumIds: readonly string[],
  kpiId?: string,
): Promise<KpiValue[]> {
  if (consortiumIds.length === 0) return [];
  let q = db.selectFrom('kpiValues').selectAll().where('consortiumId', 'in', consortiumIds);
  if (kpiId !== undefined) q = q.where('kpiId', '=', kpiId);
  return currentValues((await q.execute()).map(toKpiValue));
}

/**
 * The latest period's current value of each KPI a consortium tracks: all a portfolio card needs
 * for its statuses, read as a few rows per cell instead of every period and revision. Text order
 * is time order only among periods of one format, and a KPI that changed frequency has several:
 * SQL keeps the latest of each format, comparePeriods picks among them.
 */
export async function latestValuesOf(
  db: Db,
  consortiumIds: readonly string[],
): Promise<KpiValue[]> {
  if (consortiumIds.length === 0) return [];
  const format = sql<number>`length(period) + position('Q' in period)`;
  const rows = await db
    .selectFrom('kpiValues')
    .selectAll()
    .distinctOn(['consortiumId', 'kpiId', format])
    .where('consortiumId', 'in', consortiumIds)
    .orderBy('consortiumId')
    .orderBy('kpiId')
    .orderBy(format)
    .orderBy('period', 'desc')
    .orderBy('revision', 'desc')
    .execute();
  const latest = new Map<string, KpiValue>();
  for (const value of rows.map(toKpiValue)) {
    const key = `${value.consortiumId}|${value.kpiId}`;
    const seen = latest.get(key);
    if (!seen || comparePeriods(value.period, seen.period) > 0) latest.set(key, value);
  }
  return [...latest.values()];
}

export async function currentValueOf(
  db: Db,
  consortiumId: string,
  kpiId: string,
  period: string,
): Promise<KpiValue | null> {
  const rows = await db
    .selectFrom('kpiValues')
    .selectAll()
    .where('consortiumId', '=', consortiumId)
    .where('kpiId', '=', kpiId)
    .where('period', '=', period)
    .execute();
  return currentValues(rows.map(toKpiValue))[0] ?? null;
}

export async function periodsOf(db: Db, programmeId: string): Promise<ReportingPeriod[]> {
  const rows = await db
    .selectFrom('reportingPeriods')
    .selectAll()
    .where('programmeId', '=', programmeId)
    .execute();
  return rows.map(toPeriod).sort(compareReportingPeriods);
}

export async function periodOr404(db: Db, id: string): Promise<ReportingPeriod> {
  const row = await db
    .selectFrom('reportingPeriods')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Reporting period');
  return toPeriod(row);
}

/** Current values of one period for the given consortia (every revision of that period only). */
export async function periodValuesOf(
  db: Db,
  consortiumIds: readonly string[],
  period: string | readonly string[],
): Promise<KpiValue[]> {
  const periods = typeof period === 'string' ? [period] : period;
  if (consortiumIds.length === 0 || periods.length === 0) return [];
  const rows = await db
    .selectFrom('kpiValues')
    .selectAll()
    .where('consortiumId', 'in', consortiumIds)
    .where('period', 'in', periods)
    .execute();
  return currentValues(rows.map(toKpiValue));
}

/** A consortium's settings for one KPI; null while it does not track it. */
export async function settingsOr(
  db: Db,
  consortiumId: string,
  kpiId: string,
): Promise<ConsortiumKpi | null> {
  const row = await db
    .selectFrom('consortiumKpis')
    .selectAll()
    .where('consortiumId', '=', consortiumId)
    .where('kpiId', '=', kpiId)
    .executeTakeFirst();
  return row ? toConsortiumKpi(row) : null;
}

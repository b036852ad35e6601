import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dataset } from '../../src/domain/demo/dataset';
import { DEMO_PASSWORD } from '../../src/domain/demo/people';
import { demoFileContent } from '../../src/domain/demo/evidence-files';
import {
  BENCH_CONSORTIUM_ID,
  BENCH_KPI_CODE,
  buildBenchSeries,
} from '../../src/domain/demo/kpi-bench';
import { transaction } from './guard';
import {
  consortiumKpiRow,
  consortiumRow,
  kpiRow,
  kpiValueRow,
  milestoneRow,
  milestoneTemplateRow,
  toKpi,
} from './rows';
import type { PasswordHasher } from '../ports';
import { TABLES, type DB } from './schema';

// Keeps each INSERT well under PostgreSQL's 65,535-parameter limit.
const CHUNK = 500;

async function insertAll<T extends keyof DB>(
  tx: Transaction<DB>,
  table: T,
  rows: readonly Record<string, unknown>[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The row builders produce exactly the table's insertable shape; Kysely cannot see it through T.
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

/**
 * Loads a whole dataset, in foreign-key order, inside the caller's transaction. With `demo`, every
 * user gets that (already computed) password hash and the database is marked as holding the demo,
 * which is what lets `serve` print the demo accounts.
 */
export async function insertDataset(
  tx: Transaction<DB>,
  d: Dataset,
  demo?: { passwordHash: string },
): Promise<void> {
  await insertAll(tx, 'programmes', d.programmes);
  await insertAll(tx, 'consortia', d.consortia.map(consortiumRow));
  await insertAll(tx, 'milestones', d.milestones.map(milestoneRow));
  await insertAll(tx, 'milestoneEvents', d.milestoneEvents);
  await insertAll(tx, 'evidence', d.evidence);
  await insertAll(
    tx,
    'evidenceFiles',
    d.evidence
      .filter((e) => e.kind === 'file')
      .map((e) => ({ evidenceId: e.id, content: demoFileContent(e) })),
  );
  await insertAll(tx, 'milestoneTemplates', d.milestoneTemplates.map(milestoneTemplateRow));
  await insertAll(tx, 'milestonePlans', d.milestonePlans);
  await insertAll(tx, 'kpis', d.kpis.map(kpiRow));
  await insertAll(tx, 'consortiumKpis', d.consortiumKpis.map(consortiumKpiRow));
  await insertAll(tx, 'kpiValues', d.kpiValues.map(kpiValueRow));
  await insertAll(tx, 'reportingPeriods', d.periods);
  await insertAll(
    tx,
    'users',
    d.users.map(({ memberships: _m, ...u }) => ({
      ...u,
      version: 1,
      passwordHash: demo?.passwordHash ?? null,
    })),
  );
  await insertAll(
    tx,
    'memberships',
    d.users.flatMap((u) => u.memberships.map((m, position) => ({ userId: u.id, position, ...m }))),
  );
  if (demo) await tx.insertInto('settings').values({ key: 'demo', value: 'true' }).execute();
}

/**
 * Adds the benchmark's long series (`jalon seed --kpi-series N`): consortium `bench-series` of the
 * demo programme with N monthly PAT_INC values. Needs the demo programme; refuses to add it twice.
 */
export async function insertKpiSeries(
  db: Kysely<DB>,
  points: number,
  at: { today: string; now: string },
  programmeId = 'pascaline',
): Promise<void> {
  await transaction(db, async (tx) => {
    const programme = await tx
      .selectFrom('programmes')
      .select(['id', 'endDate'])
      .where('id', '=', programmeId)
      .executeTakeFirst();
    const kpi = await tx
      .selectFrom('kpis')
      .selectAll()
      .where('programmeId', '=', programmeId)
      .where('code', '=', BENCH_KPI_CODE)
      .executeTakeFirst();
    if (!programme || !kpi) throw new Error(`Load the demo programme first (${programmeId})`);
    const taken = await tx
      .selectFrom('consortia')
      .select('id')
      .where('id', '=', BENCH_CONSORTIUM_ID)
      .executeTakeFirst();
    if (taken) throw new Error(`The bench consortium ${BENCH_CONSORTIUM_ID} is already loaded`);
    const bench = buildBenchSeries(programme, toKpi(kpi), points, at.today, at.now);
    await insertAll(tx, 'consortia', [consortiumRow(bench.consortium)]);
    await insertAll(tx, 'consortiumKpis', [consortiumKpiRow(bench.settings)]);
    await insertAll(tx, 'kpiValues', bench.values.map(kpiValueRow));
  });
}

/**
 * Loads `dataset` as the demo (every account with the demo password) when the database is empty,
 * as `npm start` and the in-browser demo of `npm run dev` both do. False when it held data.
 */
export async function seedEmpty(
  db: Kysely<DB>,
  dataset: () => Dataset,
  passwords: PasswordHasher,
): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  // Hashed once, outside the transaction, and shared by every demo account.
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  return transaction(db, async (tx) => {
    if (!(await isEmpty(tx))) return false;
    await insertDataset(tx, dataset(), { passwordHash });
    return true;
  });
}

export async function isDemo(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  return row?.value === 'true';
}

/** True when no table holds a row: the only state in which seeding or restoring may proceed. */
export async function isEmpty(db: Kysely<DB> | Transaction<DB>): Promise<boolean> {
  for (const table of TABLES) {
    const { rows } = await sql<{
      found: boolean;
    }>`select exists (select 1 from ${sql.table(table)}) as found`.execute(db);
    if (rows[0]?.found) return false;
  }
  return true;
}

export async function truncateAll(tx: Transaction<DB>): Promise<void> {
  await sql`truncate ${sql.join(TABLES.map((t) => sql.table(t)))} cascade`.execute(tx);
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { Dataset } from '../../src/domain/demo/dataset';
import { consortiumKpiRow, consortiumRow, kpiRow, kpiValueRow, milestoneRow } from './rows';
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

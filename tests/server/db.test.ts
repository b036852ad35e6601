import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@domain/demo/generate';
import { RestoreRefusedError, dumpSql, restoreSql, tableChecksums } from '@server/db/backup';
import { RootHandleInTransactionError, transaction } from '@server/db/guard';
import { migrate } from '@server/db/migrate';
import { openDatabase, type Database } from '@server/node/database';
import { insertDataset } from '@server/db/store';
import { DEMO_TODAY } from '../contract/target';

async function seeded(): Promise<Database> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database.db);
  // With accounts, so that password hashes and the demo flag take part in the round trip.
  await transaction(database.db, (tx) =>
    insertDataset(tx, generateDemo({ today: DEMO_TODAY }), { passwordHash: '$argon2id$test' }),
  );
  return database;
}

describe('transaction guard', () => {
  it('throws when the root handle is used inside a transaction, instead of deadlocking', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    const { db } = database;
    const misuse = transaction(db, async (tx) => {
      await sql`select 1`.execute(tx);
      await sql`select 2`.execute(db);
    });
    await expect(misuse).rejects.toBeInstanceOf(RootHandleInTransactionError);
    await expect(
      transaction(db, () => transaction(db, () => Promise.resolve(1))),
    ).rejects.toBeInstanceOf(RootHandleInTransactionError);
    // The connection is free again: the failed transaction rolled back and released it.
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    await database.close();
  });
});

describe('migrations', () => {
  it('apply once and are a no-op the second time', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    expect(await migrate(database.db)).toEqual([
      '001-initial',
      '002-accounts-and-audit',
      '003-milestone-plans',
      '004-kpi-catalogue',
      '005-milestone-withdraw',
      '006-jobs',
      '007-reporting-cycle',
      '008-report-archives',
    ]);
    expect(await migrate(database.db)).toEqual([]);
    await database.close();
  });
});

describe('backup and restore', () => {
  it('round-trips every table exactly', async () => {
    const source = await seeded();
    const dump = await dumpSql(source.db);
    const before = await tableChecksums(source.db);
    await source.close();
    expect(dump.split('\n')[0]).toBe('-- Jalon backup');
    expect(dump).toMatch(/^INSERT INTO "programmes" \(/m);

    const target = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(target.db);
    const rows = await restoreSql(target.db, dump);
    expect(rows).toBeGreaterThan(400);
    expect(await tableChecksums(target.db)).toEqual(before);

    await expect(restoreSql(target.db, dump)).rejects.toBeInstanceOf(RestoreRefusedError);
    await restoreSql(target.db, dump, { force: true });
    expect(await tableChecksums(target.db)).toEqual(before);
    await expect(restoreSql(target.db, 'DROP TABLE users;')).rejects.toThrow('not a Jalon backup');
    await target.close();
  });
});

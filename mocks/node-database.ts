import { Blob as NodeBlob } from 'node:buffer';
import { PGlite } from '@electric-sql/pglite';
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '@domain/contract/common';
import { generateDemo } from '@domain/demo/generate';
import { transaction } from '@server/db/guard';
import { createKysely, PGLITE_PARSERS } from '@server/db/kysely';
import { migrate } from '@server/db/migrate';
import { PGliteDialect } from '@server/db/pglite-dialect';
import { seedEmpty } from '@server/db/store';
import { TABLES, type DB, type TableName } from '@server/db/schema';
import type { PasswordHasher } from '@server/ports';

/*
 * The mocks' database in Node: an in-memory PGlite. Creating one costs seconds (initdb), so a
 * test run builds the seeded demo once as a data-directory snapshot and every test file loads it.
 * The snapshot keeps a pristine copy of every table and a statement trigger on each that notes
 * which tables a test changed, so putting the demo back between tests copies only those.
 */

export interface MockDatabase {
  db: Kysely<DB>;
  /** Puts back every table a test changed; sessions too unless `keepSessions`. */
  restore(options?: { keepSessions?: boolean }): Promise<void>;
  close(): Promise<void>;
}

const PRISTINE = 'pristine';
const table = (name: string, schema = 'public') => sql.table(`${schema}.${name}`);

async function keepPristineCopy(db: Kysely<DB>): Promise<void> {
  await sql`create schema ${sql.id(PRISTINE)}`.execute(db);
  await sql`create table pristine.changed (name text primary key)`.execute(db);
  await sql`create function pristine.note_change() returns trigger language plpgsql as $$
    begin
      insert into pristine.changed values (tg_table_name) on conflict do nothing;
      return null;
    end $$`.execute(db);
  for (const name of TABLES) {
    await sql`create table ${table(name, PRISTINE)} as table ${table(name)}`.execute(db);
    await sql`create trigger mock_changed after insert or update or delete or truncate
      on ${table(name)} for each statement execute function pristine.note_change()`.execute(db);
  }
}

/** The demo for `today`, migrated and seeded, as a PGlite data-directory tarball. */
export async function buildDemoSnapshot(
  today: IsoDate,
  passwords: PasswordHasher,
): Promise<Uint8Array> {
  const pglite = new PGlite({ parsers: PGLITE_PARSERS });
  const db = createKysely(new PGliteDialect(pglite));
  try {
    await migrate(db);
    await seedEmpty(db, () => generateDemo({ today }), passwords);
    await keepPristineCopy(db);
    const tarball = await pglite.dumpDataDir('none');
    return new Uint8Array(await tarball.arrayBuffer());
  } finally {
    await db.destroy();
  }
}

export function openMockDatabase(snapshot: Uint8Array): MockDatabase {
  const pglite = new PGlite({
    // Node's own Blob: the test environment's (jsdom) cannot be read back as an ArrayBuffer.
    loadDataDir: new NodeBlob([snapshot]) as unknown as Blob,
    parsers: PGLITE_PARSERS,
  });
  const db = createKysely(new PGliteDialect(pglite));

  async function restore({ keepSessions = false } = {}) {
    const { rows } = await sql<{ name: string }>`select name from pristine.changed`.execute(db);
    const changed = new Set(rows.map((r) => r.name));
    if (keepSessions) changed.delete('sessions');
    if (changed.size === 0) return;
    await transaction(db, async (tx) => {
      // Replica mode switches off triggers, foreign keys included, for this transaction: each
      // changed table is put back on its own, without emptying the tables that refer to it, and
      // the audit log's append-only trigger lets its rows be replaced.
      await sql`set local session_replication_role = replica`.execute(tx);
      for (const name of TABLES.filter((t: TableName) => changed.has(t))) {
        await sql`delete from ${table(name)}`.execute(tx);
        await sql`insert into ${table(name)} select * from ${table(name, PRISTINE)}`.execute(tx);
      }
      await sql`delete from pristine.changed where name <> 'sessions' or ${!keepSessions}`.execute(
        tx,
      );
    });
  }

  return { db, restore, close: () => db.destroy() };
}

import { Migrator, sql, type Kysely } from 'kysely';
import { migrationProvider } from './migrations';
import type { DB } from './schema';

async function applied(db: Kysely<DB>, schema: string | undefined): Promise<Set<string> | null> {
  const table = schema ? `${schema}.kysely_migration` : 'kysely_migration';
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(db);
    return new Set(rows.map((r) => r.name));
  } catch {
    return null;
  }
}

/**
 * Applies pending migrations; running it again is a no-op. Returns the names it applied.
 * `schema` confines the bookkeeping tables too (the Migrator otherwise finds another schema's).
 */
export async function migrate(db: Kysely<DB>, schema?: string): Promise<string[]> {
  // The Migrator's own bookkeeping costs most of a second on PGlite; skip it when nothing is due.
  const done = await applied(db, schema);
  const known = Object.keys(await migrationProvider.getMigrations());
  if (done && known.every((name) => done.has(name))) return [];

  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

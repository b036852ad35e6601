import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { installTransactionGuard } from '../db/guard';
import { createKysely, DATE_OID, keepDate, PGLITE_PARSERS, type Database } from '../db/kysely';
import { PGliteDialect } from '../db/pglite-dialect';
import { lockDataDir, type DirLock } from './lock';

export type { Database, DatabaseKind } from '../db/kysely';

export type DatabaseOptions =
  | {
      kind: 'pglite';
      /** Holds the lock file and PGlite's own `pgdata`; null: in memory (tests). */ dataDir:
        string | null;
    }
  | {
      kind: 'postgres';
      url: string;
      /** Confines the connection to one schema (tests). */ schema?: string;
    };

// In Node the root handle refuses to run inside a transaction (pitfall §3.2 of the reliability plan).
installTransactionGuard(new AsyncLocalStorage<true>());

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  let lock: DirLock | null = null;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    lock = await lockDataDir(dataDir);
  }
  try {
    // relaxedDurability stays off: an acknowledged commit must reach the OS before we answer.
    // PGlite's initdb wants a directory of its own, so the lock (and later, uploads) sit beside it.
    const pgData = dataDir === null ? {} : { dataDir: join(dataDir, 'pgdata') };
    const pglite = new PGlite({ ...pgData, parsers: PGLITE_PARSERS });
    await pglite.waitReady;
    const db = createKysely(new PGliteDialect(pglite));
    return {
      db,
      kind: 'pglite',
      async close() {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    // PGlite reports a broken data directory as a bare WASM exit; say which directory it was.
    const message =
      typeof error === 'object' && error !== null && 'message' in error ? error.message : null;
    const reason = typeof message === 'string' ? message : 'unknown error';
    throw new DatabaseUnavailableError(
      `Cannot open the PGlite database in ${dataDir ?? 'memory'}: ${reason}`,
    );
  }
}

function describeTarget(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

async function openPostgres(url: string, schema: string | undefined): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    // A wrong or unreachable server must fail start-up quickly, not hang.
    connectionTimeoutMillis: 5_000,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? keepDate
          : (pg.types.getTypeParser(oid, format) as (
              value: string,
            ) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = createKysely(new PostgresDialect({ pool }));
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at ${describeTarget(url)}: ${reason}`,
    );
  }
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'pglite'
    ? openPGlite(options.dataDir)
    : openPostgres(options.url, options.schema);
}

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type Dialect } from 'kysely';
import pg from 'pg';
import { guardDialect } from './guard';
import { lockDataDir, type DirLock } from './lock';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

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

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

const DATE_OID = 1082;
// Calendar dates stay 'YYYY-MM-DD' strings: turning them into Date objects shifts them by time zone.
const keepDate = (value: string) => value;

function kysely(dialect: Dialect): Kysely<DB> {
  return new Kysely<DB>({
    dialect: guardDialect(dialect),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}

async function openPGlite(dataDir: string | null): Promise<Database> {
  let lock: DirLock | null = null;
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  try {
    // relaxedDurability stays off: an acknowledged commit must reach the OS before we answer.
    // PGlite's initdb wants a directory of its own, so the lock (and later, uploads) sit beside it.
    const pgData = dataDir === null ? {} : { dataDir: join(dataDir, 'pgdata') };
    const pglite = new PGlite({ ...pgData, parsers: { [DATE_OID]: keepDate } });
    await pglite.waitReady;
    const db = kysely(new PGliteDialect(pglite));
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
  const db = kysely(new PostgresDialect({ pool }));
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

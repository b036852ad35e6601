import { sql, type Kysely, type Transaction } from 'kysely';
import { transaction } from './guard';
import { LATEST_MIGRATION } from './migrations';
import { TABLES, type DB, type TableName } from './schema';
import { isEmpty, truncateAll } from './store';

const HEADER = '-- Jalon backup';
const SCHEMA_LINE = /^-- schema: (\S+)$/m;

/** Postgres escape-string literal on one line, so the dump is one statement per line. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : `'${value}'`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const escaped = text.replace(/[\\'\n\r\t]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\${c}`,
  );
  return `E'${escaped}'`;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table as INSERT statements in foreign-key order, plain SQL that psql could also run.
 * Rows come out as PostgreSQL's own JSON rendering so timestamps keep full precision.
 */
export async function dumpSql(db: Kysely<DB>): Promise<string> {
  return transaction(db, async (tx) => {
    await sql`set transaction isolation level repeatable read`.execute(tx).catch(() => undefined);
    const lines = [
      HEADER,
      `-- schema: ${LATEST_MIGRATION}`,
      `-- taken: ${new Date().toISOString()}`,
    ];
    for (const table of TABLES) {
      const { rows } = await sql<{ r: Record<string, unknown> }>`
        select row_to_json(t) as r from ${sql.table(table)} t order by row_to_json(t)::text`.execute(
        tx,
      );
      // row_to_json keeps the database's column names; CamelCasePlugin leaves nested keys alone.
      for (const { r } of rows) {
        const cols = Object.keys(r);
        lines.push(
          `INSERT INTO ${ident(table)} (${cols.map(ident).join(', ')}) VALUES (${cols.map((c) => literal(r[c])).join(', ')});`,
        );
      }
    }
    return `${lines.join('\n')}\n`;
  });
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** Loads a dump into a migrated database; refuses a non-empty one unless `force` (then wipes it). */
export async function restoreSql(
  db: Kysely<DB>,
  dump: string,
  options: { force?: boolean } = {},
): Promise<number> {
  if (!dump.startsWith(HEADER)) throw new RestoreRefusedError('This file is not a Jalon backup');
  const schema = SCHEMA_LINE.exec(dump)?.[1];
  if (schema !== LATEST_MIGRATION) {
    throw new RestoreRefusedError(
      `The backup is of schema ${schema ?? 'unknown'}, this server is at ${LATEST_MIGRATION}`,
    );
  }
  const statements = dump.split('\n').filter((l) => l.startsWith('INSERT INTO '));
  const allowed = new Set<string>(TABLES.map((t) => ident(t)));
  for (const s of statements) {
    const table = /^INSERT INTO ("[a-z_]+") /.exec(s)?.[1];
    if (!table || !allowed.has(table))
      throw new RestoreRefusedError('The backup contains an unexpected statement');
  }
  return transaction(db, async (tx: Transaction<DB>) => {
    if (!(await isEmpty(tx))) {
      if (!options.force)
        throw new RestoreRefusedError('The database is not empty; use --force to replace its data');
      await truncateAll(tx);
    }
    for (const s of statements) await sql.raw(s).execute(tx);
    // Restored rows carry their ids; move the sequences past them or the next insert collides.
    for (const table of ['audit_log', 'security_events']) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
        coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(tx);
    }
    return statements.length;
  });
}

/** md5 of each table's rows in a fixed order: equal checksums mean equal contents. */
export async function tableChecksums(db: Kysely<DB>): Promise<Record<TableName, string>> {
  return transaction(db, async (tx) => {
    // Timestamps render in the session's time zone: pin it so two servers compare equal.
    await sql`set local time zone 'UTC'`.execute(tx);
    const out = {} as Record<TableName, string>;
    for (const table of TABLES) {
      const { rows } = await sql<{ sum: string | null }>`
        select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
        from ${sql.table(table)} t`.execute(tx);
      out[table] = rows[0]?.sum ?? '';
    }
    return out;
  });
}

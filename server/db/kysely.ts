import { CamelCasePlugin, Kysely, type Dialect } from 'kysely';
import { guardDialect } from './guard';
import type { DB } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export const DATE_OID = 1082;
// Calendar dates stay 'YYYY-MM-DD' strings: turning them into Date objects shifts them by time zone.
export const keepDate = (value: string) => value;

/** PGlite's type parsers, wherever it runs (Node, the browser, tests). */
export const PGLITE_PARSERS = { [DATE_OID]: keepDate };

/** The query builder every runtime uses: camelCase in TypeScript, snake_case in SQL. */
export function createKysely(dialect: Dialect): Kysely<DB> {
  return new Kysely<DB>({
    dialect: guardDialect(dialect),
    plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
  });
}

import { sql, type Kysely, type Migration } from 'kysely';

// KPI catalogue settings. One statement per entry: PGlite runs parameterised queries one statement at a time.
const statements: string[] = [];

export const kpiCatalogue: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

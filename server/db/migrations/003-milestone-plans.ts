import { sql, type Kysely, type Migration } from 'kysely';

// Milestone templates, plans, evidence files. One statement per entry: PGlite runs parameterised queries one statement at a time.
const statements: string[] = [];

export const milestonePlans: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/*
 * KPI catalogue settings. The reads of this issue need no new index: the series reads one KPI
 * across consortia (kpi_values_series_idx, migration 001), and a cell's history and a
 * consortium's values are prefixes of the (consortium, KPI, period, revision) unique key.
 * One statement per entry: PGlite runs parameterised queries one statement at a time.
 */
const statements: string[] = [
  // Managers always set baselines, targets and bands; leads only where the programme allows it.
  `ALTER TABLE programmes ADD COLUMN leads_set_targets boolean NOT NULL DEFAULT false`,
];

export const kpiCatalogue: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/*
 * The reporting cycle: a period records when it was opened, its last reopening and why, and the
 * manager's commentary for the steering committee. Rows written before read "opened when
 * migrated" rather than inventing a date.
 */
const statements: string[] = [
  `ALTER TABLE reporting_periods ADD COLUMN opened_at timestamptz NOT NULL DEFAULT now()`,
  `ALTER TABLE reporting_periods ADD COLUMN reopened_at timestamptz`,
  `ALTER TABLE reporting_periods ADD COLUMN reopen_reason text`,
  `ALTER TABLE reporting_periods ADD COLUMN commentary text NOT NULL DEFAULT ''`,
  `ALTER TABLE reporting_periods ADD CONSTRAINT reporting_periods_reopen_reason
    CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL))`,
];

export const reportingCycle: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

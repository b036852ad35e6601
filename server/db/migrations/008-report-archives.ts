import { sql, type Kysely, type Migration } from 'kysely';

/*
 * The steering-committee report archived at each lock (decision 012): version N of a period's
 * PDF, its bytes and SHA-256 once a job has rendered it. A row is written pending in the lock's
 * transaction, so a lock never commits without its archive to come; ready bytes never change.
 */
const statements: string[] = [
  `CREATE TABLE report_archives (
    id text PRIMARY KEY,
    period_id text NOT NULL REFERENCES reporting_periods (id),
    version integer NOT NULL CHECK (version >= 1),
    status text NOT NULL CHECK (status IN ('pending', 'ready', 'failed')),
    language text NOT NULL CHECK (language IN ('fr', 'en')),
    bytes bytea,
    sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    requested_at timestamptz NOT NULL,
    generated_at timestamptz,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    error text,
    UNIQUE (period_id, version),
    CHECK ((status = 'ready') = (bytes IS NOT NULL AND sha256 IS NOT NULL AND generated_at IS NOT NULL))
  )`,
];

export const reportArchives: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

import { sql, type Kysely, type Migration } from 'kysely';

/*
 * Durable jobs (decision 011): one row per job, claimed with FOR UPDATE SKIP LOCKED under a
 * lease. Status is derived from the columns rather than stored, so there is no status list to
 * keep in step with code. The dedupe key is what makes scheduling idempotent across restarts and
 * instances: a second INSERT of the same key does nothing.
 */
const statements: string[] = [
  `CREATE TABLE jobs (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,99}$'),
    key text NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 500),
    -- An object, never a bare scalar: the SQL dump writes scalars as literals jsonb refuses.
    payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    run_at timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 100),
    last_error text,
    locked_by text,
    locked_until timestamptz,
    done_at timestamptz,
    failed_at timestamptz,
    created_at timestamptz NOT NULL,
    CHECK ((locked_by IS NULL) = (locked_until IS NULL)),
    CHECK (done_at IS NULL OR failed_at IS NULL)
  )`,
  // The claim scans only unfinished jobs in run_at order; finished ones pile up outside it.
  `CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL`,
];

export const jobs: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

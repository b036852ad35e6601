import { sql, type Kysely, type Migration } from 'kysely';
// A frozen copy: what this migration writes must not change when the demo template does.
import defaultTemplate from './003-default-template.json';

const VERSION = `integer NOT NULL DEFAULT 1 CHECK (version >= 1)`;
/** The incubator's twelve-phase template (domain brief §4), as a SQL literal. */
const DEFAULT_TEMPLATE = `'${JSON.stringify(defaultTemplate).replace(/'/g, "''")}'::jsonb`;

/*
 * Milestone templates, plans and stored evidence files. Programmes and consortia that exist
 * already get the default template, and a plan that says what their milestones are: approved
 * when every one has a baseline, a draft otherwise.
 * One statement per entry: PGlite runs parameterised queries one statement at a time.
 */
const statements: string[] = [
  `CREATE TABLE milestone_templates (
    programme_id text PRIMARY KEY REFERENCES programmes (id),
    items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
    version ${VERSION},
    updated_at timestamptz NOT NULL
  )`,
  `CREATE TABLE milestone_plans (
    consortium_id text PRIMARY KEY REFERENCES consortia (id),
    status text NOT NULL CHECK (status IN ('draft', 'approved')),
    approved_at timestamptz,
    approved_by text,
    version ${VERSION},
    updated_at timestamptz NOT NULL
  )`,
  `ALTER TABLE evidence ADD COLUMN covers text`,
  // The bytes live apart from the row so that listing evidence never reads them.
  `CREATE TABLE evidence_files (
    evidence_id text PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
    content bytea NOT NULL
  )`,
  `INSERT INTO milestone_templates (programme_id, items, version, updated_at)
    SELECT id, ${DEFAULT_TEMPLATE}, 1, now() FROM programmes`,
  `INSERT INTO milestone_plans (consortium_id, status, version, updated_at)
    SELECT consortium_id,
      CASE WHEN bool_and(baseline_date IS NOT NULL) THEN 'approved' ELSE 'draft' END, 1, now()
    FROM milestones GROUP BY consortium_id`,
];

export const milestonePlans: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

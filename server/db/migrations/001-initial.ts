import { sql, type Kysely, type Migration } from 'kysely';

const ID = `text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$')`;
const PERIOD = `text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$')`;
const VERSION = `integer NOT NULL DEFAULT 1 CHECK (version >= 1)`;

// One statement per entry: PGlite runs parameterised queries one statement at a time.
const statements = [
  `CREATE TABLE programmes (
    id ${ID},
    name text NOT NULL,
    funder text NOT NULL,
    description text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    small_count_threshold integer NOT NULL CHECK (small_count_threshold BETWEEN 1 AND 100),
    slippage_tolerance_days integer NOT NULL CHECK (slippage_tolerance_days BETWEEN 0 AND 365),
    version ${VERSION},
    updated_at timestamptz NOT NULL,
    CHECK (end_date >= start_date)
  )`,
  `CREATE TABLE consortia (
    id ${ID},
    programme_id text NOT NULL REFERENCES programmes (id),
    code text NOT NULL,
    name text NOT NULL,
    solution text NOT NULL,
    description text NOT NULL,
    territory text NOT NULL,
    start_date date NOT NULL,
    end_date date NOT NULL,
    budget_eur integer NOT NULL CHECK (budget_eur >= 0),
    status text NOT NULL CHECK (status IN ('active', 'closed')),
    partners jsonb NOT NULL CHECK (jsonb_typeof(partners) = 'array'),
    version ${VERSION},
    updated_at timestamptz NOT NULL,
    UNIQUE (programme_id, code),
    CHECK (end_date >= start_date)
  )`,
  `CREATE TABLE milestones (
    id ${ID},
    consortium_id text NOT NULL REFERENCES consortia (id),
    phase text NOT NULL CHECK (phase IN ('selection', 'scoping', 'agreement', 'data_protection',
      'medical_device', 'ethics', 'build', 'go_live', 'enrolment', 'mid_term_review',
      'final_evaluation', 'scale_up_decision')),
    code text NOT NULL,
    title jsonb NOT NULL,
    description text NOT NULL,
    status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'submitted',
      'changes_requested', 'approved', 'waived')),
    baseline_date date,
    forecast_date date NOT NULL,
    actual_date date,
    progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
    start_date date NOT NULL,
    evidence_expected jsonb NOT NULL CHECK (jsonb_typeof(evidence_expected) = 'array'),
    requires_kpi_values boolean NOT NULL,
    version ${VERSION},
    updated_at timestamptz NOT NULL,
    UNIQUE (consortium_id, code)
  )`,
  `CREATE TABLE milestone_events (
    id ${ID},
    milestone_id text NOT NULL REFERENCES milestones (id),
    type text NOT NULL CHECK (type IN ('transition', 'replan', 'progress', 'comment', 'evidence')),
    action text CHECK (action IN ('start', 'submit', 'approve', 'request_changes', 'resume',
      'waive', 'reopen')),
    from_status text,
    to_status text,
    previous_date date,
    new_date date,
    comment text,
    actor_name text NOT NULL,
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX milestone_events_milestone_idx ON milestone_events (milestone_id, at)`,
  `CREATE TABLE evidence (
    id ${ID},
    milestone_id text NOT NULL REFERENCES milestones (id),
    kind text NOT NULL CHECK (kind IN ('file', 'link')),
    name text NOT NULL,
    url text,
    media_type text,
    size_bytes integer CHECK (size_bytes >= 0),
    uploaded_by text NOT NULL,
    uploaded_at timestamptz NOT NULL
  )`,
  `CREATE INDEX evidence_milestone_idx ON evidence (milestone_id)`,
  `CREATE TABLE kpis (
    id ${ID},
    programme_id text NOT NULL REFERENCES programmes (id),
    code text NOT NULL,
    name jsonb NOT NULL,
    definition jsonb NOT NULL,
    unit text NOT NULL CHECK (unit IN ('count', 'percent', 'days', 'rate', 'score', 'eur', 'minutes')),
    rate_per integer CHECK (rate_per > 0),
    direction text NOT NULL CHECK (direction IN ('higher', 'lower', 'band')),
    aggregation text NOT NULL CHECK (aggregation IN ('stock', 'flow', 'rate')),
    frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
    decimals integer NOT NULL CHECK (decimals BETWEEN 0 AND 4),
    source_type text NOT NULL,
    reporting_lag_months integer NOT NULL CHECK (reporting_lag_months BETWEEN 0 AND 24),
    definition_versions jsonb NOT NULL CHECK (jsonb_typeof(definition_versions) = 'array'),
    version ${VERSION},
    updated_at timestamptz NOT NULL,
    UNIQUE (programme_id, code)
  )`,
  `CREATE TABLE consortium_kpis (
    id ${ID},
    consortium_id text NOT NULL REFERENCES consortia (id),
    kpi_id text NOT NULL REFERENCES kpis (id),
    baseline jsonb,
    targets jsonb NOT NULL CHECK (jsonb_typeof(targets) = 'array'),
    tolerance jsonb NOT NULL,
    version ${VERSION},
    updated_at timestamptz NOT NULL,
    UNIQUE (consortium_id, kpi_id)
  )`,
  `CREATE INDEX consortium_kpis_kpi_idx ON consortium_kpis (kpi_id)`,
  `CREATE TABLE kpi_values (
    id ${ID},
    consortium_id text NOT NULL REFERENCES consortia (id),
    kpi_id text NOT NULL REFERENCES kpis (id),
    period ${PERIOD},
    value double precision,
    numerator double precision,
    denominator double precision,
    provisional boolean NOT NULL,
    source text NOT NULL,
    note text NOT NULL,
    explanation text NOT NULL,
    definition_version integer NOT NULL CHECK (definition_version >= 1),
    revision integer NOT NULL CHECK (revision >= 1),
    entered_by text NOT NULL,
    entered_at timestamptz NOT NULL,
    version ${VERSION},
    UNIQUE (consortium_id, kpi_id, period, revision)
  )`,
  // The series query reads one KPI across consortia.
  `CREATE INDEX kpi_values_series_idx ON kpi_values (kpi_id, consortium_id, period)`,
  `CREATE TABLE reporting_periods (
    id ${ID},
    programme_id text NOT NULL REFERENCES programmes (id),
    period ${PERIOD},
    status text NOT NULL CHECK (status IN ('open', 'locked')),
    deadline date NOT NULL,
    locked_at timestamptz,
    version ${VERSION},
    UNIQUE (programme_id, period)
  )`,
  `CREATE TABLE users (
    id ${ID},
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    locale text NOT NULL CHECK (locale IN ('fr', 'en')),
    disabled boolean NOT NULL,
    version ${VERSION}
  )`,
  `CREATE TABLE memberships (
    user_id text NOT NULL REFERENCES users (id),
    position integer NOT NULL,
    role text NOT NULL CHECK (role IN ('manager', 'lead', 'member', 'observer')),
    programme_id text NOT NULL REFERENCES programmes (id),
    consortium_id text REFERENCES consortia (id),
    PRIMARY KEY (user_id, position)
  )`,
  `CREATE INDEX memberships_programme_idx ON memberships (programme_id)`,
  `CREATE INDEX memberships_consortium_idx ON memberships (consortium_id)`,
];

export const initial: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

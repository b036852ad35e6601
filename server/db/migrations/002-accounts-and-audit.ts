import { sql, type Kysely, type Migration } from 'kysely';

const SHA256 = `text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$')`;

// One statement per entry: PGlite runs parameterised queries one statement at a time.
const statements = [
  `ALTER TABLE users ADD COLUMN password_hash text`,
  `ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz`,
  // The rule permissions.ts already applies, now also refused by the database.
  `ALTER TABLE memberships ADD CONSTRAINT memberships_role_scope CHECK (
    (role IN ('lead', 'member')) = (consortium_id IS NOT NULL))`,
  // Plain text values: the SQL dump writes scalars as SQL literals, which a jsonb column refuses.
  `CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`,
  // Only the SHA-256 of the cookie's token is stored: a leaked table opens no session.
  `CREATE TABLE sessions (
    token_sha256 ${SHA256},
    user_id text NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    user_agent text NOT NULL
  )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE TABLE account_tokens (
    token_sha256 ${SHA256},
    id text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
    email text NOT NULL,
    role text CHECK (role IN ('manager', 'lead', 'member', 'observer')),
    programme_id text NOT NULL REFERENCES programmes (id),
    consortium_id text REFERENCES consortia (id),
    user_id text REFERENCES users (id),
    created_by text NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CHECK ((kind = 'invitation') = (role IS NOT NULL)),
    CHECK (role IS NULL OR (role IN ('lead', 'member')) = (consortium_id IS NOT NULL))
  )`,
  // Kept in the database, not in memory, so that every instance counts the same failures.
  `CREATE TABLE login_failures (
    account_key text NOT NULL,
    ip text NOT NULL,
    at timestamptz NOT NULL
  )`,
  `CREATE INDEX login_failures_key_idx ON login_failures (account_key, ip, at)`,
  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_id text,
    actor_name text NOT NULL,
    role text,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    programme_id text,
    consortium_id text,
    before jsonb,
    after jsonb,
    request_id text NOT NULL
  )`,
  `CREATE INDEX audit_log_programme_idx ON audit_log (programme_id, id)`,
  `CREATE INDEX audit_log_consortium_idx ON audit_log (consortium_id, id)`,
  `CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)`,
  `CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id)`,
  `CREATE TABLE security_events (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    kind text NOT NULL CHECK (kind IN ('sign_in', 'sign_in_failed', 'sign_out', 'access_denied',
      'rate_limited', 'account_disabled', 'session_expired')),
    user_id text,
    email_sha256 text,
    ip text NOT NULL,
    route text NOT NULL,
    status integer NOT NULL,
    request_id text NOT NULL
  )`,
  `CREATE INDEX security_events_at_idx ON security_events (at)`,
  // Append-only (ASVS 16.4.2): corrections are new rows. TRUNCATE stays possible for the owner,
  // which restore --force and the test reset rely on; it needs table ownership, not a mere write.
  `CREATE FUNCTION jalon_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
  $$`,
  `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION jalon_append_only()`,
  `CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
    FOR EACH ROW EXECUTE FUNCTION jalon_append_only()`,
];

export const accountsAndAudit: Migration = {
  async up(db: Kysely<unknown>) {
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
};

import type { Kysely, Selectable } from 'kysely';
import type { Timestamp } from '../../src/domain/contract';
import type { DB, JobsTable } from '../db/schema';

export interface EnqueueRequest {
  kind: string;
  /** Unique across all jobs, e.g. `reminder:<periodId>:<reminderIndex>:<userId>`. */
  key: string;
  runAt: Timestamp;
  payload: Record<string, unknown>;
  maxAttempts: number;
  /** created_at; the caller's clock when it has one. */
  now?: Timestamp;
}

/**
 * Schedules a job once per key: a second call with the same key, from this process after a
 * restart or from another instance, inserts nothing and returns false. Pass a transaction handle
 * to schedule in the same commit as the change that causes the job.
 */
export async function enqueue(db: Kysely<DB>, request: EnqueueRequest): Promise<boolean> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      id: crypto.randomUUID(),
      kind: request.kind,
      key: request.key,
      payload: JSON.stringify(request.payload),
      runAt: request.runAt,
      maxAttempts: request.maxAttempts,
      createdAt: request.now ?? new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export type JobState = 'pending' | 'running' | 'retrying' | 'done' | 'failed';

export interface JobStatus {
  key: string;
  kind: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  /** When it runs next (pending, retrying), or last ran (running, done, failed). */
  runAt: Timestamp;
  lastError: string | null;
  doneAt: Timestamp | null;
  failedAt: Timestamp | null;
}

const COLUMNS = [
  'key',
  'kind',
  'attempts',
  'maxAttempts',
  'runAt',
  'lastError',
  'lockedUntil',
  'doneAt',
  'failedAt',
] as const;
type JobRow = Pick<Selectable<JobsTable>, (typeof COLUMNS)[number]>;

/** Status is derived, not stored, so that no update can leave it disagreeing with the row. */
function statusOf(row: JobRow, now: Timestamp): JobStatus {
  const at = Date.parse(now);
  const state: JobState = row.doneAt
    ? 'done'
    : row.failedAt
      ? 'failed'
      : row.lockedUntil && row.lockedUntil.getTime() > at
        ? 'running'
        : row.attempts === 0
          ? 'pending'
          : 'retrying';
  return {
    key: row.key,
    kind: row.kind,
    state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    lastError: row.lastError,
    doneAt: row.doneAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
  };
}

/** One job's status by key (a manager screen shows "not yet sent"); null if never scheduled. */
export async function jobStatus(
  db: Kysely<DB>,
  key: string,
  now: Timestamp,
): Promise<JobStatus | null> {
  const row = await db.selectFrom('jobs').select(COLUMNS).where('key', '=', key).executeTakeFirst();
  return row ? statusOf(row, now) : null;
}

/** Every job whose key starts with `prefix` (all of them by default), oldest schedule first. */
export async function listJobs(
  db: Kysely<DB>,
  now: Timestamp,
  options: { prefix?: string; limit?: number } = {},
): Promise<JobStatus[]> {
  let query = db
    .selectFrom('jobs')
    .select(COLUMNS)
    .orderBy('runAt')
    .orderBy('key')
    .limit(options.limit ?? 100);
  if (options.prefix) query = query.where('key', 'like', `${escapeLike(options.prefix)}%`);
  const rows = await query.execute();
  return rows.map((row) => statusOf(row, now));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

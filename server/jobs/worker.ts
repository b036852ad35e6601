import { sql, type Kysely, type Selectable } from 'kysely';
import type { Timestamp } from '../../src/domain/contract';
import type { Clock } from '../context';
import { transaction } from '../db/guard';
import type { DB, JobsTable } from '../db/schema';
import { silentLogger, type Logger } from '../logger';
import { PermanentJobError, type RegisteredJob } from './define';

export interface Backoff {
  /** Delay before the first retry; each later one doubles, up to `maxMs`. */
  baseMs: number;
  maxMs: number;
}

export interface WorkerOptions {
  db: Kysely<DB>;
  /** The app's clock: tests move it instead of waiting for run_at, leases and backoff. */
  clock: Clock;
  jobs: readonly RegisteredJob[];
  logger?: Logger;
  /** Names this worker in locked_by; unique per loop. */
  id?: string;
  /** How long to wait after finding nothing due. */
  pollMs?: number;
  /** How long a claim holds a job; it must exceed the slowest handler's run. */
  leaseMs?: number;
  backoff?: Backoff;
}

export interface Worker {
  readonly id: string;
  /** Starts the polling loop (idempotent). */
  start(): void;
  /** Ends the loop, waiting for the job that is running, if any. */
  stop(): Promise<void>;
  /** Claims and runs one due job; false when none was due. */
  runOne(): Promise<boolean>;
  /** Runs due jobs until none is left; returns how many ran. */
  drain(): Promise<number>;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };
const DEFAULT_POLL_MS = 1_000;
const DEFAULT_LEASE_MS = 5 * 60_000;
const MAX_ERROR_LENGTH = 2_000;

type Job = Selectable<JobsTable>;

const plus = (now: Timestamp, ms: number): Timestamp =>
  new Date(Date.parse(now) + ms).toISOString();

export function retryDelayMs(backoff: Backoff, attempt: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Claims one due job under a lease, in a transaction that holds no lock once it returns. SKIP
 * LOCKED lets concurrent workers on PostgreSQL pass over a row another one is claiming instead of
 * queueing behind it; on PGlite claims are serialised by its one connection anyway.
 */
async function claim(
  db: Kysely<DB>,
  workerId: string,
  kinds: string[],
  now: Timestamp,
  leaseMs: number,
) {
  // Compared as Date: the column's read type, which both drivers bind as timestamptz.
  const at = new Date(now);
  return transaction(db, async (tx) => {
    // A worker that died during the last allowed attempt leaves a job nobody may run again.
    await tx
      .updateTable('jobs')
      .set({
        failedAt: now,
        lockedBy: null,
        lockedUntil: null,
        lastError: sql<string>`coalesce(last_error || ' / ', '') || 'lease expired during the last attempt'`,
      })
      .where('doneAt', 'is', null)
      .where('failedAt', 'is', null)
      .where('kind', 'in', kinds)
      .where('lockedUntil', '<=', at)
      .whereRef('attempts', '>=', 'maxAttempts')
      .execute();
    const due = await tx
      .selectFrom('jobs')
      .select('id')
      .where('doneAt', 'is', null)
      .where('failedAt', 'is', null)
      .where('kind', 'in', kinds)
      .where('runAt', '<=', at)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', at)]))
      .whereRef('attempts', '<', 'maxAttempts')
      .orderBy('runAt')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return null;
    return tx
      .updateTable('jobs')
      .set({
        attempts: sql<number>`attempts + 1`,
        lockedBy: workerId,
        lockedUntil: plus(now, leaseMs),
      })
      .where('id', '=', due.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export function createWorker(options: WorkerOptions): Worker {
  const { db, clock } = options;
  const logger = options.logger ?? silentLogger;
  const id = options.id ?? `worker-${crypto.randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const byKind = new Map(options.jobs.map((job) => [job.kind, job]));
  const kinds = [...byKind.keys()];
  const aborter = new AbortController();

  // The row is ours only while locked_by and attempts are what the claim set: a worker whose
  // lease ran out and was reclaimed must not overwrite the newer attempt's outcome.
  const ours = (job: Job) =>
    db
      .updateTable('jobs')
      .where('id', '=', job.id)
      .where('lockedBy', '=', id)
      .where('attempts', '=', job.attempts);

  async function finish(job: Job, failure: { error: unknown } | null): Promise<void> {
    const now = clock.now();
    const released = { lockedBy: null, lockedUntil: null };
    const update =
      failure === null
        ? ours(job).set({ ...released, doneAt: now })
        : failure.error instanceof PermanentJobError || job.attempts >= job.maxAttempts
          ? ours(job).set({ ...released, failedAt: now, lastError: describe(failure.error) })
          : ours(job).set({
              ...released,
              runAt: plus(now, retryDelayMs(backoff, job.attempts)),
              lastError: describe(failure.error),
            });
    const { numUpdatedRows } = await update.executeTakeFirst();
    if (numUpdatedRows === 0n)
      logger.warn('job lease lost before it finished; another worker may run it again', {
        kind: job.kind,
        key: job.key,
        attempt: job.attempts,
      });
  }

  async function runOne(): Promise<boolean> {
    if (kinds.length === 0) return false;
    const job = await claim(db, id, kinds, clock.now(), leaseMs);
    if (!job) return false;
    const handler = byKind.get(job.kind);
    const fields = { kind: job.kind, key: job.key, attempt: job.attempts };
    let failure: { error: unknown } | null = null;
    try {
      // Outside the claim transaction: a slow handler holds no lock and, on PGlite, no connection.
      if (!handler) throw new PermanentJobError(`no handler for ${job.kind}`);
      await handler.run(job.payload, {
        db,
        key: job.key,
        attempt: job.attempts,
        clock,
        signal: aborter.signal,
      });
    } catch (error) {
      failure = { error };
    }
    await finish(job, failure);
    if (failure === null) logger.info('job done', fields);
    else logger.warn('job failed', { ...fields, error: describe(failure.error) });
    return true;
  }

  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  function schedule(delayMs: number) {
    timer = setTimeout(() => {
      timer = undefined;
      current = tick();
    }, delayMs);
  }

  async function tick(): Promise<void> {
    let ran = false;
    try {
      ran = await runOne();
    } catch (error) {
      // The database may be briefly unreachable: keep polling rather than die.
      logger.error('job worker could not claim', { error: describe(error) });
    }
    if (running) schedule(ran ? 0 : pollMs);
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      current = tick();
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      aborter.abort();
      await current;
    },
    runOne,
    async drain() {
      let count = 0;
      while (await runOne()) count += 1;
      return count;
    },
  };
}

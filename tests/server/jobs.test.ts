import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedDayClock, type FakeClock } from '@server/context';
import { migrate } from '@server/db/migrate';
import {
  createWorker,
  defineJob,
  enqueue,
  jobStatus,
  listJobs,
  type JobContext,
  type WorkerOptions,
} from '@server/jobs';
import { openDatabase, type Database } from '@server/node/database';

let database: Database;
let clock: FakeClock;

beforeAll(async () => {
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database.db);
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
  clock = fixedDayClock('2026-12-03');
});

const later = (ms: number) => new Date(Date.parse(clock.now()) + ms).toISOString();

/** A kind whose handler records each run and does what `behave` says. */
function recorder(behave: (ctx: JobContext) => Promise<void> = () => Promise.resolve()) {
  const runs: string[] = [];
  const job = defineJob({
    kind: 'test.record',
    payload: z.object({ n: z.number() }),
    maxAttempts: 3,
    async handle(_payload, ctx) {
      runs.push(ctx.key);
      await behave(ctx);
    },
  });
  return { job, runs };
}

const worker = (options: Partial<WorkerOptions> & Pick<WorkerOptions, 'jobs'>) =>
  createWorker({ db: database.db, clock, backoff: { baseMs: 1_000, maxMs: 60_000 }, ...options });

const status = (key: string) => jobStatus(database.db, key, clock.now());

describe('durable jobs on PGlite', () => {
  it('inserts a key once however often it is scheduled', async () => {
    const { job } = recorder();
    const request = { key: 'reminder:p1:0:u1', runAt: clock.now(), payload: { n: 1 } };
    expect(await job.schedule(database.db, request)).toBe(true);
    expect(await job.schedule(database.db, { ...request, payload: { n: 2 } })).toBe(false);
    const rows = await database.db.selectFrom('jobs').select(['key', 'payload']).execute();
    expect(rows).toEqual([{ key: 'reminder:p1:0:u1', payload: { n: 1 } }]);
  });

  it('runs a due job once, and not before it is due', async () => {
    const { job, runs } = recorder();
    await job.schedule(database.db, { key: 'k', runAt: later(60_000), payload: { n: 1 } });
    const w = worker({ jobs: [job] });
    expect(await w.drain()).toBe(0);
    expect((await status('k'))?.state).toBe('pending');
    clock.advance(60_000);
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    clock.advance(3_600_000);
    expect(await w.drain()).toBe(0);
    expect(runs).toEqual(['k']);
    expect(await status('k')).toMatchObject({ state: 'done', attempts: 1, lastError: null });
  });

  it('retries with exponential backoff, then fails after max attempts', async () => {
    const { job, runs } = recorder(() => Promise.reject(new Error('SMTP relay said 451')));
    await job.schedule(database.db, { key: 'k', runAt: clock.now(), payload: { n: 1 } });
    const w = worker({ jobs: [job] });
    expect(await w.drain()).toBe(1);
    expect(await status('k')).toMatchObject({
      state: 'retrying',
      attempts: 1,
      runAt: later(1_000),
      lastError: 'Error: SMTP relay said 451',
    });
    clock.advance(999);
    expect(await w.drain()).toBe(0);
    clock.advance(1);
    expect(await w.drain()).toBe(1);
    // The second retry waits twice as long as the first.
    expect((await status('k'))?.runAt).toBe(later(2_000));
    clock.advance(1_999);
    expect(await w.drain()).toBe(0);
    clock.advance(1);
    expect(await w.drain()).toBe(1);
    const failed = await status('k');
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, maxAttempts: 3 });
    expect(failed?.lastError).toContain('SMTP relay said 451');
    clock.advance(86_400_000);
    expect(await w.drain()).toBe(0);
    expect(runs).toHaveLength(3);
  });

  it('gives a job whose worker died back to another worker once the lease expires', async () => {
    let comeBack = (_error: Error) => undefined as void;
    const stuck = new Promise<void>((_, fail) => (comeBack = fail));
    const { job, runs } = recorder((ctx) => (ctx.attempt === 1 ? stuck : Promise.resolve()));
    await job.schedule(database.db, { key: 'k', runAt: clock.now(), payload: { n: 1 } });
    const dying = worker({ jobs: [job], id: 'dying', leaseMs: 30_000 });
    const rescuer = worker({ jobs: [job], id: 'rescuer', leaseMs: 30_000 });
    const first = dying.runOne();
    await expect.poll(() => runs.length).toBe(1);
    expect((await status('k'))?.state).toBe('running');
    expect(await rescuer.drain()).toBe(0);
    clock.advance(30_000);
    expect(await rescuer.drain()).toBe(1);
    expect(await status('k')).toMatchObject({ state: 'done', attempts: 2 });
    // The first worker comes back with an error: it no longer holds the lease, so it may not
    // turn the finished job back into a retry.
    comeBack(new Error('woke up late'));
    await first;
    expect(await status('k')).toMatchObject({ state: 'done', attempts: 2, lastError: null });
    expect(runs).toEqual(['k', 'k']);
  });

  it('fails a job whose worker died during its last allowed attempt', async () => {
    const { job, runs } = recorder(() => new Promise<void>(() => undefined));
    await job.schedule(database.db, {
      key: 'k',
      runAt: clock.now(),
      payload: { n: 1 },
      maxAttempts: 1,
    });
    void worker({ jobs: [job], id: 'dying', leaseMs: 1_000 }).runOne();
    await expect.poll(() => runs.length).toBe(1);
    clock.advance(1_000);
    expect(await worker({ jobs: [job] }).drain()).toBe(0);
    const failed = await status('k');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed?.lastError).toContain('lease expired');
  });

  it('checks payloads both ways and leaves kinds it does not know', async () => {
    const { job, runs } = recorder();
    expect(() =>
      job.schedule(database.db, { key: 'bad', runAt: clock.now(), payload: { n: 'x' as never } }),
    ).toThrow();
    await enqueue(database.db, {
      kind: 'test.record',
      key: 'old-shape',
      runAt: clock.now(),
      payload: { count: 1 },
      maxAttempts: 5,
    });
    await enqueue(database.db, {
      kind: 'test.other',
      key: 'other',
      runAt: clock.now(),
      payload: {},
      maxAttempts: 5,
    });
    expect(await worker({ jobs: [job] }).drain()).toBe(1);
    expect(runs).toEqual([]);
    // A payload that no longer parses cannot succeed later: it fails at once.
    expect(await status('old-shape')).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await status('other')).toMatchObject({ state: 'pending' });
    expect(await status('never')).toBeNull();
  });

  it('two worker loops on one database run each of 200 jobs exactly once', async () => {
    const runs = new Map<string, number>();
    const job = defineJob({
      kind: 'test.count',
      payload: z.object({}),
      async handle(_payload, ctx) {
        runs.set(ctx.key, (runs.get(ctx.key) ?? 0) + 1);
        // Touch the database so the two loops interleave their claims with handler work.
        await ctx.db.selectFrom('jobs').select('id').where('key', '=', ctx.key).execute();
      },
    });
    for (let i = 0; i < 200; i += 1)
      await job.schedule(database.db, { key: `count:${i}`, runAt: clock.now(), payload: {} });
    const workers = [worker({ jobs: [job], pollMs: 5 }), worker({ jobs: [job], pollMs: 5 })];
    for (const w of workers) w.start();
    await expect
      .poll(
        async () =>
          (await listJobs(database.db, clock.now(), { limit: 500 })).filter(
            (j) => j.state === 'done',
          ).length,
        {
          timeout: 20_000,
          interval: 50,
        },
      )
      .toBe(200);
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.size).toBe(200);
    expect([...runs.values()].filter((n) => n !== 1)).toEqual([]);
    const lockedBy = await database.db.selectFrom('jobs').select('lockedBy').distinct().execute();
    expect(lockedBy).toEqual([{ lockedBy: null }]);
  });
});

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { systemClock } from '@server/context';
import { migrate } from '@server/db/migrate';
import { createWorker, defineJob, listJobs } from '@server/jobs';
import { openDatabase, type Database } from '@server/node/database';

/*
 * Two workers as two instances would run them: each with a pg pool of its own, here with three
 * loops each so that claims really race. SKIP LOCKED and the claim's lease are what keep a job
 * from running twice; every run is recorded in the database itself.
 */
const JOBS = 300;
const LOOPS_PER_WORKER = 3;

const url = process.env.DATABASE_URL ?? '';
const schema = `jalon_test_${randomBytes(6).toString('hex')}`;
let admin: Database;
let instances: Database[] = [];

beforeAll(async () => {
  admin = await openDatabase({ kind: 'postgres', url });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  instances = await Promise.all([0, 1].map(() => openDatabase({ kind: 'postgres', url, schema })));
  await migrate(instances[0]!.db, schema);
  await sql`create table ${sql.id(schema, 'job_runs')} (key text not null, attempt integer not null)`.execute(
    admin.db,
  );
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.close()));
  await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
  await admin.close();
});

it(`two instances with their own pools run each of ${JOBS} jobs exactly once`, async () => {
  const job = defineJob({
    kind: 'test.count',
    payload: z.object({ i: z.number() }),
    async handle(_payload, ctx) {
      await sql`insert into job_runs (key, attempt) values (${ctx.key}, ${ctx.attempt})`.execute(
        ctx.db,
      );
    },
  });
  const now = systemClock.now();
  for (let i = 0; i < JOBS; i += 1)
    await job.schedule(admin.db.withSchema(schema), {
      key: `count:${i}`,
      runAt: now,
      payload: { i },
    });
  const workers = instances.flatMap((instance, n) =>
    Array.from({ length: LOOPS_PER_WORKER }, (_, loop) =>
      createWorker({
        db: instance.db,
        clock: systemClock,
        jobs: [job],
        id: `instance-${n}-loop-${loop}`,
        pollMs: 5,
      }),
    ),
  );
  for (const w of workers) w.start();
  await expect
    .poll(
      async () =>
        (await listJobs(instances[0]!.db, systemClock.now(), { limit: JOBS + 1 })).filter(
          (j) => j.state === 'done',
        ).length,
      { timeout: 60_000, interval: 100 },
    )
    .toBe(JOBS);
  await Promise.all(workers.map((w) => w.stop()));

  const { rows } = await sql<{ runs: number; keys: number; repeated: number }>`
    select count(*)::int as runs, count(distinct key)::int as keys,
      (select count(*)::int from (select key from job_runs group by key having count(*) > 1) r)
        as repeated
    from job_runs`.execute(instances[1]!.db);
  expect(rows[0]).toEqual({ runs: JOBS, keys: JOBS, repeated: 0 });
  const attempts = await instances[1]!.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.max('attempts').as('max'))
    .executeTakeFirstOrThrow();
  expect(attempts.max).toBe(1);
});

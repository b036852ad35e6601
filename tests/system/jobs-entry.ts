import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../../server/jobs';
import { runMain } from '../../server/node/cli';
import { MARKER_KEY } from './jobs-marker';

/*
 * The real CLI with one test kind added, for jobs.test.ts. The kind counts its runs in the
 * settings table on purpose, without the idempotency a real handler has: a job run twice shows
 * as 2.
 */

const marker = defineJob({
  kind: 'test.marker',
  payload: z.object({}),
  async handle(_payload, { db, key }) {
    await sql`insert into settings (key, value) values (${`job-runs:${key}`}, '1')
      on conflict (key) do update set value = (settings.value::int + 1)::text`.execute(db);
  },
});

const delayMs = Number(process.env.JOB_TEST_DELAY_MS ?? 3_000);

runMain(process.argv.slice(2), {
  jobs: [marker],
  worker: { pollMs: 100 },
  // Scheduled on every start: the dedupe key must keep the restart from adding a second job.
  async onListening(database) {
    const runAt = new Date(Date.now() + delayMs).toISOString();
    const added = await marker.schedule(database.db, { key: MARKER_KEY, runAt, payload: {} });
    process.stdout.write(`job scheduled: ${added}\n`);
  },
});

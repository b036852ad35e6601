import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '@server/node/database';
import { freePort, killLeftovers, runJalon, startServe } from './process';
import { MARKER_KEY, MARKER_SETTING } from './jobs-marker';

/*
 * A durable job survives kill -9 of the real server process: scheduled, killed before it was
 * due, the server restarted on the same data directory runs it exactly once.
 */
const ENTRY = 'tests/system/jobs-entry.ts';
const dataDir = mkdtempSync(join(tmpdir(), 'jalon-jobs-'));
afterAll(() => {
  killLeftovers();
  rmSync(dataDir, { recursive: true, force: true });
});

async function jobsListing(): Promise<string> {
  const cli = runJalon(['jobs', '--prefix', MARKER_KEY], { DATA_DIR: dataDir });
  expect((await cli.exited).code, cli.stderr()).toBe(0);
  return cli.stdout();
}

it('runs a job scheduled before a kill -9 exactly once after the restart', async () => {
  const env = { DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'info' };
  const first = await startServe(env, [], ENTRY);
  await expect.poll(() => first.stdout(), { timeout: 60_000 }).toContain('job scheduled: true');
  first.child.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  // Still pending and never claimed: the kill came before the job was due.
  expect(await jobsListing()).toMatch(/^pending\t0\/5\t/);

  const second = await startServe({ ...env, PORT: String(await freePort()) }, [], ENTRY);
  await expect.poll(() => second.stdout(), { timeout: 60_000 }).toContain('job scheduled: false');
  await expect
    .poll(() => second.stderr(), { timeout: 60_000, interval: 100 })
    .toContain('"msg":"job done"');
  second.child.kill('SIGTERM');
  expect((await second.exited).code, second.stderr()).toBe(0);

  expect(await jobsListing()).toMatch(/^done\t1\/5\t/);
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const runs = await database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', MARKER_SETTING)
      .execute();
    expect(runs).toEqual([{ value: '1' }]);
    const jobs = await database.db.selectFrom('jobs').select('key').execute();
    expect(jobs).toEqual([{ key: MARKER_KEY }]);
  } finally {
    await database.close();
  }
});

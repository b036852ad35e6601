import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@server/node/database';
import { DataDirLockedError } from '@server/node/lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-lock-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('data directory lock', () => {
  it('refuses a second open of the same directory at once, then allows it after close', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    const started = Date.now();
    const second = openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(
      `The data directory ${dir} is in use by another Jalon process (pid ${process.pid})`,
    );
    // Refused at the lock, not after waiting for the other process (a generous bound).
    expect(Date.now() - started).toBeLessThan(10_000);
    await first.close();
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    await reopened.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    const pid = dead.pid ?? 0;
    await new Promise((ok) => dead.once('exit', ok));
    writeFileSync(join(dir, 'jalon.lock'), `${pid}\n`);
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await database.close();
  });

  it('takes over from a killed holder not yet reaped (a zombie)', async () => {
    const dir = tempDir();
    // `sleep 0.1` dies under a parent (`sleep 30`) that never reaps it: a zombie, as a server
    // killed with -9 is until its supervisor notices.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 30']);
    const pid = await new Promise<number>((ok) =>
      parent.stdout.once('data', (chunk: Buffer) => ok(Number(chunk.toString().trim()))),
    );
    await new Promise((ok) => setTimeout(ok, 500));
    writeFileSync(join(dir, 'jalon.lock'), `${pid}\n`);
    try {
      const database = await openDatabase({ kind: 'pglite', dataDir: dir });
      await database.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('waits for a holder that is still exiting, then takes over', async () => {
    const dir = tempDir();
    const exiting = spawn('sleep', ['1']);
    writeFileSync(join(dir, 'jalon.lock'), `${exiting.pid}\n`);
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(exiting.exitCode).toBe(0);
    await database.close();
  });
});

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
});

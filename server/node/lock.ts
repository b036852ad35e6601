import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dir} is in use by another Jalon process (pid ${pid}). ` +
        'Stop that process first: two processes on one PGlite directory corrupt it.',
    );
    this.name = 'DataDirLockedError';
  }
}

// Our own pid in a lock file is either a lock this process holds, or a stale one from an earlier
// container run that happened to get the same pid; this set tells the two apart.
const heldHere = new Set<string>();

export interface DirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Released PGlite takes no lock on its data directory (pitfall §3.3), so we hold a pid file
 * created with O_EXCL. A lock left by a dead process (kill -9, power cut) is taken over.
 */
export function lockDataDir(dir: string): DirLock {
  const file = join(dir, 'jalon.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(file);
      return {
        release() {
          if (!heldHere.delete(file)) return;
          if (readPid(file) === process.pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readPid(file);
    // A pid file still being written reads as empty: look once more before calling it stale.
    if (holder === null && attempt === 0) continue;
    const live = holder === process.pid ? heldHere.has(file) : holder !== null && isAlive(holder);
    if (holder !== null && live) {
      throw new DataDirLockedError(dir, holder);
    }
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new DataDirLockedError(dir, readPid(file) ?? 0);
}

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

/** A process that was killed but not yet reaped by its parent is a zombie: dead for our purposes. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    // No /proc (not Linux) or already gone: kill(pid, 0) decides.
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// A holder killed a moment ago may still be exiting; a live one is refused after this long.
export const HOLDER_EXIT_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tryCreate(file: string): DirLock | null {
  try {
    const fd = openSync(file, 'wx', 0o600);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return null;
  }
  heldHere.add(file);
  return {
    release() {
      if (!heldHere.delete(file)) return;
      if (readPid(file) === process.pid) unlinkSync(file);
    },
  };
}

/**
 * Released PGlite takes no lock on its data directory (pitfall §3.3), so we hold a pid file
 * created with O_EXCL. A lock left by a dead process (kill -9, power cut) is taken over; a holder
 * still alive is given HOLDER_EXIT_WAIT_MS to finish exiting before we refuse.
 */
export async function lockDataDir(dir: string, waitMs = HOLDER_EXIT_WAIT_MS): Promise<DirLock> {
  const file = join(dir, 'jalon.lock');
  const deadline = Date.now() + waitMs;
  let emptyReads = 0;
  for (;;) {
    const lock = tryCreate(file);
    if (lock) return lock;
    const holder = readPid(file);
    // A pid file still being written reads as empty: look again before calling it stale.
    if (holder === null && emptyReads++ < 3) {
      await sleep(20);
      continue;
    }
    if (holder !== null && holder === process.pid && heldHere.has(file)) {
      throw new DataDirLockedError(dir, holder);
    }
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      if (Date.now() >= deadline) throw new DataDirLockedError(dir, holder);
      await sleep(100);
      continue;
    }
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

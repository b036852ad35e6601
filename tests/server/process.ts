import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (null when killed by a signal) and how long the wait took. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();

/** For afterAll: a failed assertion must not leave a server holding a port and a data dir. */
export function killLeftovers() {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

/** Runs the real CLI under node (not the tsx wrapper) so signals reach the server itself. */
export function runJalon(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Starts `serve` and waits for its "running at" line; rejects if it exits or stalls first. */
export async function startServe(
  env: Record<string, string>,
  args: string[] = ['--demo-if-empty'],
) {
  const proc = runJalon(['serve', ...args], env);
  const started = Date.now();
  await new Promise<void>((ok, fail) => {
    const timer = setInterval(() => {
      if (proc.stdout().includes('Jalon is running at')) {
        clearInterval(timer);
        ok();
      } else if (proc.child.exitCode !== null || Date.now() - started > 30_000) {
        clearInterval(timer);
        fail(new Error(`server did not start: ${proc.stderr()}`));
      }
    }, 25);
  });
  return { ...proc, startupMs: Date.now() - started };
}

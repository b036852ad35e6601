import { spawn, type ChildProcess } from 'node:child_process';

/** Servers still running if a benchmark dies: stopped on the way out, never left behind. */
const running = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const cleanup of cleanups) cleanup();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

/** Runs `cleanup` when the benchmark exits, however it exits; the result cancels it. */
export function onExit(cleanup: () => void): () => void {
  cleanups.push(cleanup);
  return () => void cleanups.splice(cleanups.indexOf(cleanup), 1);
}

/** Starts the production server with `env` and resolves once `/health` answers at `base`. */
export async function serve(
  env: NodeJS.ProcessEnv,
  base: string,
  stderr: 'inherit' | number,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/node/main.ts', 'serve'], {
    env,
    stdio: ['ignore', 'ignore', stderr],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

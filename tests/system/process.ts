import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@domain/demo/people';

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

export const CLI_ENTRY = 'server/node/main.ts';

/**
 * Runs the real CLI under node (not the tsx wrapper) so signals reach the server itself; `entry`
 * is another script around the same CLI (one that registers test job kinds).
 */
export function runJalon(
  args: string[],
  env: Record<string, string>,
  input?: string,
  entry = CLI_ENTRY,
): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (input !== undefined) child.stdin?.end(input);
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

// Generous: a loaded CI machine has taken over 30 s to start the server under tsx.
const STARTUP_DEADLINE_MS = 120_000;

/** Starts `serve` and waits for its "running at" line; rejects if it exits or stalls first. */
export async function startServe(
  env: Record<string, string>,
  args: string[] = ['--demo-if-empty'],
  entry = CLI_ENTRY,
) {
  const proc = runJalon(['serve', ...args], env, undefined, entry);
  const started = Date.now();
  await new Promise<void>((ok, fail) => {
    const timer = setInterval(() => {
      if (proc.stdout().includes('Jalon is running at')) {
        clearInterval(timer);
        ok();
      } else if (proc.child.exitCode !== null || Date.now() - started > STARTUP_DEADLINE_MS) {
        clearInterval(timer);
        fail(new Error(`server did not start: ${proc.stderr()}`));
      }
    }, 25);
  });
  return { ...proc, startupMs: Date.now() - started };
}

/**
 * Signs in to a running server as a demo account; returns the headers every later request needs:
 * the session cookie and a same-origin Origin (the CSRF check refuses writes without one).
 */
export async function signInHeaders(
  origin: string,
  email = 'manager@jalon.test',
): Promise<Record<string, string>> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  return { Cookie: cookie, Origin: origin };
}

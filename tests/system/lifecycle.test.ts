import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, killLeftovers, runJalon, signInHeaders, startServe } from './process';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-life-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  killLeftovers();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('the server process', () => {
  it('exits non-zero with one line, without hanging, when PostgreSQL is unreachable', async () => {
    const port = await freePort();
    const started = Date.now();
    const proc = runJalon(['serve'], {
      DATABASE_URL: `postgres://jalon:secret@127.0.0.1:${port}/jalon`,
    });
    const { code } = await proc.exited;
    // The connection attempt gives up after 5 s; the rest is a generous allowance for start-up.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(code).toBe(1);
    const lines = proc.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^jalon: Cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/jalon: `),
    );
    expect(lines[0]).not.toContain('secret');
  });

  it('exits 1 naming a bad variable', async () => {
    const proc = runJalon(['serve'], { PORT: 'http', DATABASE_URL: 'mysql://db/x' });
    expect((await proc.exited).code).toBe(1);
    expect(proc.stderr().trim()).toBe(
      'jalon: Invalid configuration: PORT must be a port number; DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
  });

  it('stops cleanly on SIGTERM under load, within 10 s, and the data reopens', async () => {
    const env = { DATA_DIR: tempDir(), PORT: String(await freePort()) };
    const first = await startServe(env);
    const origin = `http://127.0.0.1:${env.PORT}`;
    const url = `${origin}/api/v1`;
    // A demo database prints its accounts and password at start; a real one never does.
    expect(first.stdout()).toContain('manager@jalon.test');
    expect(first.stdout()).toContain('password for all: jalon-demo-2026');
    const headers = await signInHeaders(origin);
    let stop = false;
    const load = (async () => {
      while (!stop)
        await fetch(`${url}/programmes/pascaline/portfolio`, { headers }).catch(() => undefined);
    })();
    await new Promise((r) => setTimeout(r, 500));
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    stop = true;
    await load;
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(exit).toEqual({ code: 0, signal: null });

    const second = await startServe(env);
    const health = await fetch(`${url}/health`, { headers });
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const programmes = (await (await fetch(`${url}/programmes`, { headers })).json()) as {
      items: unknown[];
    };
    expect(programmes.items).toHaveLength(1);
    // The real server compresses, and keeps every header the app set (request id, CSP).
    const portfolio = await fetch(`${url}/programmes/pascaline/portfolio`, {
      headers: { ...headers, 'Accept-Encoding': 'br' },
    });
    expect(portfolio.headers.get('content-encoding')).toBe('br');
    expect(portfolio.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(portfolio.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(((await portfolio.json()) as { consortia: unknown[] }).consortia).toHaveLength(3);

    const intruder = runJalon(['serve'], { ...env, PORT: String(await freePort()) });
    const started = Date.now();
    expect((await intruder.exited).code).toBe(1);
    // It stops at the lock instead of waiting for it (start-up itself may be slow here).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(intruder.stderr()).toContain(
      `is in use by another Jalon process (pid ${second.child.pid})`,
    );

    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  });
});

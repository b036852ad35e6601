// End-to-end harness: build, start the production server on a fresh database and a free port,
// run the Chromium suite against it, and stop everything it started — whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

if (process.env.E2E_SKIP_BUILD !== '1') run('npm', ['run', 'build']);

const dataDir = mkdtempSync(join(tmpdir(), 'jalon-e2e-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/main.ts', 'serve', '--demo-if-empty'],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
  },
);
let serverExited = false;
server.on('exit', () => (serverExited = true));

const stop = async () => {
  if (!serverExited) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(() => (server.kill('SIGKILL'), r()), 10_000);
      server.once('exit', () => (clearTimeout(t), r()));
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
};

let code = 1;
try {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (serverExited) throw new Error('the server exited before it was ready');
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the server did not become ready in 90 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  const vitest = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'tests/e2e.config.ts', ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, JALON_URL: url } },
  );
  code = vitest.status ?? 1;
} catch (error) {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stop();
}
process.exit(code);

// End-to-end suite: build the production app, then let vitest's global setup start the server on
// a fresh database and a free port (tests/e2e/global-setup.ts) and drive the system Chromium.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.E2E_SKIP_BUILD !== '1') run('npm', ['run', 'build']);
run('npx', ['vitest', 'run', '--config', 'tests/e2e.config.ts', ...process.argv.slice(2)]);

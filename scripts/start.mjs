// `npm start`: build the app when its sources are newer than dist/, then run the server, which
// migrates, seeds the demo into an empty database and serves app and API on one port.
import { spawn, spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = join(root, 'dist', 'index.html');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) =>
  join(root, p),
);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newestMtime(join(path, name))),
    info.mtimeMs,
  );
}

function needsBuild() {
  if (!existsSync(builtIndex)) return true;
  const built = statSync(builtIndex).mtimeMs;
  return inputs.some((p) => newestMtime(p) > built);
}

if (needsBuild()) {
  process.stdout.write('Building the app (dist/ is missing or older than the sources)…\n');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    process.stderr.write(
      'jalon: the app build failed; fix the errors above and run npm start again\n',
    );
    process.exit(build.status ?? 1);
  }
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', join(root, 'server', 'node', 'main.ts'), 'serve', '--demo-if-empty'],
  { cwd: root, stdio: 'inherit' },
);
// Ctrl-C reaches the whole process group; the server shuts itself down cleanly, we wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// A throw-away PostgreSQL cluster for the API load benchmark: initdb in a temporary directory,
// listening on 127.0.0.1 only, trust auth, one empty database per benchmark size. Nothing of the
// machine's own clusters is touched. BENCH_PG_URL (a superuser URL) skips all this and uses a
// server you already run instead.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** A URL to a new, empty database named after `name`. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

const PG_PORT = 8432;

/** initdb and pg_ctl on PATH, else the newest Debian layout. */
function binDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim()) return join(onPath.stdout.trim(), '..');
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(debian, v, 'bin')).find((d) => existsSync(d + '/initdb'));
  return found ?? null;
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` account then. */
function asPgUser(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const r = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
    : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout || '').trim()}`);
}

function withAdmin(adminUrl: string): PgServer & { adminUrl: string } {
  return {
    adminUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop() {},
  };
}

/** Starts a private cluster, or explains in one line why it could not. */
export function startPostgres(): PgServer | string {
  if (process.env.BENCH_PG_URL) return withAdmin(process.env.BENCH_PG_URL);
  const bin = binDir();
  if (!bin) return 'no initdb found (install postgresql, or set BENCH_PG_URL)';
  const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-pg-'));
  // The postgres account must be able to write the cluster directory and its socket.
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  try {
    asPgUser(join(bin, 'initdb'), ['-D', data, '-U', 'jalon', '--auth=trust', '-E', 'UTF8']);
    const options = `-p ${PG_PORT} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=on`;
    asPgUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      options,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return error instanceof Error ? error.message : String(error);
  }
  const server = withAdmin(`postgres://jalon@127.0.0.1:${PG_PORT}/postgres`);
  return {
    createDatabase: (name) => server.createDatabase(name),
    stop() {
      try {
        asPgUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

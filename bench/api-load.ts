// API load benchmark (not part of `npm test`): `npm run bench:api`. For each database (the
// embedded PGlite, a private PostgreSQL cluster) and each size (the demo, ×17, ×170 of it), seeds a
// fresh database, starts the production server on 127.0.0.1:8420, signs in as the demo manager
// and sends each read endpoint a fixed rate of requests with autocannon, after a warm-up. A fixed
// rate, not "as fast as possible": the goals are latencies at a given load, and a closed loop
// would hide queueing behind a lower throughput.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/domain/demo/people';
import { startPostgres, type PgServer } from './postgres';
import { onExit, serve, stop } from './server-process';

const PORT = 8420;
const BASE = `http://127.0.0.1:${PORT}`;
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_SECONDS = 3;

type Db = 'pglite' | 'postgres';
type Size = 'demo' | '17' | '170';
const SIZES = listEnv('BENCH_SIZES', ['demo', '17', '170'] as const);
const DBS = listEnv('BENCH_DB', ['pglite', 'postgres'] as const);

function listEnv<T extends string>(name: string, all: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...all];
  const picked = raw.split(',').map((s) => s.trim().replace(/^x/, ''));
  const unknown = picked.filter((p) => !all.includes(p as T));
  if (unknown.length)
    throw new Error(`${name}: unknown ${unknown.join(', ')} (one of ${all.join(', ')})`);
  return picked as T[];
}

const ENDPOINTS = [
  { name: 'portfolio', path: '/api/v1/programmes/pascaline/portfolio' },
  { name: 'consortium', path: '/api/v1/consortia/coord-dom' },
  { name: 'consortium milestones', path: '/api/v1/consortia/coord-dom/milestones' },
  { name: 'KPI series', path: '/api/v1/kpis/kpi-pat-inc/series?consortia=coord-dom' },
  { name: 'review queue', path: '/api/v1/reviews?programmeId=pascaline' },
].filter(
  (e) => !process.env.BENCH_ENDPOINTS || process.env.BENCH_ENDPOINTS.split(',').includes(e.name),
);

interface Row {
  db: Db;
  size: Size;
  endpoint: string;
  rate: number;
  p50: number;
  p99: number;
  bad: number;
  kB: number;
}

function env(database: { dataDir: string } | { url: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: 'dataDir' in database ? database.dataDir : '',
    DATABASE_URL: 'url' in database ? database.url : '',
    LOG_LEVEL: 'warn',
  };
}

function seed(e: NodeJS.ProcessEnv, size: Size): void {
  const args = size === 'demo' ? ['--demo'] : ['--scale', size];
  const started = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/node/main.ts', 'seed', ...args],
    {
      env: e,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error(`seed ${args.join(' ')} failed (${r.status})`);
  console.error(`  seeded ${size} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The servers' own warnings go to a file, so that the table stays readable. */
const SERVER_LOG = join(tmpdir(), 'jalon-bench-api-server.log');
const serverLog = openSync(SERVER_LOG, 'w');

/**
 * autocannon stops waiting at its deadline (and gives up on a request after 10 s), but the server
 * still works through what it had queued: wait until it answers the health check at once again,
 * so that one endpoint's backlog is not measured as the next one's latency.
 */
async function drain(): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${BASE}/api/v1/health`);
    quick = performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function signIn(): Promise<string> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: BASE },
    body: JSON.stringify({ email: 'manager@jalon.test', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status}`);
  return (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
}

function load(path: string, cookie: string, seconds: number) {
  return autocannon({
    url: BASE + path,
    // Enough connections that the fixed rate, not a connection waiting for its answer, sets the pace.
    connections: 10,
    overallRate: RATE,
    duration: seconds,
    headers: { Cookie: cookie, 'Accept-Encoding': 'br, gzip' },
  });
}

async function measure(db: Db, size: Size, e: NodeJS.ProcessEnv): Promise<Row[]> {
  seed(e, size);
  const server = await serve(e, BASE, serverLog);
  try {
    const cookie = await signIn();
    const rows: Row[] = [];
    for (const endpoint of ENDPOINTS) {
      const check = await fetch(BASE + endpoint.path, { headers: { Cookie: cookie } });
      if (check.status !== 200) throw new Error(`${endpoint.path}: ${check.status}`);
      const kB = (await check.arrayBuffer()).byteLength / 1024;
      await load(endpoint.path, cookie, WARMUP_SECONDS); // JIT, plans, caches
      await drain();
      const r = await load(endpoint.path, cookie, SECONDS);
      await drain();
      rows.push({
        db,
        size,
        endpoint: endpoint.name,
        rate: r.requests.total / SECONDS,
        p50: r.latency.p50,
        p99: r.latency.p99,
        bad: r.errors + r.timeouts + r.non2xx,
        kB,
      });
      console.error(`  ${endpoint.name}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
    }
    return rows;
  } finally {
    await stop(server);
  }
}

/** The goals of issue 16, as a verdict per row (and the growth of the portfolio per database). */
function verdict(row: Row, all: Row[]): string {
  const notes: string[] = [];
  if (row.rate < RATE * 0.95) notes.push(`rate < ${RATE}`);
  if (row.bad > 0) notes.push('errors');
  // autocannon reports 0 ms when nothing came back within its 10 s timeout: not a pass.
  if (row.rate === 0) return [...notes, 'NO ANSWER within 10 s'].join('; ');
  const budget = row.size === '170' ? (row.endpoint === 'portfolio' ? 100 : null) : 50;
  if (budget !== null) notes.push(row.p99 <= budget ? `ok ≤ ${budget}` : `OVER ${budget} ms`);
  if (row.endpoint === 'portfolio' && row.size === '170') {
    const at17 = all.find((r) => r.db === row.db && r.size === '17' && r.endpoint === 'portfolio');
    if (at17) {
      const growth = row.p50 / at17.p50;
      notes.push(`×17→×170 ${growth.toFixed(2)}× ${growth <= 2 ? 'ok ≤ 2×' : 'OVER 2×'}`);
    }
  }
  return notes.join('; ');
}

function table(rows: Row[]): string {
  const head = ['db', 'size', 'endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'kB', 'goal'];
  const body = rows.map((r) => [
    r.db,
    r.size === 'demo' ? 'demo' : `×${r.size}`,
    r.endpoint,
    r.rate.toFixed(1),
    String(r.p50),
    String(r.p99),
    String(r.bad),
    r.kB.toFixed(1),
    verdict(r, rows),
  ]);
  const lines = [head, head.map(() => '---'), ...body];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const load1 = () => loadavg()[0]!.toFixed(1);
const loadBefore = load1();
const rows: Row[] = [];
for (const db of DBS) {
  let pgServer: PgServer | null = null;
  let forgetPg = () => {};
  if (db === 'postgres') {
    const started = startPostgres();
    if (typeof started === 'string') {
      console.error(`\n!!! PostgreSQL SKIPPED: ${started} !!!\n`);
      continue;
    }
    pgServer = started;
    forgetPg = onExit(() => started.stop());
  }
  for (const size of SIZES) {
    console.error(`${db} ${size === 'demo' ? 'demo' : `×${size}`}:`);
    if (pgServer) {
      const url = await pgServer.createDatabase(`jalon_bench_${size}`);
      rows.push(...(await measure(db, size, env({ url }))));
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'jalon-bench-api-'));
      try {
        rows.push(...(await measure(db, size, env({ dataDir }))));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  }
  if (pgServer) {
    pgServer.stop();
    forgetPg();
  }
}
console.log(
  `\n${RATE} req/s for ${SECONDS} s per endpoint after a ${WARMUP_SECONDS} s warm-up; ` +
    `load average ${loadBefore} before, ${load1()} after\n`,
);
console.log(table(rows));

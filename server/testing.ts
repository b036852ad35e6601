import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { generateDemo } from '../src/domain/demo/generate';
import type { IsoDate } from '../src/domain/contract';
import type { Dataset } from '../src/domain/demo/dataset';
import { DEMO_TODAY, type ContractTarget, type RequestOptions } from '../tests/contract/target';
import { createApp } from './app';
import type { Clock } from './context';
import { createLogger } from './logger';
import { transaction } from './db/guard';
import { migrate } from './db/migrate';
import { openDatabase, type Database } from './db/open';
import { insertDataset, truncateAll } from './db/store';

export interface TestServerOptions {
  database: 'pglite' | 'postgres';
  today?: IsoDate;
  /** The built SPA to serve; omitted: API only. */
  distDir?: string;
}

export interface TestServer extends ContractTarget {
  app: ReturnType<typeof createApp>;
  database: Database;
}

// A request that never answers is almost always a transaction deadlock (pitfall §3.2): fail loudly.
const WATCHDOG_MS = 5_000;

function withWatchdog<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

interface Fresh {
  database: Database;
  schema?: string;
  dispose: () => Promise<void>;
}

async function openFresh(kind: 'pglite' | 'postgres'): Promise<Fresh> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { database, dispose: () => database.close() };
  }
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL must point at a PostgreSQL database for the postgres target');
  // One schema per test server keeps parallel test files apart on one database.
  const schema = `jalon_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  const database = await openDatabase({ kind: 'postgres', url, schema });
  return {
    database,
    schema,
    async dispose() {
      await database.close();
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    },
  };
}

/** An in-process server on a fresh, migrated database holding the demo generated for `today`. */
export async function createTestServer(options: TestServerOptions): Promise<TestServer> {
  const today = options.today ?? DEMO_TODAY;
  const { database, schema, dispose } = await openFresh(options.database);
  await migrate(database.db, schema);
  const dataset: Dataset = generateDemo({ today });
  const seed = () =>
    transaction(database.db, async (tx) => {
      await truncateAll(tx);
      await insertDataset(tx, dataset);
    });
  await seed();
  const clock: Clock = { now: () => new Date().toISOString(), today: () => today };
  const app = createApp({
    database,
    clock,
    distDir: options.distDir ?? null,
    validateResponses: true,
    // A 500 in a test is a bug: its cause must show up in the test output.
    logger: createLogger('error'),
  });

  return {
    name: options.database,
    app,
    database,
    request(method: string, path: string, req: RequestOptions = {}) {
      const headers = new Headers(req.headers);
      let body: string | undefined = req.rawBody;
      if (req.body !== undefined) {
        body = JSON.stringify(req.body);
        if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
      }
      return withWatchdog(
        `${method} ${path}`,
        Promise.resolve(app.request(path, { method, headers, body })),
      );
    },
    reset: () => withWatchdog('reset', seed()),
    close: dispose,
  };
}

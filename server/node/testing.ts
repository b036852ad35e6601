import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/domain/demo/people';
import { generateDemo } from '../../src/domain/demo/generate';
import type { IsoDate, Role } from '../../src/domain/contract';
import type { Dataset } from '../../src/domain/demo/dataset';
import { DEMO_TODAY, type ContractTarget, type RequestOptions } from '../../tests/contract/target';
import { createApp, type AppOptions } from '../app';
import { fixedDayClock, type FakeClock } from '../context';
import { createLogger, type Logger } from '../logger';
import { tableChecksums } from '../db/backup';
import { transaction } from '../db/guard';
import { migrate } from '../db/migrate';
import { insertDataset, truncateAll } from '../db/store';
import type { TableName } from '../db/schema';
import { argon2Hasher } from './argon2';
import { openDatabase, type Database } from './database';
import { staticFiles } from './static';
import { excelWriter } from './spreadsheets';

export interface TestServerOptions {
  database: 'pglite' | 'postgres';
  today?: IsoDate;
  /** The built SPA to serve; omitted: API only. */
  distDir?: string;
  logger?: Logger;
  publicOrigin?: string;
  trustProxy?: string;
  mailer?: AppOptions['mailer'];
}

export interface ClientOptions extends RequestOptions {
  /** The socket address the request seems to come from (default 127.0.0.1). */
  ip?: string;
}

/** One browser: its own cookie jar, same-origin headers by default. */
export interface Client {
  request(method: string, path: string, options?: ClientOptions): Promise<Response>;
  /** Signs in through POST /auth/login and keeps the session cookie; throws unless 200. */
  signIn(email?: string, password?: string): Promise<void>;
  signOut(): void;
  cookie(): string | null;
}

export interface TestServer extends ContractTarget, Omit<Client, 'request' | 'signIn'> {
  request(method: string, path: string, options?: ClientOptions): Promise<Response>;
  signIn(email?: string, password?: string): Promise<void>;
  app: ReturnType<typeof createApp>;
  database: Database;
  clock: FakeClock;
  /** A fresh, signed-out client (another browser). */
  client(): Client;
  /** A client signed in as this account (demo password unless given). */
  as(email: string, password?: string): Promise<Client>;
  /** A client whose session row is live but whose account was disabled behind its back. */
  disabledClient(): Promise<Client>;
  /** Checksums of the business and audit tables (not of sessions or security events). */
  dataChecksums(): Promise<Partial<Record<TableName, string>>>;
}

/** The demo accounts by role, for authorization tests: `own` is consortium A, `other` is B. */
export const DEMO_LOGINS = {
  manager: 'manager@jalon.test',
  observer: 'observer@jalon.test',
  lead: 'lead@jalon.test',
  member: 'member@jalon.test',
  otherLead: 'lead-b@jalon.test',
} as const satisfies Record<string, (typeof DEMO_PEOPLE)[number]['email']>;
export type DemoLogin = keyof typeof DEMO_LOGINS;
export const roleOf = (email: string): Role | undefined =>
  DEMO_PEOPLE.find((p) => p.email === email)?.role;

/** The origin app.request() gives its requests, which the CSRF check compares Origin with. */
export const TEST_ORIGIN = 'http://localhost';

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

// Hashed once per test process: Argon2 per seed would cost ~50 ms each reset.
let demoHash: Promise<string> | null = null;
export const demoPasswordHash = () => (demoHash ??= argon2Hasher.hash(DEMO_PASSWORD));

/** An in-process server on a fresh, migrated database holding the demo generated for `today`. */
export async function createTestServer(options: TestServerOptions): Promise<TestServer> {
  const today = options.today ?? DEMO_TODAY;
  const { database, schema, dispose } = await openFresh(options.database);
  await migrate(database.db, schema);
  const dataset: Dataset = generateDemo({ today });
  const passwordHash = await demoPasswordHash();
  const seed = () =>
    transaction(database.db, async (tx) => {
      // Sessions survive a reset so that clients signed in once stay signed in across scenarios.
      const sessions = await tx.selectFrom('sessions').selectAll().execute();
      await truncateAll(tx);
      await insertDataset(tx, dataset, { passwordHash });
      const ids = new Set(dataset.users.map((u) => u.id));
      const kept = sessions
        .filter((s) => ids.has(s.userId))
        .map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        }));
      if (kept.length > 0) await tx.insertInto('sessions').values(kept).execute();
    });
  await seed();
  const clock = fixedDayClock(today);
  const app = createApp({
    database,
    clock,
    fallback: options.distDir ? staticFiles(options.distDir) : null,
    passwords: argon2Hasher,
    validateResponses: true,
    // A 500 in a test is a bug: its cause must show up in the test output.
    logger: options.logger ?? createLogger('error', (line) => process.stderr.write(line)),
    origins: options.publicOrigin
      ? { links: options.publicOrigin, accepted: [options.publicOrigin] }
      : { links: TEST_ORIGIN, accepted: [TEST_ORIGIN] },
    trustProxy: options.trustProxy ?? null,
    mailer: options.mailer ?? null,
    spreadsheets: excelWriter,
  });

  const client = (): Client => {
    let cookie: string | null = null;
    const self: Client = {
      request(method, path, req = {}) {
        const headers = new Headers(req.headers);
        let body: string | undefined = req.rawBody;
        if (req.body !== undefined) {
          body = JSON.stringify(req.body);
          if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
        }
        if (!headers.has('Origin')) headers.set('Origin', TEST_ORIGIN);
        if (cookie && !headers.has('Cookie')) headers.set('Cookie', cookie);
        const env = { incoming: { socket: { remoteAddress: req.ip ?? '127.0.0.1' } } };
        return withWatchdog(
          `${method} ${path}`,
          Promise.resolve(app.request(path, { method, headers, body }, env)),
        );
      },
      async signIn(email = DEMO_LOGINS.manager, password = DEMO_PASSWORD) {
        const res = await self.request('POST', '/api/v1/auth/login', {
          body: { email, password },
        });
        if (res.status !== 200) throw new Error(`sign-in as ${email}: ${res.status}`);
        cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? null;
      },
      signOut() {
        cookie = null;
      },
      cookie: () => cookie,
    };
    return self;
  };

  const main = client();
  return {
    name: options.database,
    app,
    database,
    clock,
    ...main,
    client,
    async as(email, password) {
      const c = client();
      await c.signIn(email, password);
      return c;
    },
    async disabledClient() {
      const c = client();
      await c.signIn('lead-c@jalon.test');
      await database.db
        .updateTable('users')
        .set({ disabled: true })
        .where('email', '=', 'lead-c@jalon.test')
        .execute();
      return c;
    },
    async dataChecksums() {
      const all = await tableChecksums(database.db);
      const { sessions: _s, security_events: _e, login_failures: _f, ...data } = all;
      return data;
    },
    reset: () => withWatchdog('reset', seed()),
    close: dispose,
  };
}

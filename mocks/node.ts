import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { setupServer } from 'msw/node';
import type { IsoDate } from '@domain/contract/common';
import { createApp } from '@server/app';
import { fixedDayClock, type FakeClock } from '@server/context';
import { installTransactionGuard } from '@server/db/guard';
import type { DB } from '@server/db/schema';
import { createLogger } from '@server/logger';
import { argon2Hasher } from '@server/node/argon2';
import { apiBridge, memoryJar, type FetchApp } from './api-bridge';
import { buildDemoSnapshot, openMockDatabase, type MockDatabase } from './node-database';

/*
 * The mocks in Node (component tests, the contract suite's "mocks" target): MSW intercepts fetch
 * and hands each request to the server's app over an in-memory PGlite loaded with the demo.
 */

// As on the server, the root handle may not be used inside a transaction (a PGlite deadlock).
installTransactionGuard(new AsyncLocalStorage<true>());

export interface NodeMockApiOptions {
  /** The day the demo was generated for; the app's clock stays on it. */
  today: IsoDate;
  /** Where the pages under test live (jsdom's location), which links point to. */
  origin: string;
  /** A snapshot from buildDemoSnapshot(today); built here (a few seconds) when not given. */
  snapshot?: () => Promise<Uint8Array>;
}

export interface NodeMockApi {
  /** MSW: `listen({ onUnhandledRequest: 'error' })`, `use()` overrides, `close()`. */
  server: ReturnType<typeof setupServer>;
  clock: FakeClock;
  /** The database behind the API, to arrange or read what a test needs; opens it if needed. */
  db(): Promise<Kysely<DB>>;
  /** The cookie the next request carries, as a browser would keep it. */
  session: { read(): string | null; write(cookie: string | null): void };
  /** Back to the demo as loaded, signed out unless `keepSessions`; cheap when nothing changed. */
  reset(options?: { keepSessions?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export function createNodeMockApi(options: NodeMockApiOptions): NodeMockApi {
  const clock = fixedDayClock(options.today);
  const session = memoryJar();
  const snapshot = options.snapshot ?? (() => buildDemoSnapshot(options.today, argon2Hasher));
  let opened: Promise<{ database: MockDatabase; app: FetchApp }> | null = null;

  const open = () =>
    (opened ??= (async () => {
      const database = openMockDatabase(await snapshot());
      const app = createApp({
        database: { db: database.db, kind: 'pglite' },
        clock,
        passwords: argon2Hasher,
        origins: { links: options.origin, accepted: [options.origin] },
        validateResponses: true,
        // A 500 in a test is a bug: its cause must show in the test output.
        logger: createLogger('error', (line) => process.stderr.write(line)),
      });
      return { database, app };
    })());

  const server = setupServer(apiBridge(async () => (await open()).app, session));

  return {
    server,
    clock,
    session,
    async db() {
      return (await open()).database.db;
    },
    async reset({ keepSessions = false } = {}) {
      if (!keepSessions) session.write(null);
      if (opened) await (await opened).database.restore({ keepSessions });
    },
    async close() {
      if (opened) await (await opened).database.close();
      opened = null;
    },
  };
}

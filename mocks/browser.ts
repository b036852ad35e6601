import { PGlite } from '@electric-sql/pglite';
import { setupWorker } from 'msw/browser';
import { generateDemo } from '@domain/demo/generate';
import { todayIso } from '@domain/rules/periods';
import { createApp } from '@server/app';
import { createKysely, PGLITE_PARSERS } from '@server/db/kysely';
import { migrate } from '@server/db/migrate';
import { PGliteDialect } from '@server/db/pglite-dialect';
import { seedEmpty } from '@server/db/store';
import { createLogger } from '@server/logger';
import { apiBridge, type FetchApp, type SessionJar } from './api-bridge';
import { demoPasswordHasher } from './demo-password-hasher';

/*
 * `npm run dev`: the server's app runs in the page, over PGlite in IndexedDB, so the demo keeps
 * its data and its session across reloads like `npm start` keeps them across restarts. Open the
 * app with `?demo-reset` to start again from a fresh demo.
 */

const DATABASE = 'jalon-dev';
const SESSION_KEY = 'jalon-dev-session';

const localJar: SessionJar = {
  read: () => window.localStorage.getItem(SESSION_KEY),
  write: (cookie) =>
    cookie === null
      ? window.localStorage.removeItem(SESSION_KEY)
      : window.localStorage.setItem(SESSION_KEY, cookie),
};

function forgetDemoIfAsked(): Promise<void> {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('demo-reset')) return Promise.resolve();
  url.searchParams.delete('demo-reset');
  window.history.replaceState(null, '', url);
  localJar.write(null);
  // PGlite keeps an IndexedDB data directory under this name.
  return new Promise((done) => {
    const request = indexedDB.deleteDatabase(`/pglite/${DATABASE}`);
    request.onsuccess = request.onerror = request.onblocked = () => done();
  });
}

async function openApp(): Promise<FetchApp> {
  await forgetDemoIfAsked();
  const pglite = new PGlite(`idb://${DATABASE}`, { parsers: PGLITE_PARSERS });
  const db = createKysely(new PGliteDialect(pglite));
  await migrate(db);
  // Anchored on the real date, as `npm start` seeds it, so the trial always looks current.
  await seedEmpty(db, () => generateDemo({ today: todayIso() }), demoPasswordHasher);
  return createApp({
    database: { db, kind: 'pglite' },
    passwords: demoPasswordHasher,
    // The page itself: only its own requests reach the worker.
    origins: { links: window.location.origin, accepted: [window.location.origin] },
    validateResponses: true,
    logger: createLogger('error', (line) => console.error(line)),
  });
}

let app: Promise<FetchApp> | null = null;

/** Set VITE_MOCK_LATENCY_MS to see loading states; 0 by default. */
const latencyMs = Number(import.meta.env.VITE_MOCK_LATENCY_MS ?? 0) || 0;

export const worker = setupWorker(apiBridge(() => (app ??= openApp()), localJar, { latencyMs }));

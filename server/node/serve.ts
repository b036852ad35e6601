import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { systemClock } from '../context';
import { createWorker, type RegisteredJob, type WorkerOptions } from '../jobs';
import type { Database } from '../db/kysely';
import type { Logger } from '../logger';
import { argon2Hasher } from './argon2';
import { compressed } from './compress';
import { originsOf, type Config } from './config';
import { smtpMailer } from './mailer';
import { staticFiles } from './static';
import { excelWriter } from './spreadsheets';

/** In-flight answers get this long after a stop signal; the process limit is 10 s. */
const DRAIN_GRACE_MS = 5_000;

export interface RunningServer {
  url: string;
  /**
   * Stops accepting and stops the job worker, lets in-flight requests and the running job
   * finish, then closes the database.
   */
  close(): Promise<void>;
}

/** The kinds this instance's job worker runs, and its tuning (tests shorten the lease). */
export interface JobsSetup {
  jobs: readonly RegisteredJob[];
  worker?: Pick<WorkerOptions, 'pollMs' | 'leaseMs' | 'backoff'>;
}

export async function listen(
  config: Config,
  database: Database,
  logger: Logger,
  jobs: JobsSetup = { jobs: [] },
): Promise<RunningServer> {
  const distDir = resolve('dist');
  const app = createApp({
    database,
    logger,
    fallback: existsSync(resolve(distDir, 'index.html')) ? staticFiles(distDir) : null,
    validateResponses: process.env.NODE_ENV !== 'production',
    passwords: argon2Hasher,
    origins: originsOf(config),
    trustProxy: config.trustProxy,
    mailer: config.smtp ? smtpMailer(config.smtp, logger) : null,
    spreadsheets: excelWriter,
  });
  const server = await new Promise<Server>((ok, fail) => {
    // The socket rides in `env` (client address for rate limits and audit): pass it on whole.
    const fetch = async (request: Request, env: { incoming: unknown; outgoing: unknown }) =>
      compressed(request, await app.fetch(request, env));
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => ok(s as Server));
    s.once('error', fail);
  });
  // Slow or idle clients must not hold a shutdown open.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // Started once the port is taken: a server that failed to listen runs no jobs.
  const worker = createWorker({
    ...jobs.worker,
    db: database.db,
    clock: systemClock,
    jobs: jobs.jobs,
    logger,
  });
  worker.start();
  let closing: Promise<void> | null = null;
  return {
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
    close() {
      closing ??= (async () => {
        const drained = new Promise<void>((done) => {
          // A keep-alive connection busy at the signal turns idle once its answer is sent, and
          // would otherwise linger until a timeout: close each as it turns idle, and cut whatever
          // is still open when the grace period ends.
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          const cut = setTimeout(() => server.closeAllConnections(), DRAIN_GRACE_MS);
          server.close(() => {
            clearInterval(sweep);
            clearTimeout(cut);
            done();
          });
          server.closeIdleConnections();
        });
        // A job killed here would only run again after its lease: let it finish instead.
        await Promise.all([drained, worker.stop()]);
        await database.close();
      })();
      return closing;
    },
  };
}

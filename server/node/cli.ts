import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateDemo, generateScale } from '../../src/domain/demo/generate';
import type { Dataset } from '../../src/domain/demo/dataset';
import { BENCH_CONSORTIUM_ID, MAX_BENCH_POINTS } from '../../src/domain/demo/kpi-bench';
import { todayIso } from '../../src/domain/rules';
import { dumpSql, restoreSql } from '../db/backup';
import { migrate } from '../db/migrate';
import { insertKpiSeries, seedEmpty } from '../db/store';
import { createLogger, type Logger } from '../logger';
import { createAdmin, demoAccountsText, readPassword } from './admin';
import { argon2Hasher } from './argon2';
import { loadConfig, type Config } from './config';
import { openDatabase, type Database } from './database';
import { listJobs, JOBS } from '../jobs';
import { listen, type JobsSetup } from './serve';

const USAGE = `Usage: jalon <command>
  serve [--demo-if-empty]   run the API and the built app (default)
  migrate                   apply pending database migrations
  seed --demo | --scale N   load the demo (or N× the demo) into an empty database
  seed --kpi-series N       add N monthly PAT_INC values (consortium bench-series) to the demo
  backup <file>             write every table as SQL INSERT statements
  restore <file> [--force]  load a backup into an empty database (--force: replace its data)
  create-admin --email E --name N --programme ID
                            create a manager; the password is read from stdin or typed hidden
  jobs [--prefix P]         list durable jobs (state, attempts, next run, last error)`;

class UsageError extends Error {}

const SHUTDOWN_LIMIT_MS = 10_000;

function open(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

const seedIfEmpty = (database: Database, dataset: () => Dataset) =>
  seedEmpty(database.db, dataset, argon2Hasher);

/** What a caller of the CLI may add to `serve`; system tests register kinds of their own. */
export interface CliExtensions extends Partial<JobsSetup> {
  /** Runs once the server listens. */
  onListening?(database: Database): Promise<void>;
}

async function serveCommand(
  config: Config,
  logger: Logger,
  args: string[],
  extensions: CliExtensions,
) {
  const database = await open(config);
  const running = await (async () => {
    await migrate(database.db);
    if (
      args.includes('--demo-if-empty') &&
      (await seedIfEmpty(database, () => generateDemo({ today: todayIso() })))
    ) {
      process.stdout.write('The database was empty: loaded the demo programme\n');
    }
    return listen(config, database, logger, {
      jobs: [...JOBS, ...(extensions.jobs ?? [])],
      ...(extensions.worker ? { worker: extensions.worker } : {}),
    });
  })().catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const where =
    database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const demo = await demoAccountsText(database);
  process.stdout.write(
    `Jalon is running at ${running.url}\nData: ${where}\n${demo ? `${demo}\n` : ''}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    // Ctrl-C under `npm start` delivers SIGINT twice (terminal and parent): shut down once.
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  await extensions.onListening?.(database);
}

/** Opens the database, runs `work`, and always closes it (releasing the PGlite lock). */
async function withDatabase<T>(
  config: Config,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await open(config);
  try {
    await migrate(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

function jobLine(job: Awaited<ReturnType<typeof listJobs>>[number]): string {
  const next =
    job.state === 'done'
      ? `done ${job.doneAt}`
      : job.state === 'failed'
        ? `failed ${job.failedAt}`
        : `next ${job.runAt}`;
  const error = job.lastError ? `  last error: ${job.lastError.split('\n')[0]}` : '';
  return `${job.state}\t${job.attempts}/${job.maxAttempts}\t${next}\t${job.kind}\t${job.key}${error}`;
}

/** Runs one operator command; `main.ts` is the entry point, tests may pass extensions. */
export async function runCli(argv: string[], extensions: CliExtensions = {}) {
  const [command = 'serve', ...args] = argv;
  if (command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel, (line) => process.stderr.write(line));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'serve':
      return serveCommand(config, logger, args, extensions);
    case 'migrate':
      return withDatabase(config, () => Promise.resolve(out('Database schema is up to date')));
    case 'seed': {
      const series = args.indexOf('--kpi-series');
      if (series >= 0) {
        const points = Number(args[series + 1]);
        if (!(Number.isInteger(points) && points >= 1 && points <= MAX_BENCH_POINTS))
          throw new UsageError(
            `--kpi-series needs a whole number between 1 and ${MAX_BENCH_POINTS}`,
          );
        return withDatabase(config, async (database) => {
          await insertKpiSeries(database.db, points, {
            today: todayIso(),
            now: new Date().toISOString(),
          });
          out(`Added ${points} monthly values for consortium ${BENCH_CONSORTIUM_ID}`);
        });
      }
      const scale = args.indexOf('--scale');
      const factor = scale >= 0 ? Number(args[scale + 1]) : null;
      if (factor !== null && !(Number.isInteger(factor) && factor >= 1 && factor <= 1000)) {
        throw new UsageError('--scale needs a whole number between 1 and 1000');
      }
      if (factor === null && !args.includes('--demo'))
        throw new UsageError('seed needs --demo or --scale N');
      const today = todayIso();
      const dataset = () =>
        factor === null ? generateDemo({ today }) : generateScale(factor, today);
      return withDatabase(config, async (database) => {
        if (!(await seedIfEmpty(database, dataset)))
          throw new UsageError('The database is not empty; nothing was seeded');
        out('Seeded');
      });
    }
    case 'backup': {
      const file = args[0];
      if (!file) throw new UsageError('backup needs a file name');
      return withDatabase(config, async (database) => {
        writeFileSync(file, await dumpSql(database.db), { mode: 0o600 });
        out(`Backup written to ${file}`);
      });
    }
    case 'restore': {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) throw new UsageError('restore needs a file name');
      const dump = readFileSync(file, 'utf8');
      return withDatabase(config, async (database) => {
        const rows = await restoreSql(database.db, dump, { force: args.includes('--force') });
        out(`Restored ${rows} rows from ${file}`);
      });
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          programme: { type: 'string' },
        },
      });
      if (!values.email || !values.name || !values.programme)
        throw new UsageError('create-admin needs --email, --name and --programme');
      const password = await readPassword('Password (8–128 characters): ');
      return withDatabase(config, async (database) => {
        const admin = {
          email: values.email ?? '',
          name: values.name ?? '',
          programmeId: values.programme ?? '',
        };
        const { email } = await createAdmin(database, admin, password);
        out(`Created manager ${email} for programme ${admin.programmeId}`);
      });
    }
    case 'jobs': {
      const { values } = parseArgs({ args, options: { prefix: { type: 'string' } } });
      return withDatabase(config, async (database) => {
        const jobs = await listJobs(database.db, new Date().toISOString(), {
          limit: 1000,
          ...(values.prefix ? { prefix: values.prefix } : {}),
        });
        for (const job of jobs) out(jobLine(job));
        if (jobs.length === 0) out('No jobs');
      });
    }
    default:
      throw new UsageError(`Unknown command "${command}"\n${USAGE}`);
  }
}

/** The process entry: runs the command and turns a failure into one line and exit code 1. */
export function runMain(argv: string[], extensions: CliExtensions = {}): void {
  runCli(argv, extensions).catch((error: unknown) => {
    // Operators get one line; the known failures (config, database, lock) say what to fix.
    const message = error instanceof Error ? error.message : JSON.stringify(error);
    process.stderr.write(`jalon: ${message}\n`);
    process.exit(1);
  });
}

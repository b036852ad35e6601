import type { Kysely } from 'kysely';
import { Problem } from '../../src/domain/problems';
import type { DB } from '../db/schema';
import { sha256 } from './tokens';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** Failures are counted per account and address, so one attacker cannot lock a person out. */
const keyOf = (email: string) => sha256(email);

export class RateLimited extends Problem {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too many failed attempts; try again later', {
      retryAfterSeconds,
    });
  }
}

/** Throws while the (account, address) pair has used up its failures in the window. */
export async function checkLoginLimit(
  db: Kysely<DB>,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const rows = await db
    .selectFrom('loginFailures')
    .select('at')
    .where('accountKey', '=', await keyOf(email))
    .where('ip', '=', ip)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(MAX_FAILURES)
    .execute();
  if (rows.length < MAX_FAILURES) return;
  // Free again when the oldest of the last five failures leaves the window.
  const oldest = rows[rows.length - 1]!.at.getTime();
  throw new RateLimited(
    Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MS - now.getTime()) / 1000)),
  );
}

export async function recordLoginFailure(
  db: Kysely<DB>,
  email: string,
  ip: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('loginFailures')
    .values({ accountKey: await keyOf(email), ip, at: now.toISOString() })
    .execute();
  // Old rows are no longer counted; dropping them here keeps the table small without a job.
  await db
    .deleteFrom('loginFailures')
    .where('at', '<', new Date(now.getTime() - FAILURE_WINDOW_MS))
    .execute();
}

export async function clearLoginFailures(db: Kysely<DB>, email: string, ip: string) {
  await db
    .deleteFrom('loginFailures')
    .where('accountKey', '=', await keyOf(email))
    .where('ip', '=', ip)
    .execute();
}

import type { Kysely } from 'kysely';
import type { Membership } from '../../src/domain/contract';
import type { Principal } from '../../src/domain/rules';
import type { DB } from '../db/schema';
import { newToken, sha256 } from './tokens';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
// Writing last_seen_at on every request would turn each read into a write; a minute of slack on
// a 30-minute idle limit is the price.
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  principal: Principal;
  tokenSha256: string;
}

export async function membershipsOf(db: Kysely<DB>, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['role', 'programmeId', 'consortiumId'])
    .where('userId', '=', userId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role }));
}

/** A new session row; only the token's hash is stored, the token goes to the cookie. */
export async function createSession(
  db: Kysely<DB>,
  userId: string,
  now: Date,
  userAgent: string,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      tokenSha256: await sha256(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      userAgent: userAgent.slice(0, 200),
    })
    .execute();
  return token;
}

export type Resolution =
  { kind: 'none' } | { kind: 'expired'; userId: string } | { kind: 'active'; session: SignedIn };

/** Checks the idle and absolute limits and the account on every request; ends what has expired. */
export async function resolveSession(
  db: Kysely<DB>,
  token: string | null,
  now: Date,
): Promise<Resolution> {
  if (token === null) return { kind: 'none' };
  const tokenSha256 = await sha256(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['s.userId', 's.lastSeenAt', 's.expiresAt', 'u.name', 'u.disabled'])
    .where('s.tokenSha256', '=', tokenSha256)
    .executeTakeFirst();
  if (!row) return { kind: 'none' };
  const t = now.getTime();
  const idle = t - row.lastSeenAt.getTime();
  if (row.disabled || t >= row.expiresAt.getTime() || idle > IDLE_TIMEOUT_MS) {
    await db.deleteFrom('sessions').where('tokenSha256', '=', tokenSha256).execute();
    return { kind: 'expired', userId: row.userId };
  }
  if (idle >= TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now.toISOString() })
      .where('tokenSha256', '=', tokenSha256)
      .execute();
  }
  const principal = {
    userId: row.userId,
    name: row.name,
    memberships: await membershipsOf(db, row.userId),
  };
  return { kind: 'active', session: { principal, tokenSha256 } };
}

export async function endSession(db: Kysely<DB>, token: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('tokenSha256', '=', await sha256(token))
    .execute();
}

/** Disabling an account or resetting its password ends every session it holds (ASVS 7.4.2). */
export async function endUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

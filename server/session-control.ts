import type { Kysely } from 'kysely';
import type { Clock, SessionControl } from './context';
import { clearedCookie, sessionCookie, type CookiePolicy } from './auth/cookies';
import { createSession, endSession } from './auth/sessions';
import type { DB } from './db/schema';

/** The handler-facing side of sessions; `cookie` is what the response must set, if anything. */
export class RequestSession implements SessionControl {
  cookie: string | null = null;

  constructor(
    readonly token: string | null,
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly policy: CookiePolicy,
    private readonly userAgent: string,
  ) {}

  async start(userId: string): Promise<void> {
    // A session the browser already had (someone else's, or planted) never survives a sign-in.
    if (this.token) await endSession(this.db, this.token);
    const token = await createSession(this.db, userId, new Date(this.clock.now()), this.userAgent);
    this.cookie = sessionCookie(this.policy, token);
  }

  async end(): Promise<void> {
    if (this.token) await endSession(this.db, this.token);
    this.cookie = clearedCookie(this.policy);
  }
}

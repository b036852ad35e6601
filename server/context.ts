import type { Kysely } from 'kysely';
import type { IsoDate, Role, Timestamp } from '../src/domain/contract';
import type { Actor, MutationContext, Principal, Scope } from '../src/domain/rules';
import type { SecurityEvent } from './auth/security-events';
import type { DatabaseKind } from './db/kysely';
import type { DB } from './db/schema';
import type { Mailer, PasswordHasher, SpreadsheetWriter } from './ports';

/** Injectable so that session timeouts and rate-limit windows are tested with a fake clock. */
export interface Clock {
  now(): Timestamp;
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

/** Frozen time that tests move by hand: session timeouts and rate-limit windows depend on it. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
}

/** A clock on a fixed day (the demo's), whose time starts now and moves only when told. */
export function fixedDayClock(today: IsoDate): FakeClock {
  let at = Date.now();
  return {
    now: () => new Date(at).toISOString(),
    today: () => today,
    advance: (ms) => {
      at += ms;
    },
  };
}

/** What a handler may do with the caller's session; the app turns it into Set-Cookie. */
export interface SessionControl {
  /** The token of the cookie the request came with, valid or not. */
  readonly token: string | null;
  /** Ends the request's own session (fixation), opens a new one and sets its cookie. */
  start(userId: string): Promise<void>;
  /** Ends the request's session, if any, and clears the cookie. */
  end(): Promise<void>;
}

export interface RequestContext {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  /** Null only on public routes called without a session. */
  principal: Principal | null;
  /** Who the audit trail and milestone events name: the principal, or nobody. */
  actor: Actor;
  /** The principal's strongest role on the route's scope, for the audit trail and the rules. */
  role: Role | null;
  scope: Scope | null;
  requestId: string;
  clock: Clock;
  ip: string;
  userAgent: string;
  /** Where links in invitations point: the configured origin, never the request's Host. */
  linkOrigin: string;
  session: SessionControl;
  mailer: Mailer | null;
  /** Null where no XLSX writer runs (the browser mocks). */
  spreadsheets: SpreadsheetWriter | null;
  passwords: PasswordHasher;
  security(event: Omit<SecurityEvent, 'ip' | 'requestId'>): Promise<void>;
}

export const ANONYMOUS: Actor = { id: null, name: 'anonymous' };

export function mutationContext(ctx: RequestContext): MutationContext {
  return { actor: ctx.actor, now: ctx.clock.now(), newId: () => crypto.randomUUID() };
}

import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { IsoDate, Timestamp } from '../src/domain/contract';
import type { Actor, MutationContext } from '../src/domain/rules';
import type { DatabaseKind } from './db/open';
import type { DB } from './db/schema';

export interface Clock {
  now(): Timestamp;
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => new Date().toISOString().slice(0, 10),
};

/** Until sign-in lands every request acts as this; `resolveActor` is where a session plugs in. */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

export interface RequestContext {
  db: Kysely<DB>;
  databaseKind: DatabaseKind;
  actor: Actor;
  requestId: string;
  clock: Clock;
}

export function mutationContext(ctx: RequestContext): MutationContext {
  return { actor: ctx.actor, now: ctx.clock.now(), newId: randomUUID };
}

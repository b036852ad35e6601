import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Timestamp } from '../../src/domain/contract';
import type { Clock } from '../context';
import type { DB } from '../db/schema';
import { enqueue } from './queue';

/** What a handler gets besides its payload. */
export interface JobContext {
  /** The root handle: a handler runs outside the claim transaction and opens its own if needed. */
  db: Kysely<DB>;
  /** The dedupe key: the handler's idempotency key (delivery is at least once). */
  key: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
  clock: Clock;
  /** Aborted when the worker stops; a handler may cut a long task short (it is then retried). */
  signal: AbortSignal;
}

/** Thrown by a handler (or for a payload that does not parse): retrying cannot help, so fail now. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** A kind as the worker sees it: the payload type is erased, `run` parses it first. */
export interface RegisteredJob {
  kind: string;
  maxAttempts: number;
  run(payload: unknown, ctx: JobContext): Promise<void>;
}

export interface ScheduleRequest<P> {
  key: string;
  runAt: Timestamp;
  payload: P;
  maxAttempts?: number;
  now?: Timestamp;
}

export interface JobDefinition<P> extends RegisteredJob {
  /** Enqueues a job of this kind after checking its payload; false when the key already exists. */
  schedule(db: Kysely<DB>, request: ScheduleRequest<P>): Promise<boolean>;
}

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * A kind with a typed payload. The schema is applied on the way in (a bad payload never reaches
 * the table) and on the way out (a row written by an older version may no longer fit).
 */
export function defineJob<P extends Record<string, unknown>>(definition: {
  kind: string;
  payload: z.ZodType<P>;
  maxAttempts?: number;
  handle(payload: P, ctx: JobContext): Promise<void>;
}): JobDefinition<P> {
  const maxAttempts = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  return {
    kind: definition.kind,
    maxAttempts,
    run(payload, ctx) {
      const parsed = definition.payload.safeParse(payload);
      if (!parsed.success)
        return Promise.reject(
          new PermanentJobError(`payload of ${definition.kind}: ${parsed.error.message}`),
        );
      return definition.handle(parsed.data, ctx);
    },
    schedule(db, request) {
      const payload = definition.payload.parse(request.payload);
      return enqueue(db, {
        kind: definition.kind,
        key: request.key,
        runAt: request.runAt,
        payload,
        maxAttempts: request.maxAttempts ?? maxAttempts,
        ...(request.now ? { now: request.now } : {}),
      });
    },
  };
}

import { z } from 'zod';

/** Identifiers are opaque strings: slugs for seeded rows, UUIDs for rows created at run time. */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid identifier');
export type Id = z.infer<typeof Id>;

/** A calendar date without time zone, as milestones are planned by the day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** Reporting period: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (yearly). */
export const Period = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'expected YYYY-MM, YYYY-Qn or YYYY');
export type Period = z.infer<typeof Period>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

export const LocalizedText = z.strictObject({
  fr: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Optimistic-concurrency counter carried by every mutable row and sent as the ETag. */
export const Version = z.number().int().min(1);

export const ErrorCode = z.enum([
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'precondition_failed',
  'precondition_required',
  'payload_too_large',
  'unsupported_media_type',
  'rule_violated',
  'rate_limited',
  'internal',
  'unavailable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorBody = z.strictObject({
  error: z.strictObject({
    code: ErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Up or not for everyone (a 503 when the database is gone); what runs, only to signed-in people. */
export const HealthResponse = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres', 'memory']).optional(),
  version: z.string().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

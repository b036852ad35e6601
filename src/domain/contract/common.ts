import { z } from 'zod';

// PostgreSQL stores neither U+0000 nor half a surrogate pair (text and JSON alike), and neither
// is anything a person types: refusing them here keeps them out of every column and log line.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSAFE_TEXT_MESSAGE = 'contains a NUL character or an unpaired surrogate';
/** The issue code of that refusal, so a form says what is wrong rather than "invalid value". */
export const TEXT_INVALID_CHARACTER = 'text_invalid_character';
export const isSafeText = (value: string) => !UNSAFE_TEXT.test(value);

/**
 * The code an issue is reported and translated by: zod's own, except for the contract's own
 * refinements, which zod can only call `custom` and which carry their real code in `params`.
 */
export function issueCode(issue: z.core.$ZodIssue): string {
  const own: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof own === 'string' ? own : issue.code;
}

/**
 * The one string of the contract: every text field and parameter starts here (ESLint forbids a
 * bare `z.string()` in src/domain/contract), so none can let those characters through.
 */
/* eslint-disable no-restricted-syntax -- the one place bare strings are built */
export const text = () =>
  z.string().refine(isSafeText, {
    message: UNSAFE_TEXT_MESSAGE,
    params: { code: TEXT_INVALID_CHARACTER },
  });
export const emailText = () => text().pipe(z.email());
export const urlText = (options?: Parameters<typeof z.url>[0], max = 2000) =>
  text().max(max).pipe(z.url(options));
/* eslint-enable no-restricted-syntax */

/** Identifiers are opaque strings: slugs for seeded rows, UUIDs for rows created at run time. */
export const Id = text().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid identifier');
export type Id = z.infer<typeof Id>;

/** A calendar date without time zone, as milestones are planned by the day. */
export const IsoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

export const Timestamp = z.iso.datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** Reporting period: YYYY-MM (monthly), YYYY-Qn (quarterly) or YYYY (yearly). */
export const Period = text().regex(
  /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/,
  'expected YYYY-MM, YYYY-Qn or YYYY',
);
export type Period = z.infer<typeof Period>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

export const LocalizedText = z.strictObject({
  fr: text().min(1).max(500),
  en: text().min(1).max(500),
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
    message: text(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Up or not for everyone (a 503 when the database is gone); what runs, only to signed-in people. */
export const HealthResponse = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres', 'memory']).optional(),
  version: text().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

export const listOf = <T extends z.ZodType>(item: T) => z.strictObject({ items: z.array(item) });

import { z } from 'zod';
import { Milestone, MilestoneRefusal, SubmissionGap } from '@domain/contract/milestone';
import type { ApiError } from '@/api/errors';

/**
 * What went wrong with a milestone write, in the terms the page shows it. The server's message
 * is English; the page speaks the reader's language from the error's code and `details.reason`.
 */
export type MilestoneProblem =
  | { kind: 'conflict'; current: Milestone }
  | { kind: 'gaps'; missing: SubmissionGap[] }
  | { kind: 'fields'; fields: FieldProblem[] }
  | { kind: 'refused'; reason: RefusalReason }
  | { kind: 'retryable'; reason: 'network' | 'server' };

export type RefusalReason =
  | MilestoneRefusal
  | 'forbidden'
  | 'notFound'
  | 'stale'
  | 'tooLarge'
  | 'unsupportedType'
  | 'invalid';

/** A field the server named, with the rule it broke (a MilestoneRefusal or zod's issue code). */
export interface FieldProblem {
  field: string;
  code: string;
}

const Details = z.looseObject({
  reason: MilestoneRefusal.optional().catch(undefined),
  missing: z.array(SubmissionGap).optional().catch(undefined),
  current: z.unknown().optional(),
  issues: z
    .array(z.looseObject({ field: z.string(), code: z.string() }))
    .optional()
    .catch(undefined),
});

export function classifyMilestoneError(error: ApiError): MilestoneProblem {
  if (error.kind === 'network') return { kind: 'retryable', reason: 'network' };
  if (error.kind !== 'http') return { kind: 'retryable', reason: 'server' };
  const details = Details.safeParse(error.details ?? {}).data ?? {};
  switch (error.status) {
    case 412: {
      const current = Milestone.safeParse(details.current);
      return current.success
        ? { kind: 'conflict', current: current.data }
        : { kind: 'refused', reason: 'stale' };
    }
    case 413:
      return { kind: 'refused', reason: 'tooLarge' };
    case 415:
      return {
        kind: 'refused',
        reason: details.reason === 'content_mismatch' ? 'content_mismatch' : 'unsupportedType',
      };
    case 403:
      return { kind: 'refused', reason: 'forbidden' };
    case 404:
      return { kind: 'refused', reason: 'notFound' };
  }
  if (details.missing && details.missing.length > 0) {
    return { kind: 'gaps', missing: details.missing };
  }
  const fields = (details.issues ?? [])
    .filter((i) => i.field !== '')
    .map((i) => ({ field: i.field, code: i.code }));
  if (error.status === 400 || error.status === 422) {
    if (fields.length > 0) return { kind: 'fields', fields };
    return { kind: 'refused', reason: details.reason ?? 'invalid' };
  }
  if (error.status < 500) return { kind: 'refused', reason: details.reason ?? 'invalid' };
  return { kind: 'retryable', reason: 'server' };
}

import type { z } from 'zod';
import { issueCode, type ApiErrorBody, type ErrorCode } from './contract/common';

/**
 * A refusal the API answers with: the server and the mocks throw these and turn them into the
 * `{ error: { code, message, details } }` body with the status below.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'Problem';
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
    code: issueCode(i),
    message: i.message,
  }));
}

export function invalid(where: 'params' | 'query' | 'body', error: z.ZodError): Problem {
  const issues = fieldIssues(error);
  const fields = [...new Set(issues.map((i) => i.field).filter(Boolean))];
  const message = fields.length
    ? `Invalid ${where}: ${fields.join(', ')}`
    : `Invalid ${where}: ${issues[0]?.message ?? 'malformed'}`;
  return new Problem(400, 'validation_failed', message, { issues });
}

export const notFound = (what: string) => new Problem(404, 'not_found', `${what} not found`);
export const preconditionRequired = () =>
  new Problem(
    428,
    'precondition_required',
    'This update needs an If-Match header with the version you read',
  );
export const preconditionFailed = (current: unknown) =>
  new Problem(412, 'precondition_failed', 'Someone else changed this since you read it', {
    current,
  });

/** Parses `If-Match: "7"` (or W/"7", or 7) into a version number; null when absent or malformed. */
export function parseIfMatch(header: string | null | undefined): number | null {
  if (!header) return null;
  const m = /^\s*(?:W\/)?(?:"(\d{1,9})"|(\d{1,9}))\s*$/.exec(header);
  return m ? Number(m[1] ?? m[2]) : null;
}

export const etagOf = (version: number) => `"${version}"`;

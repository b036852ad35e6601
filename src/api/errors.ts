import type { ErrorCode } from '@domain/contract/common';

/*
 * Kept apart from http.ts, which pulls in the zod contract: the app shell (error boundary,
 * retry policy) needs only this class, so zod stays out of the initial chunk.
 */

export type ApiErrorKind =
  /** The server answered with an error status. */
  | 'http'
  /** fetch itself failed (offline, DNS, connection reset): worth a retry. */
  | 'network'
  /** The body is not JSON or does not match the contract: retrying will not help. */
  | 'unexpected_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly kind: ApiErrorKind,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** The server's error code when it sent a contract error body, otherwise null. */
    readonly code: ErrorCode | null,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown; retryAfterSeconds?: number | null },
  ) {
    super(message, options);
    this.retryAfterSeconds = options?.retryAfterSeconds ?? null;
  }

  /** From a 429's Retry-After header (seconds form), so the UI can say how long to wait. */
  readonly retryAfterSeconds: number | null;

  get isNotFound(): boolean {
    return this.kind === 'http' && this.status === 404;
  }

  /** 4xx answers are the server's decision about this request; repeating it changes nothing. */
  get isUnauthenticated(): boolean {
    return this.kind === 'http' && this.status === 401;
  }

  get isClientError(): boolean {
    return this.kind === 'http' && this.status >= 400 && this.status < 500;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * Reads the stored row out of a 412. A zod schema fits as it is; taking only its shape keeps
 * zod out of this file (see above).
 */
export interface StoredRowSchema<Row> {
  safeParse(value: unknown): { success: true; data: Row } | { success: false };
}

/** A field the server refused, named as the form names it, with the rule it broke. */
export interface FieldProblem<Field extends string> {
  field: Field;
  code: string;
}

export type GeneralReason = 'network' | 'server' | 'forbidden' | 'notFound' | 'stale' | 'invalid';

/** A failed write, in the three places a form shows one. */
export type ApiProblem<Row, Field extends string> =
  /** Someone saved first: the stored row, for the conflict panel. */
  | { kind: 'conflict'; current: Row }
  /** Beside each field. */
  | { kind: 'fields'; fields: FieldProblem<Field>[] }
  /** Above the buttons. `error` stays for flows that read more of the answer (413, 415, reasons). */
  | { kind: 'general'; reason: GeneralReason; error: ApiError | null };

interface ClassifyOptions<Row, Field extends string> {
  /** Without it a 412 is only "stale": the caller reloads. */
  current?: StoredRowSchema<Row>;
  /** The form's name for a field the server named, or null for one the form does not show. */
  fieldOf?: (serverField: string) => Field | null;
}

function serverIssues(details: unknown): { field: string; code: string }[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    const { field, code } = (i ?? {}) as { field?: unknown; code?: unknown };
    return typeof field === 'string' && typeof code === 'string' ? [{ field, code }] : [];
  });
}

/** The one reading of a failed write every form shares. */
export function classifyApiError<Row, Field extends string>(
  error: unknown,
  options: ClassifyOptions<Row, Field> = {},
): ApiProblem<Row, Field> {
  if (!isApiError(error)) return { kind: 'general', reason: 'server', error: null };
  const general = (reason: GeneralReason) => ({ kind: 'general' as const, reason, error });
  if (error.kind === 'network') return general('network');
  if (error.kind !== 'http') return general('server');
  switch (error.status) {
    case 412: {
      const stored = (error.details as { current?: unknown } | null | undefined)?.current;
      const current = options.current?.safeParse(stored);
      return current?.success ? { kind: 'conflict', current: current.data } : general('stale');
    }
    case 403:
      return general('forbidden');
    case 404:
      return general('notFound');
    // 409: a taken key (a KPI code) names its field as a broken rule does.
    case 400:
    case 409:
    case 422: {
      const seen = new Set<string>();
      // The first rule broken per field is the one shown, as the form's own check does.
      const fields = serverIssues(error.details).flatMap(({ field, code }) => {
        const name = options.fieldOf?.(field) ?? null;
        if (name === null || seen.has(name)) return [];
        seen.add(name);
        return [{ field: name, code }];
      });
      return fields.length > 0 ? { kind: 'fields', fields } : general('invalid');
    }
  }
  return general(error.status < 500 ? 'invalid' : 'server');
}

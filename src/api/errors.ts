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

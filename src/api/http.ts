import type { z } from 'zod';
import { ApiErrorBody } from '@domain/contract/common';
import { API_PREFIX, buildPath, routes, type RouteDef } from '@domain/contract/routes';
import { etagOf, parseIfMatch } from '@domain/problems';
import { ApiError } from './errors';

export { ApiError, isApiError, type ApiErrorKind } from './errors';

type Routes = typeof routes;
export type RouteName = keyof Routes;
export type ResponseOf<N extends RouteName> = z.infer<Routes[N]['response']>;

/**
 * The only module that calls fetch. It knows nothing about the UI: it returns typed data or
 * throws an ApiError, and the route error boundary decides what the user sees.
 */

type ParamsArg<R> = R extends { params: infer S extends z.ZodType }
  ? { params: z.input<S> }
  : { params?: never };
type QueryArg<R> = R extends { query: infer S extends z.ZodType }
  ? { query?: z.input<S> }
  : { query?: never };
type BodyArg<R> = R extends { body: infer S extends z.ZodType }
  ? { body: z.input<S> }
  : { body?: never };

export type RequestOptions<N extends RouteName> = ParamsArg<Routes[N]> &
  QueryArg<Routes[N]> &
  BodyArg<Routes[N]> & {
    /** The version (or raw ETag) the caller read; sent as If-Match on writes. */
    ifMatch?: number | string;
    signal?: AbortSignal;
  };

export interface ApiResult<T> {
  data: T;
  /** The raw ETag header, when the server sent one. */
  etag: string | null;
  /** The version carried by the ETag, ready to send back as If-Match. */
  version: number | null;
}

interface LooseOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  ifMatch?: number | string;
  signal?: AbortSignal;
}

function buildUrl(path: string, options: LooseOptions): URL {
  const url = new URL(API_PREFIX + buildPath(path, options.params), window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

function buildHeaders(method: string, options: LooseOptions): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  // The server refuses any write that is not JSON (a CSRF guard), bodiless ones included.
  if (method !== 'GET') headers.set('Content-Type', 'application/json');
  if (options.ifMatch !== undefined) {
    headers.set(
      'If-Match',
      typeof options.ifMatch === 'number' ? etagOf(options.ifMatch) : options.ifMatch,
    );
  }
  return headers;
}

const NOT_JSON = Symbol('not-json');

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** Retry-After in its delta-seconds form; the HTTP-date form is not used by Jalon's server. */
function retryAfterOf(response: Response): number | null {
  const raw = response.headers.get('Retry-After');
  return raw && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

function httpError(response: Response, body: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError('http', response.status, code, message, details, {
      retryAfterSeconds: retryAfterOf(response),
    });
  }
  // A proxy or a crashed server may answer with HTML: keep the status, say nothing more.
  return new ApiError(
    'http',
    response.status,
    null,
    response.statusText || `HTTP ${response.status}`,
  );
}

/**
 * Calls one route of the contract. Every response body is parsed with the route's zod schema,
 * in production too: the payloads are small, a parse costs well under a millisecond, and a
 * mismatch (a server deployed ahead of the app, a proxy page) then surfaces as one clear
 * "unexpected response" instead of a crash deep inside a component.
 */
export async function request<N extends RouteName>(
  name: N,
  ...[options]: Partial<RequestOptions<N>> extends RequestOptions<N>
    ? [RequestOptions<N>?]
    : [RequestOptions<N>]
): Promise<ApiResult<ResponseOf<N>>> {
  // Widened on purpose: indexing the table by a generic name is a union too large for tsc.
  const def: RouteDef = (routes as Readonly<Record<RouteName, RouteDef>>)[name];
  const opts: LooseOptions = (options as LooseOptions | undefined) ?? {};
  const url = buildUrl(def.path, opts);

  let response: Response;
  try {
    response = await fetch(url, {
      method: def.method,
      headers: buildHeaders(def.method, opts),
      body:
        opts.body === undefined
          ? def.method === 'GET'
            ? undefined
            : '{}'
          : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (error) {
    // A cancelled request is not a failure: let React Query see the abort as it is.
    if (opts.signal?.aborted) throw error;
    throw new ApiError('network', 0, null, 'The server could not be reached', undefined, {
      cause: error,
    });
  }

  return parseResponse<N>(def, response);
}

/** A JSON answer checked against the route's schema, or the ApiError it stands for. */
async function parseResponse<N extends RouteName>(
  def: RouteDef,
  response: Response,
): Promise<ApiResult<ResponseOf<N>>> {
  const body = await readJson(response);
  if (!response.ok) throw httpError(response, body);
  if (body === NOT_JSON) {
    throw new ApiError('unexpected_response', response.status, null, 'The response is not JSON');
  }
  const parsed = def.response.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'unexpected_response',
      response.status,
      null,
      'The response does not match the contract',
      {
        issues: parsed.error.issues,
      },
    );
  }
  const etag = response.headers.get('ETag');
  return { data: parsed.data as ResponseOf<N>, etag, version: parseIfMatch(etag) };
}

/** Routes whose request body is a file (`rawBody` in the route table). */
type UploadRouteName = {
  [N in RouteName]: Routes[N] extends { rawBody: true } ? N : never;
}[RouteName];

export type UploadOptions<N extends UploadRouteName> = ParamsArg<Routes[N]> &
  QueryArg<Routes[N]> & {
    /** Sent as the body, with its own type as Content-Type (the server checks both). */
    file: Blob;
    signal?: AbortSignal;
  };

/** Sends a file to a `rawBody` route and parses the JSON answer with the route's schema. */
export async function upload<N extends UploadRouteName>(
  name: N,
  options: UploadOptions<N>,
): Promise<ApiResult<ResponseOf<N>>> {
  const def: RouteDef = (routes as Readonly<Record<RouteName, RouteDef>>)[name];
  const opts = options as LooseOptions & { file: Blob };
  const headers = new Headers({ Accept: 'application/json' });
  headers.set('Content-Type', opts.file.type || 'application/octet-stream');
  let response: Response;
  try {
    response = await fetch(buildUrl(def.path, opts), {
      method: def.method,
      headers,
      body: opts.file,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    throw new ApiError('network', 0, null, 'The server could not be reached', undefined, {
      cause: error,
    });
  }
  return parseResponse<N>(def, response);
}

import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { z } from 'zod';
import {
  API_PREFIX,
  routes,
  type HttpMethod,
  type IfMatchPolicy,
  type RouteDef,
} from '@domain/contract/routes';
import { decideAccess } from '@domain/rules/access';
import {
  evidenceMediaType,
  readRawBody,
  unsupportedEvidenceType,
  type RawBody,
} from '@domain/rules/milestone-evidence';
import type { Principal, Scope } from '@domain/rules/permissions';
import {
  notFound,
  parseIfMatch,
  preconditionFailed,
  preconditionRequired,
  Problem,
  etagOf,
} from '@domain/problems';
import { resolveScope } from './access';
import { isJson, NO_INPUT, queryOf, bodyOf, stringParams, validate } from './http-input';
import type { MockStore } from './store';

/**
 * Both route tables under one name space, so handlers name a route the same way whether or not
 * `routes` already includes the auth routes (spreading a table twice changes nothing).
 */
const mockRoutes = routes;
export type MockRoutes = typeof mockRoutes;
export type MockRouteName = keyof MockRoutes;

export interface HandlerContext {
  store: MockStore;
  /** Artificial latency so loading states can be seen in the browser. */
  latencyMs: number;
}

type Parsed<R, K extends 'params' | 'query' | 'body'> = R extends {
  [P in K]: infer S extends z.ZodType;
}
  ? z.output<S>
  : undefined;

export interface RouteInput<R extends RouteDef> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'body'>;
  /** Who is asking (null on public routes when signed out). */
  principal: Principal | null;
  /** Where the object named by the path lives, for `scoped` routes; null otherwise. */
  scope: Scope | null;
  /** Applies the route's If-Match policy to the row about to change (null when it does not exist yet). */
  precondition: (current: { version: number } | null) => void;
  /** The uploaded file of a `rawBody` route, its type and signature already checked; else null. */
  raw: RawBody | null;
}

/** What a `rawResponse` route's resolver returns: the bytes and the headers to send them with. */
export interface RawFile {
  bytes: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

export type RouteResolver<N extends MockRouteName> = (
  input: RouteInput<MockRoutes[N]>,
) => z.infer<MockRoutes[N]['response']>;

/** What admit returns before the route's own types are applied in defineRoute. */
type UncheckedInput = Record<'params' | 'query' | 'body', unknown> &
  Pick<RouteInput<RouteDef>, 'principal' | 'scope' | 'precondition' | 'raw'>;

const WRITES = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

const register: Record<HttpMethod, typeof http.get> = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
};

/**
 * An MSW handler for one contract route. The path comes from the route table with a wildcard
 * origin, so the same handlers answer `fetch('/api/v1/…')` in the browser and absolute URLs in Node.
 */
export function defineRoute<N extends MockRouteName>(
  ctx: HandlerContext,
  name: N,
  resolve: RouteResolver<N>,
): HttpHandler {
  const route: RouteDef = (mockRoutes as Readonly<Record<MockRouteName, RouteDef>>)[name];
  return register[route.method](`*${API_PREFIX}${route.path}`, async ({ request, params }) => {
    if (ctx.latencyMs > 0) await delay(ctx.latencyMs);
    try {
      const input = await admit(ctx.store, route, request, stringParams(params));
      // Safe: each part was parsed with the very schema RouteInput<MockRoutes[N]> infers from.
      const body: unknown = resolve(input as unknown as RouteInput<MockRoutes[N]>);
      return respond(route, body);
    } catch (error) {
      return problemResponse(error);
    }
  });
}

/** The query and body, read once and only when needed (after the access decision). */
export type ReadLater = () => Promise<{ query: Input; body: unknown }>;
type Input = Record<string, unknown> | undefined;

/**
 * The same decision as the server's, on every route: the route's declared access, on the scope of
 * the object its parameters name. Throws the refusal (401, 404 or 403).
 */
export async function authorize(
  store: MockStore,
  route: Pick<RouteDef, 'access'>,
  params: Input,
  readLater: ReadLater = () => Promise.resolve({ query: undefined, body: undefined }),
): Promise<{ principal: Principal | null; scope: Scope | null }> {
  const { access } = route;
  const principal = store.principal();
  let scope: Scope | null = null;
  if (access.kind === 'scoped') {
    // Only a programme route without the id in its path reads the query or body to find it.
    const needsInput = access.scope === 'programme' && params?.programmeId === undefined;
    scope = resolveScope(store, access.scope, params, needsInput ? await readLater() : undefined);
  }
  const refusal = decideAccess(principal, access, scope);
  if (refusal) throw refusal;
  return { principal, scope };
}

/**
 * A request is taken in the server's order (server/app.ts), so both answer the same status to
 * the same mistake: 415 for a write that is not JSON, 401 without a session, 400 for the path,
 * then 404/403 from the access decision, then 400 for the query and body, then 428.
 */
async function admit(
  store: MockStore,
  route: RouteDef,
  request: Request,
  rawParams: Record<string, string>,
): Promise<UncheckedInput> {
  const contentType = request.headers.get('content-type');
  // A file upload is refused for its type before anything else, as a JSON write that is not JSON.
  if (route.rawBody && !evidenceMediaType(contentType)) throw unsupportedEvidenceType();
  if (WRITES.has(route.method) && !route.rawBody && !isJson(contentType)) {
    throw new Problem(415, 'unsupported_media_type', 'Send the request body as application/json');
  }
  // A 401 must not depend on whether the input is valid.
  if (route.access.kind !== 'public' && !store.principal()) {
    throw decideAccess(null, route.access, null) as Problem;
  }
  const params = validate(route.params ?? NO_INPUT, rawParams, 'params') as Input;
  let later: ReturnType<ReadLater> | null = null;
  const readLater: ReadLater = () =>
    (later ??= (async () => ({
      query: validate(route.query ?? NO_INPUT, queryOf(request), 'query') as Input,
      body: route.rawBody ? undefined : await bodyOf(route, request),
    }))());
  const { principal, scope } = await authorize(store, route, params, readLater);
  const { query, body } = await readLater();
  const raw = route.rawBody
    ? await readRawBody(contentType, request.headers.get('content-length'), request.body)
    : null;
  const ifMatch = request.headers.get('if-match');
  const policy = route.ifMatch ?? 'none';
  if (policy === 'required' && parseIfMatch(ifMatch) === null) throw preconditionRequired();
  return {
    params: route.params ? params : undefined,
    query: route.query ? query : undefined,
    body,
    principal,
    scope,
    precondition: (current) => enforceIfMatch(policy, ifMatch, current),
    raw,
  };
}

/** Anything else under the API prefix is a JSON 404, as on the server. */
export function unknownApiPath(): HttpHandler {
  return http.all(`*${API_PREFIX}/*`, ({ request }) =>
    problemResponse(
      new Problem(
        404,
        'not_found',
        `No route for ${request.method} ${new URL(request.url).pathname}`,
      ),
    ),
  );
}

export function findOr404<T extends { id: string }>(
  rows: readonly T[],
  id: string,
  what: string,
): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw notFound(what);
  return row;
}

function enforceIfMatch(
  policy: IfMatchPolicy,
  header: string | null,
  current: { version: number } | null,
): void {
  if (policy === 'none') return;
  const version = parseIfMatch(header);
  if (current === null) {
    // Only upserts reach here: If-Match on a row that does not exist cannot hold (RFC 9110 §13.1.1).
    if (version !== null) throw preconditionFailed(null);
    return;
  }
  if (version === null) throw preconditionRequired();
  if (version !== current.version) throw preconditionFailed(current);
}

function respond(route: RouteDef, body: unknown): Response {
  if (route.rawResponse) {
    const file = body as RawFile;
    return new HttpResponse(file.bytes, { status: 200, headers: file.headers });
  }
  // The mocks check their own answers so they cannot drift from the contract unnoticed.
  const checked = route.response.safeParse(body);
  if (!checked.success) {
    throw new Problem(
      500,
      'internal',
      `Mock response breaks the contract of ${route.method} ${route.path}`,
      {
        issues: checked.error.issues,
      },
    );
  }
  const headers = new Headers();
  if (isVersioned(body)) headers.set('ETag', etagOf(body.version));
  return HttpResponse.json(body as Record<string, unknown>, {
    status: route.status ?? 200,
    headers,
  });
}

function isVersioned(body: unknown): body is { version: number } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { version?: unknown }).version === 'number'
  );
}

function problemResponse(error: unknown): Response {
  const problem =
    error instanceof Problem
      ? error
      : new Problem(500, 'internal', 'The mock handler failed unexpectedly');
  const headers = new Headers();
  const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)
    ?.retryAfterSeconds;
  if (problem.status === 429 && typeof retryAfter === 'number')
    headers.set('Retry-After', String(retryAfter));
  return HttpResponse.json(problem.toBody(), { status: problem.status, headers });
}

import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { authRoutes } from '@domain/contract/auth-routes';
import {
  API_PREFIX,
  routes,
  type HttpMethod,
  type IfMatchPolicy,
  type RouteDef,
} from '@domain/contract/routes';
import { decideAccess } from '@domain/rules/access';
import {
  invalid,
  notFound,
  parseIfMatch,
  preconditionFailed,
  preconditionRequired,
  Problem,
  etagOf,
} from '@domain/problems';
import { resolveScope } from './access';
import type { MockStore } from './store';

/**
 * Both route tables under one name space, so handlers name a route the same way whether or not
 * `routes` already includes the auth routes (spreading a table twice changes nothing).
 */
const mockRoutes = { ...routes, ...authRoutes };
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
  /** Applies the route's If-Match policy to the row about to change (null when it does not exist yet). */
  precondition: (current: { version: number } | null) => void;
}

export type RouteResolver<N extends MockRouteName> = (
  input: RouteInput<MockRoutes[N]>,
) => z.infer<MockRoutes[N]['response']>;

/** What parseInput returns before the route's own types are applied in defineRoute. */
type UncheckedInput = Record<'params' | 'query' | 'body', unknown> &
  Pick<RouteInput<RouteDef>, 'precondition'>;

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
  const route: RouteDef = mockRoutes[name];
  // The auth routes are always guarded; the data routes once the store's switch is on.
  const guarded = name in authRoutes;
  return register[route.method](`*${API_PREFIX}${route.path}`, async ({ request, params }) => {
    if (ctx.latencyMs > 0) await delay(ctx.latencyMs);
    try {
      if (guarded || ctx.store.enforceAccess) authorize(ctx.store, route, stringParams(params));
      const input = await parseInput(route, request, params);
      // Safe: each part was parsed with the very schema RouteInput<MockRoutes[N]> infers from.
      const body: unknown = resolve(input as unknown as RouteInput<MockRoutes[N]>);
      return respond(route, body);
    } catch (error) {
      return problemResponse(error);
    }
  });
}

/**
 * The same decision as the server's: the route's declared access, on the scope of the object its
 * parameters name. Runs before the body is read, so a refused caller learns nothing from 400s.
 */
export function authorize(
  store: MockStore,
  route: Pick<RouteDef, 'access'>,
  params: Record<string, string>,
): void {
  const { access } = route;
  const scope = access.kind === 'scoped' ? resolveScope(store, access.scope, params) : null;
  const refusal = decideAccess(store.principal(), access, scope);
  if (refusal) throw refusal;
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

async function parseInput(
  route: RouteDef,
  request: Request,
  rawParams: Record<string, string | readonly string[] | undefined>,
): Promise<UncheckedInput> {
  const params = route.params
    ? validate(route.params, stringParams(rawParams), 'params')
    : undefined;
  const query = route.query
    ? validate(route.query, Object.fromEntries(new URL(request.url).searchParams), 'query')
    : undefined;
  const body = route.body ? validate(route.body, await readJson(request), 'body') : undefined;
  const ifMatch = request.headers.get('if-match');
  return {
    params,
    query,
    body,
    precondition: (current) => enforceIfMatch(route.ifMatch ?? 'none', ifMatch, current),
  };
}

function stringParams(
  raw: Record<string, string | readonly string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  // MSW reports the wildcard origin as a positional parameter ("0"): it is not part of the route.
  for (const [k, v] of Object.entries(raw))
    if (typeof v === 'string' && !/^\d+$/.test(k)) out[k] = v;
  return out;
}

function validate(schema: z.ZodType, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(where, result.error);
  return result.data;
}

/** Writes accept JSON only (a form post cannot forge one), and malformed JSON is the client's fault. */
async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new Problem(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Problem(400, 'bad_request', 'The body is not valid JSON');
  }
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

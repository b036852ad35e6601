import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { API_PREFIX, routes, type RouteDef, type RouteName } from '../src/domain/contract';
import {
  Problem,
  etagOf,
  invalid,
  notFound,
  parseIfMatch,
  preconditionRequired,
} from '../src/domain/problems';
import {
  decideAccess,
  effectiveRole,
  readRawBody,
  type Principal,
  type RawBody,
  type Scope,
} from '../src/domain/rules';
import { cookiePolicy, readSessionToken } from './auth/cookies';
import { clientIp, type Origins } from './auth/origin';
import { RateLimited } from './auth/rate-limit';
import { recordSecurityEvent, type SecurityEvent } from './auth/security-events';
import { resolveSession } from './auth/sessions';
import { ANONYMOUS, systemClock, type Clock, type RequestContext } from './context';
import type { Database } from './db/kysely';
import { admission } from './http/admission';
import { readJsonBody } from './http/body';
import { securityHeaders } from './http/headers';
import { silentLogger, type Logger } from './logger';
import type { Mailer, PasswordHasher, SpreadsheetWriter } from './ports';
import { handlers } from './routes';
import type { HandlerInput, RawFile } from './routes/types';
import { resolveScope } from './scope';
import { RequestSession } from './session-control';

export interface AppOptions {
  database: Pick<Database, 'db' | 'kind'>;
  /** Every time the server reads (sessions, rate limits, audit) comes from here. */
  clock?: Clock;
  logger?: Logger;
  /** What answers outside the API (the built SPA in production); none: the API only. */
  fallback?: MiddlewareHandler | null;
  /** Parse every response with its contract schema (tests and development). */
  validateResponses?: boolean;
  /** Where Jalon is reached (PUBLIC_ORIGIN, or the loopback address served); https gives the `__Host-` Secure cookie. */
  origins: Origins;
  /** TRUST_PROXY: the one address whose X-Forwarded-For is believed. */
  trustProxy?: string | null;
  mailer?: Mailer | null;
  /** Node's XLSX writer (server/node/spreadsheets); none: the XLSX export answers 501. */
  spreadsheets?: SpreadsheetWriter | null;
  passwords: PasswordHasher;
}

/** What the runtime binds to a request (the second argument of `app.fetch`). */
export interface RuntimeBindings {
  /** Node: the socket, for the client's address. Elsewhere the address is unknown. */
  incoming?: { socket: { remoteAddress?: string } };
  /**
   * In a browser a Response built in script drops Set-Cookie, so the in-page runtime of
   * `npm run dev` takes the session cookie here and plays the browser's cookie jar.
   */
  setCookie?: (cookie: string) => void;
}

type Env = { Bindings: RuntimeBindings; Variables: { requestId: string } };

type UntypedHandler = (input: HandlerInput<RouteName>) => Promise<unknown>;

const NO_INPUT = z.strictObject({});
// Secrets that travel in URLs (account links) never reach the request log.
const redact = (path: string) => path.replace(/\/(tokens|accept)\/[^/]+/g, '/$1/…');

function parse(schema: z.ZodType, value: unknown, where: 'params' | 'query' | 'body'): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(where, result.error);
  return result.data;
}

function queryOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    // A repeated parameter is ambiguous; refuse it rather than guess which one counts.
    if (values.length !== 1) {
      throw new Problem(400, 'validation_failed', `Invalid query: ${key}`, {
        issues: [{ field: key, code: 'repeated', message: 'given more than once' }],
      });
    }
    out[key] = values[0] ?? '';
  }
  return out;
}

function ifMatchFor(def: RouteDef, header: string | undefined): number | null {
  if (!def.ifMatch || def.ifMatch === 'none') return null;
  const version = parseIfMatch(header);
  if (def.ifMatch === 'required' && version === null) throw preconditionRequired();
  return version;
}

/** Routes without a body accept none, or `{}`; anything else is a client mistake. */
async function bodyOf(def: RouteDef, req: Request): Promise<unknown> {
  const raw = await readJsonBody(req);
  if (def.body) return parse(def.body, raw, 'body');
  if (raw !== undefined) parse(NO_INPUT, raw, 'body');
  return undefined;
}

const hasVersion = (v: unknown): v is { version: number } =>
  typeof v === 'object' && v !== null && 'version' in v && typeof v.version === 'number';
const asRecord = (v: unknown) =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;

/** A body naming another object than its path (another programme, say) is a mistake, not an override. */
function refuseOtherPathIds(params: Record<string, unknown> | undefined, body: unknown): void {
  const fields = asRecord(body);
  if (!params || !fields) return;
  for (const [key, value] of Object.entries(params)) {
    if (key in fields && fields[key] !== value) {
      throw new Problem(400, 'validation_failed', `Invalid body: ${key}`, {
        issues: [
          {
            field: key,
            code: 'path_mismatch',
            message: `must be ${String(value)}, as in the path`,
          },
        ],
      });
    }
  }
}

export function createApp(options: AppOptions): Hono<Env> {
  const { database, clock = systemClock, logger = silentLogger } = options;
  const db = database.db;
  const { origins } = options;
  const policy = cookiePolicy(origins.links);
  const validateResponses = options.validateResponses ?? false;
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const requestId = crypto.randomUUID();
    const started = performance.now();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: redact(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use('*', securityHeaders());
  app.use(`${API_PREFIX}/*`, admission(origins));

  for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
    // Each handler is typed by its own route; the table walk can only see the union of them.
    const handler = (handlers as Readonly<Record<RouteName, UntypedHandler>>)[name];
    app.on(def.method, `${API_PREFIX}${def.path}`, async (c) => {
      const requestId = c.get('requestId');
      const ip = clientIp(
        c.env?.incoming?.socket.remoteAddress,
        c.req.header('X-Forwarded-For'),
        options.trustProxy ?? null,
      );
      const security = (e: Omit<SecurityEvent, 'ip' | 'requestId'>) =>
        recordSecurityEvent(db, new Date(clock.now()), { ...e, ip, requestId });
      const deny = async (problem: Problem, principal: Principal | null): Promise<never> => {
        await security({
          kind: 'access_denied',
          userId: principal?.userId ?? null,
          route: name,
          status: problem.status,
        });
        throw problem;
      };

      // 1. Who is asking: a 401 must not depend on whether the input is valid.
      const token = readSessionToken(policy, c.req.header('Cookie'));
      const resolved = await resolveSession(db, token, new Date(clock.now()));
      if (resolved.kind === 'expired') {
        await security({
          kind: 'session_expired',
          userId: resolved.userId,
          route: name,
          status: 401,
        });
      }
      const principal = resolved.kind === 'active' ? resolved.session.principal : null;
      if (def.access.kind !== 'public' && !principal) {
        await deny(decideAccess(null, def.access, null) as Problem, null);
      }
      // 2. The path, which names the object; 3. may this principal see it, and act on it?
      const params = asRecord(parse(def.params ?? NO_INPUT, c.req.param(), 'params'));
      let later: Promise<{ query: Record<string, unknown> | undefined; body: unknown }> | null =
        null;
      const readLater = () =>
        (later ??= (async () => ({
          query: asRecord(parse(def.query ?? NO_INPUT, queryOf(c), 'query')),
          body: def.rawBody ? undefined : await bodyOf(def, c.req.raw),
        }))());
      let scope: Scope | null = null;
      if (def.access.kind === 'scoped') {
        scope = await resolveScope(db, def.access.scope, params, readLater);
        const problem = decideAccess(principal, def.access, scope);
        if (problem) await deny(problem, principal);
      }
      // 4. The rest of the input, then the version precondition.
      const { query, body } = await readLater();
      refuseOtherPathIds(params, body);
      // A file is read (size counted, signature checked) only once the caller may send it.
      const raw: RawBody | null = def.rawBody
        ? await readRawBody(
            c.req.header('Content-Type'),
            c.req.header('Content-Length'),
            c.req.raw.body,
          )
        : null;
      const ifMatch = ifMatchFor(def, c.req.header('If-Match'));

      const userAgent = c.req.header('User-Agent') ?? '';
      const session = new RequestSession(token, db, clock, policy, userAgent);
      const ctx: RequestContext = {
        db,
        databaseKind: database.kind,
        principal,
        actor: principal ? { id: principal.userId, name: principal.name } : ANONYMOUS,
        role: principal && scope ? effectiveRole(principal, scope) : null,
        scope,
        requestId,
        clock,
        ip,
        userAgent,
        linkOrigin: origins.links,
        session,
        mailer: options.mailer ?? null,
        spreadsheets: options.spreadsheets ?? null,
        passwords: options.passwords,
        security,
      };
      const input = { params, query, body, raw, ifMatch, ctx } as HandlerInput<RouteName>;
      // A rule may refuse a role after the gate (the milestone state machine): still a denial.
      let result: unknown;
      try {
        result = await handler(input);
      } catch (error) {
        if (error instanceof Problem && error.status === 403) await deny(error, principal);
        throw error;
      }
      if (def.rawResponse) {
        const file = result as RawFile;
        return new Response(file.bytes, { status: 200, headers: file.headers });
      }
      if (validateResponses) def.response.parse(result);
      if (hasVersion(result)) c.header('ETag', etagOf(result.version));
      if (session.cookie) {
        c.header('Set-Cookie', session.cookie);
        c.env?.setCookie?.(session.cookie);
      }
      return c.json(result, def.status ?? 200);
    });
  }

  app.all('/api/*', () => {
    throw notFound('API route');
  });
  if (options.fallback) app.use('*', options.fallback);
  app.notFound((c) => c.json(notFound('Resource').toBody(), 404));

  app.onError((error, c) => {
    if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof Problem)
      return c.json(error.toBody(), error.status as ContentfulStatusCode);
    const requestId = c.get('requestId');
    // Details stay in the server log; the client gets only the id to quote.
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: redact(c.req.path),
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return c.json(
      {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side',
          details: { requestId },
        },
      },
      500,
    );
  });

  return app;
}

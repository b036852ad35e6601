import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
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
import type { Actor } from '../src/domain/rules';
import { SYSTEM_ACTOR, systemClock, type Clock, type RequestContext } from './context';
import type { Database } from './db/open';
import { isJsonContentType, readJsonBody } from './http/body';
import { securityHeaders } from './http/headers';
import { staticFiles } from './http/static';
import { silentLogger, type Logger } from './logger';
import { handlers } from './routes';
import type { HandlerInput } from './routes/types';

export interface AppOptions {
  database: Pick<Database, 'db' | 'kind'>;
  clock?: Clock;
  logger?: Logger;
  /** The built SPA; null serves the API only. */
  distDir?: string | null;
  /** Parse every response with its contract schema (tests and development). */
  validateResponses?: boolean;
  /** Who is calling: the seam where sessions plug in. */
  resolveActor?: (req: Request) => Promise<Actor>;
}

type Env = { Variables: { requestId: string } };

const NO_INPUT = z.strictObject({});
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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

const hasVersion = (v: unknown): v is { version: number } =>
  typeof v === 'object' && v !== null && 'version' in v && typeof v.version === 'number';

export function createApp(options: AppOptions): Hono<Env> {
  const { database, clock = systemClock, logger = silentLogger } = options;
  const resolveActor = options.resolveActor ?? (() => Promise.resolve(SYSTEM_ACTOR));
  const validateResponses = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const requestId = randomUUID();
    const started = performance.now();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('x-request-id', requestId);
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use('*', securityHeaders());
  app.use(`${API_PREFIX}/*`, async (c, next) => {
    if (WRITES.has(c.req.method) && !isJsonContentType(c.req.header('Content-Type'))) {
      throw new Problem(415, 'unsupported_media_type', 'Send the request body as application/json');
    }
    await next();
  });

  for (const [name, def] of Object.entries(routes) as [RouteName, RouteDef][]) {
    // Each handler is typed by its own route; the table walk can only see the union of them.
    const handler = handlers[name] as (input: HandlerInput<RouteName>) => Promise<unknown>;
    app.on(def.method, `${API_PREFIX}${def.path}`, async (c) => {
      // Who is asking comes first: once sign-in exists, a 401 must not depend on input validity.
      const actor = await resolveActor(c.req.raw);
      const input = {
        params: parse(def.params ?? NO_INPUT, c.req.param(), 'params'),
        query: parse(def.query ?? NO_INPUT, queryOf(c), 'query'),
        body: def.body ? parse(def.body, await readJsonBody(c.req.raw), 'body') : undefined,
        ifMatch: ifMatchFor(def, c.req.header('If-Match')),
        ctx: {
          db: database.db,
          databaseKind: database.kind,
          actor,
          requestId: c.get('requestId'),
          clock,
        } satisfies RequestContext,
      } as HandlerInput<RouteName>;
      const result = await handler(input);
      if (validateResponses) def.response.parse(result);
      if (hasVersion(result)) c.header('ETag', etagOf(result.version));
      return c.json(result, def.status ?? 200);
    });
  }

  app.all('/api/*', () => {
    throw notFound('API route');
  });
  if (options.distDir) app.use('*', staticFiles(options.distDir));
  app.notFound((c) => c.json(notFound('Resource').toBody(), 404));

  app.onError((error, c) => {
    if (error instanceof Problem)
      return c.json(error.toBody(), error.status as ContentfulStatusCode);
    const requestId = c.get('requestId');
    // Details stay in the server log; the client gets only the id to quote.
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
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

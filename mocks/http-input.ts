import { z } from 'zod';
import type { RouteDef } from '@domain/contract/routes';
import { invalid, Problem } from '@domain/problems';

/*
 * Reading a request's parts for the mock handlers, refused as the server refuses them
 * (server/app.ts and server/http/body.ts).
 */

export const NO_INPUT = z.strictObject({});

/** Every query parameter once: a repeated one is ambiguous, so it is refused as on the server. */
export function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const search = new URL(request.url).searchParams;
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    if (values.length !== 1) {
      throw new Problem(400, 'validation_failed', `Invalid query: ${key}`, {
        issues: [{ field: key, code: 'repeated', message: 'given more than once' }],
      });
    }
    out[key] = values[0] ?? '';
  }
  return out;
}

/** Routes without a body accept none, or `{}`; anything else is a client mistake. */
export async function bodyOf(route: RouteDef, request: Request): Promise<unknown> {
  const raw = await readJson(request);
  if (route.body) return validate(route.body, raw, 'body');
  if (raw !== undefined) validate(NO_INPUT, raw, 'body');
  return undefined;
}

export function stringParams(
  raw: Record<string, string | readonly string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  // MSW reports the wildcard origin as a positional parameter ("0"): it is not part of the route.
  for (const [k, v] of Object.entries(raw))
    if (typeof v === 'string' && !/^\d+$/.test(k)) out[k] = v;
  return out;
}

export function validate(
  schema: z.ZodType,
  value: unknown,
  where: 'params' | 'query' | 'body',
): unknown {
  const result = schema.safeParse(value);
  if (!result.success) throw invalid(where, result.error);
  return result.data;
}

export const isJson = (type: string | null) =>
  !!type && /^application\/json\s*(;|$)/i.test(type.trim());

/** An empty body is no body; malformed JSON is the client's fault. */
async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Problem(400, 'bad_request', 'The request body is not valid JSON');
  }
}

import type { MiddlewareHandler } from 'hono';
import { API_PREFIX, routes, type RouteDef } from '../../src/domain/contract';
import { Problem } from '../../src/domain/problems';
import { evidenceMediaType, unsupportedEvidenceType } from '../../src/domain/rules';
import { checkSameOrigin, type Origins } from '../auth/origin';
import { isJsonContentType } from './body';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths of the routes that take a file as their body, to type-check it before anything else. */
const RAW_BODY_ROUTES = Object.values(routes as Readonly<Record<string, RouteDef>>)
  .filter((def) => def.rawBody)
  .map((def) => ({
    method: def.method,
    path: new RegExp(`^${API_PREFIX}${def.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`),
  }));
const takesFile = (method: string, path: string) =>
  RAW_BODY_ROUTES.some((r) => r.method === method && r.path.test(path));

/** Every percent-escape of the path and query decodes to UTF-8 text. */
function wellEncoded(url: URL): boolean {
  try {
    decodeURIComponent(url.pathname);
    for (const part of url.search.slice(1).split('&')) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * What every API request passes before anything reads a session: an address in UTF-8, a body of
 * the type its route takes, and for writes the same origin (CSRF, ASVS 3.5), so a forged request
 * changes nothing.
 */
export const admission =
  (origins: Origins): MiddlewareHandler =>
  async (c, next) => {
    // Bytes that are not UTF-8 (a lone surrogate sent as %ED%A0%80) would otherwise reach the
    // handlers as literal percent signs, and be stored as something nobody sent.
    if (!wellEncoded(new URL(c.req.url))) {
      throw new Problem(400, 'bad_request', 'The address is not valid percent-encoded UTF-8');
    }
    if (WRITES.has(c.req.method)) {
      if (takesFile(c.req.method, c.req.path)) {
        // An upload's type is checked as early as a JSON write's: an unlisted type goes no further.
        if (!evidenceMediaType(c.req.header('Content-Type'))) throw unsupportedEvidenceType();
      } else if (!isJsonContentType(c.req.header('Content-Type'))) {
        throw new Problem(
          415,
          'unsupported_media_type',
          'Send the request body as application/json',
        );
      }
      const refused = checkSameOrigin(
        { origin: c.req.header('Origin'), secFetchSite: c.req.header('Sec-Fetch-Site') },
        origins,
      );
      if (refused) throw refused;
    }
    await next();
  };

import { delay, http, type HttpHandler } from 'msw';
import { API_PREFIX } from '@domain/contract/routes';
import type { RuntimeBindings } from '@server/app';

/** The server's own Hono app, or anything else that answers a Request the same way. */
export interface FetchApp {
  fetch(request: Request, bindings: RuntimeBindings): Response | Promise<Response>;
}

/**
 * Where the bridge keeps the session cookie the app sets. A mocked response cannot set an
 * HttpOnly cookie in the browser, and Node's fetch keeps none, so the bridge plays the browser's
 * cookie jar: it stores `name=value` from Set-Cookie and sends it back as Cookie.
 */
export interface SessionJar {
  read(): string | null;
  write(cookie: string | null): void;
}

export interface BridgeOptions {
  /** Artificial latency, so loading states can be seen in the browser. */
  latencyMs?: number;
}

const READS = new Set(['GET', 'HEAD']);

export function memoryJar(): SessionJar {
  let cookie: string | null = null;
  return {
    read: () => cookie,
    write: (next) => {
      cookie = next;
    },
  };
}

/**
 * The only MSW handler: every request under the API prefix goes to `app` — the same app, routes,
 * rules and SQL as `npm start` — so the mocks cannot answer anything the server would not.
 */
export function apiBridge(
  app: () => Promise<FetchApp>,
  jar: SessionJar,
  options: BridgeOptions = {},
): HttpHandler {
  return http.all(`*${API_PREFIX}/*`, async ({ request }) => {
    if (options.latencyMs) await delay(options.latencyMs);
    const forwarded = await asSentByBrowser(request, jar);
    let setCookie: string | null = null;
    const response = await (
      await app()
    ).fetch(forwarded, {
      setCookie: (cookie) => {
        setCookie = cookie;
      },
    });
    if (setCookie !== null) jar.write(cookiePair(setCookie));
    return withoutSetCookie(response);
  });
}

async function asSentByBrowser(request: Request, jar: SessionJar): Promise<Request> {
  const headers = new Headers(request.headers);
  const cookie = jar.read();
  if (cookie) headers.set('Cookie', cookie);
  else headers.delete('Cookie');
  // Only the page's own requests reach MSW, so they are same-origin by construction; the fetch
  // metadata the browser adds on the wire is not visible to the worker. A request that names
  // another origin is still refused by the app's CSRF check.
  if (!headers.has('Sec-Fetch-Site')) headers.set('Sec-Fetch-Site', 'same-origin');
  const body = READS.has(request.method) ? undefined : await request.arrayBuffer();
  const forwarded = new Request(request.url, { method: request.method, body });
  // A browser drops Cookie and Sec-Fetch-* from the headers of a Request built in script, as
  // the server would never see them missing; a free-standing Headers object keeps them.
  Object.defineProperty(forwarded, 'headers', { value: headers });
  return forwarded;
}

/** `name=value` from a Set-Cookie header, or null when it clears the cookie. */
function cookiePair(setCookie: string): string | null {
  const pair = setCookie.split(';')[0]?.trim() ?? '';
  const cleared = /;\s*Max-Age=0/i.test(setCookie) || pair.endsWith('=');
  return cleared ? null : pair;
}

/** In Node the header is there too: the page must not see it, as it could not in a browser. */
function withoutSetCookie(response: Response): Response {
  if (!response.headers.has('Set-Cookie')) return response;
  const headers = new Headers(response.headers);
  headers.delete('Set-Cookie');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

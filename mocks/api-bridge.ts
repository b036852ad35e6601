import { delay, http, type HttpHandler } from 'msw';
import { API_PREFIX } from '@domain/contract/routes';

/** The server's own Hono app, or anything else that answers a Request the same way. */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
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
    return keepCookie(await (await app()).fetch(forwarded), jar);
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
  return new Request(request.url, { method: request.method, headers, body });
}

function keepCookie(response: Response, jar: SessionJar): Response {
  const setCookie = response.headers.get('Set-Cookie');
  if (setCookie === null) return response;
  const pair = setCookie.split(';')[0]?.trim() ?? '';
  const cleared = /;\s*Max-Age=0/i.test(setCookie) || pair.endsWith('=');
  jar.write(cleared ? null : pair);
  const headers = new Headers(response.headers);
  headers.delete('Set-Cookie');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

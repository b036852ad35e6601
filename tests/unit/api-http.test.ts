/**
 * @vitest-environment jsdom
 */
// jsdom gives http.ts a window.location to resolve the API prefix against, as in the browser.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, request } from '@/api/http';

const programme = {
  id: 'pascaline',
  name: 'Pascaline',
  funder: 'ARS',
  description: '',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  smallCountThreshold: 10,
  slippageToleranceDays: 30,
  leadsSetTargets: false,
  version: 3,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const consortium = {
  id: 'coord-dom',
  programmeId: 'pascaline',
  code: 'C1',
  name: 'Coord’Dom',
  solution: 'x',
  description: '',
  territory: 'Lyon Est',
  startDate: '2025-01-01',
  endDate: '2026-12-31',
  budgetEur: 100,
  status: 'active',
  partners: [],
  version: 7,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

// These tests exercise the client against hand-written edge cases (bad bodies, dropped
// connections) that the demo mocks are right never to produce.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('request', () => {
  it('builds the URL from the route table and parses the body with the route schema', async () => {
    let seen: URL | null = null;
    server.use(
      http.get('*/api/v1/programmes/:programmeId', ({ request: r }) => {
        seen = new URL(r.url);
        return HttpResponse.json(programme);
      }),
    );
    const result = await request('getProgramme', { params: { programmeId: 'pascaline' } });
    expect(result.data).toEqual(programme);
    expect(seen!.pathname).toBe('/api/v1/programmes/pascaline');
    expect(seen!.origin).toBe(window.location.origin);
  });

  it('sends query parameters and leaves undefined ones out', async () => {
    let search = '';
    server.use(
      http.get('*/api/v1/programmes/:programmeId/portfolio', ({ request: r }) => {
        search = new URL(r.url).search;
        return HttpResponse.json({ programme, asOf: '2026-06-15', consortia: [] });
      }),
    );
    await request('getPortfolio', {
      params: { programmeId: 'pascaline' },
      query: { asOf: '2026-06-15' },
    });
    expect(search).toBe('?asOf=2026-06-15');
    await request('getPortfolio', { params: { programmeId: 'pascaline' }, query: {} });
    expect(search).toBe('');
  });

  it('turns a contract error body into ApiError fields', async () => {
    server.use(
      http.get('*/api/v1/consortia/:id', () =>
        HttpResponse.json(
          {
            error: { code: 'not_found', message: 'Consortium not found', details: { id: 'nope' } },
          },
          { status: 404 },
        ),
      ),
    );
    const error = await rejection(request('getConsortium', { params: { consortiumId: 'nope' } }));
    expect(error).toMatchObject({
      kind: 'http',
      status: 404,
      code: 'not_found',
      message: 'Consortium not found',
      details: { id: 'nope' },
    });
    expect(error.isNotFound).toBe(true);
    expect(error.isClientError).toBe(true);
  });

  it('keeps the status of an error whose body is not the contract’s (e.g. a proxy page)', async () => {
    server.use(
      http.get(
        '*/api/v1/health',
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );
    const error = await rejection(request('health'));
    expect(error).toMatchObject({ kind: 'http', status: 502, code: null });
    expect(error.isClientError).toBe(false);
  });

  it('reports a dropped connection as a network error', async () => {
    server.use(http.get('*/api/v1/health', () => HttpResponse.error()));
    const error = await rejection(request('health'));
    expect(error).toMatchObject({ kind: 'network', status: 0, code: null });
  });

  it('reports a 200 with a non-JSON body as an unexpected response', async () => {
    server.use(http.get('*/api/v1/health', () => HttpResponse.text('<html>login</html>')));
    const error = await rejection(request('health'));
    expect(error).toMatchObject({ kind: 'unexpected_response', status: 200 });
  });

  it('reports a body that does not match the contract as an unexpected response', async () => {
    server.use(
      http.get('*/api/v1/programmes', () =>
        HttpResponse.json({ items: [{ ...programme, version: 'three' }] }),
      ),
    );
    const error = await rejection(request('listProgrammes'));
    expect(error.kind).toBe('unexpected_response');
    expect(error.details).toMatchObject({
      issues: [expect.objectContaining({ path: ['items', 0, 'version'] })],
    });
  });

  it('reads the ETag into the result', async () => {
    server.use(
      http.get('*/api/v1/consortia/:id', () =>
        HttpResponse.json(consortium, { headers: { ETag: '"7"' } }),
      ),
    );
    const result = await request('getConsortium', { params: { consortiumId: 'coord-dom' } });
    expect(result.etag).toBe('"7"');
    expect(result.version).toBe(7);
  });

  it('returns null ETag and version when the server sends none', async () => {
    server.use(http.get('*/api/v1/programmes', () => HttpResponse.json({ items: [] })));
    const result = await request('listProgrammes');
    expect(result).toEqual({ data: { items: [] }, etag: null, version: null });
  });

  it('sends If-Match, JSON body and same-origin credentials on writes', async () => {
    let headers: Headers | null = null;
    let body: unknown = null;
    let credentials: RequestCredentials | null = null;
    server.use(
      http.patch('*/api/v1/consortia/:id', async ({ request: r }) => {
        headers = r.headers;
        credentials = r.credentials;
        body = await r.json();
        return HttpResponse.json(
          { ...consortium, name: 'Renamed', version: 8 },
          { headers: { ETag: '"8"' } },
        );
      }),
    );
    const result = await request('patchConsortium', {
      params: { consortiumId: 'coord-dom' },
      body: { name: 'Renamed' },
      ifMatch: 7,
    });
    expect(headers!.get('If-Match')).toBe('"7"');
    expect(headers!.get('Content-Type')).toBe('application/json');
    expect(body).toEqual({ name: 'Renamed' });
    expect(credentials).toBe('same-origin');
    expect(result.version).toBe(8);
  });

  it('passes a raw ETag string through as If-Match unchanged', async () => {
    let ifMatch: string | null = null;
    server.use(
      http.patch('*/api/v1/consortia/:id', ({ request: r }) => {
        ifMatch = r.headers.get('If-Match');
        return HttpResponse.json(consortium);
      }),
    );
    await request('patchConsortium', {
      params: { consortiumId: 'coord-dom' },
      body: { name: 'x' },
      ifMatch: 'W/"7"',
    });
    expect(ifMatch).toBe('W/"7"');
  });

  it('sends no If-Match on reads', async () => {
    let ifMatch: string | null = 'unset';
    server.use(
      http.get('*/api/v1/programmes', ({ request: r }) => {
        ifMatch = r.headers.get('If-Match');
        return HttpResponse.json({ items: [] });
      }),
    );
    await request('listProgrammes');
    expect(ifMatch).toBeNull();
  });

  it('lets an abort surface as the AbortError, not as an ApiError', async () => {
    server.use(
      http.get('*/api/v1/health', async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return HttpResponse.json({ status: 'ok', database: 'memory', version: '1' });
      }),
    );
    const controller = new AbortController();
    const pending = request('health', { signal: controller.signal });
    controller.abort();
    const error = await pending.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('retry policy', () => {
  it('never retries 4xx or contract mismatches, retries network and 5xx a little', async () => {
    const { shouldRetry } = await import('@/app/query-client');
    const http4xx = new ApiError('http', 404, 'not_found', 'x');
    const http5xx = new ApiError('http', 503, null, 'x');
    const network = new ApiError('network', 0, null, 'x');
    const mismatch = new ApiError('unexpected_response', 200, null, 'x');
    expect(shouldRetry(0, http4xx)).toBe(false);
    expect(shouldRetry(0, mismatch)).toBe(false);
    expect(shouldRetry(0, http5xx)).toBe(true);
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
  });
});
